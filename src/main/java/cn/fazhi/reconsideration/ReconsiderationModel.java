package cn.fazhi.reconsideration;

/**
 * Ids of the {@code reconsideration} model
 * (processes/reconsideration/reconsideration.bpmn), its rule table and forms, and its
 * process variables. Nothing else names them; the model-validation test checks that each
 * exists in the model.
 */
public final class ReconsiderationModel {

	public static final String PROCESS_KEY = "reconsideration";

	private ReconsiderationModel() {
	}

	/** BPMN element ids. */
	public static final class Elements {

		public static final String START = "startEvent_applicationReceived";

		public static final String REGISTER = "serviceTask_registerApplication";

		public static final String ACCEPTANCE_REVIEW = "userTask_acceptanceReview";

		public static final String DEEMED_ACCEPTED = "boundaryEvent_deemedAccepted";

		public static final String NOT_ACCEPTED = "endEvent_notAccepted";

		public static final String AWAIT_CORRECTION = "userTask_awaitCorrection";

		public static final String CORRECTION_OVERDUE = "boundaryEvent_correctionOverdue";

		public static final String ABANDONED = "endEvent_abandoned";

		public static final String RESTART_ACCEPTANCE = "serviceTask_restartAcceptance";

		public static final String RECORD_ACCEPTANCE = "serviceTask_recordAcceptance";

		public static final String CHOOSE_PROCEDURE = "userTask_chooseProcedure";

		public static final String SEND_COPY = "userTask_sendCopy";

		public static final String RESPONDENT_REPLY = "userTask_respondentReply";

		public static final String REPLY_MISSED = "boundaryEvent_replyMissed";

		public static final String HANDLE_CASE = "userTask_handleCase";

		public static final String HEAR_OPINIONS = "userTask_hearOpinions";

		public static final String SCHEDULE_HEARING = "userTask_scheduleHearing";

		public static final String HOLD_HEARING = "userTask_holdHearing";

		public static final String COMMITTEE = "userTask_committeeConsultation";

		public static final String APPRAISAL = "userTask_appraisal";

		public static final String SUSPENSION = "userTask_suspension";

		public static final String RESUME_OR_TERMINATE = "userTask_resumeOrTerminate";

		public static final String SUSPENSION_LIMIT = "boundaryEvent_suspensionLimit";

		public static final String TERMINATED_AFTER_SUSPENSION = "endEvent_terminatedAfterSuspension";

		public static final String INCIDENTAL_REVIEW = "userTask_incidentalReview";

		public static final String MEDIATION = "userTask_mediation";

		public static final String MEDIATED = "endEvent_mediated";

		public static final String APPROVE_WITHDRAWAL = "userTask_approveWithdrawal";

		public static final String TERMINATED = "endEvent_terminated";

		public static final String APPROVE_EXTENSION = "userTask_approveExtension";

		public static final String APPROVE_CONVERSION = "userTask_approveConversion";

		public static final String APPROVE_DECISION = "userTask_approveDecision";

		public static final String SERVE_DECISION = "userTask_serveDecision";

		public static final String SUPERVISE_PERFORMANCE = "userTask_supervisePerformance";

		public static final String DECIDED = "endEvent_decided";

		private Elements() {
		}

	}

	/** Rule tables (DMN decision keys). */
	public static final class Decisions {

		public static final String ROUTING = "reconsideration-routing";

		private Decisions() {
		}

	}

	/** Camunda Form ids. */
	public static final class Forms {

		public static final String APPLICATION = "reconsiderationApplicationForm";

		public static final String ACCEPTANCE = "reconsiderationAcceptanceForm";

		public static final String HANDLING = "reconsiderationHandlingForm";

		public static final String DECISION_APPROVAL = "reconsiderationDecisionApprovalForm";

		private Forms() {
		}

	}

	/**
	 * Codes of the periods in deadline-rules.dmn (《行政复议法》第88条: 3/5/7/10日 are working
	 * days).
	 */
	public static final class Clocks {

		public static final String APPLICATION = "RC_APPLICATION";

		public static final String APPLICATION_UNINFORMED = "RC_APPLICATION_UNINFORMED";

		public static final String ACCEPTANCE = "RC_ACCEPTANCE";

		public static final String CORRECTION = "RC_CORRECTION";

		public static final String COPY = "RC_COPY";

		public static final String REPLY = "RC_REPLY";

		public static final String DECISION = "RC_DECISION";

		public static final String HEARING_NOTICE = "RC_HEARING_NOTICE";

		public static final String SUSPENSION_LIMIT = "RC_SUSPENSION_LIMIT";

		public static final String INCIDENTAL = "RC_INCIDENTAL";

		public static final String OPINION_LETTER = "RC_OPINION_LETTER";

		private Clocks() {
		}

	}

	/** Process variables the Java code reads or writes. */
	public static final class Variables {

		public static final String CASE_NUMBER = "caseNumber";

		public static final String RESPONDENT = "respondent";

		public static final String KNOWLEDGE_DATE = "knowledgeDate";

		public static final String ACT_DATE = "actDate";

		public static final String INFORMED_OF_RIGHTS = "informedOfRights";

		public static final String REAL_PROPERTY = "realProperty";

		public static final String ACCEPTANCE_DECISION = "acceptanceDecision";

		public static final String ACCEPTED_ON = "acceptedOn";

		public static final String PROCEDURE = "procedure";

		public static final String CLOCK_VARIANT = "clockVariant";

		public static final String HANDLER = "handler";

		public static final String CO_HANDLER = "coHandler";

		public static final String HANDLING_ACTION = "handlingAction";

		public static final String DECISION_TYPE = "decisionType";

		public static final String REPLY_MISSED = "replyMissed";

		public static final String CASE_OUTCOME = "caseOutcome";

		private Variables() {
		}

	}

}
