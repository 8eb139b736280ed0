package cn.fazhi.decision;

/**
 * Ids of the {@code major-decision} model (processes/major-decision/major-decision.bpmn),
 * its rule tables and forms, and its process variables. Nothing else names them; the
 * model-validation test checks that each exists in the model.
 */
public final class MajorDecisionModel {

	public static final String PROCESS_KEY = "major-decision";

	private MajorDecisionModel() {
	}

	/** BPMN element ids, in the order of the procedure. */
	public static final class Elements {

		public static final String START = "startEvent_decisionProposed";

		public static final String REGISTER = "serviceTask_registerDecision";

		public static final String ROUTE = "businessRuleTask_routeDecision";

		public static final String DECIDE_INITIATION = "userTask_decideInitiation";

		public static final String NOT_STARTED = "endEvent_notStarted";

		public static final String DRAFT = "userTask_draft";

		public static final String ARGUMENTATION = "subProcess_argumentation";

		public static final String PUBLISH_FOR_COMMENT = "userTask_publishForComment";

		public static final String COMMENT_PERIOD_ENDS = "timer_commentPeriodEnds";

		public static final String SUMMARIZE_COMMENTS = "userTask_summarizeComments";

		public static final String SCHEDULE_HEARING = "userTask_scheduleHearing";

		public static final String RECORD_HEARING = "userTask_recordHearing";

		public static final String CONSULT_ENTERPRISES = "userTask_consultEnterprises";

		public static final String SELECT_EXPERTS = "userTask_selectExperts";

		public static final String EXPERT_OPINION = "userTask_expertOpinion";

		public static final String RISK_ASSESSMENT = "userTask_riskAssessment";

		public static final String HIGH_RISK_DECISION = "userTask_highRiskDecision";

		public static final String ADJUST_DRAFT_FOR_RISK = "userTask_adjustDraftForRisk";

		public static final String STOPPED_FOR_RISK = "endEvent_stoppedForRisk";

		public static final String LEGALITY_REVIEW = "callActivity_legalityReview";

		public static final String ADOPT_LEGALITY_CHANGES = "userTask_adoptLegalityChanges";

		public static final String REVISE_DRAFT = "userTask_reviseDraft";

		public static final String SUBMIT_FOR_MEETING = "userTask_submitForMeeting";

		public static final String SCHEDULE_MEETING = "userTask_scheduleMeeting";

		public static final String RECORD_MEETING = "userTask_recordMeeting";

		public static final String REPORT_TO_PARTY = "userTask_reportToParty";

		public static final String PUBLISH_DECISION = "userTask_publishDecision";

		public static final String EXECUTION = "subProcess_execution";

		public static final String EXECUTION_REPORT = "userTask_executionReport";

		public static final String ADJUST_EXECUTION = "userTask_adjustExecution";

		public static final String RESUME_OR_STOP = "userTask_resumeOrStop";

		public static final String EXECUTION_STOPPED = "boundaryEvent_executionStopped";

		public static final String POST_EVALUATION = "userTask_postEvaluation";

		public static final String NOTIFY_STOP = "serviceTask_notifyStop";

		public static final String ARCHIVE = "userTask_archive";

		public static final String ARCHIVED = "endEvent_decisionArchived";

		private Elements() {
		}

	}

	/** Rule tables (DMN decision keys). */
	public static final class Decisions {

		public static final String ROUTING = "major-decision-routing";

		public static final String RULES = "major-decision-rules";

		private Decisions() {
		}

	}

	/** Camunda Form ids. */
	public static final class Forms {

		public static final String START = "majorDecisionStartForm";

		public static final String INITIATION = "majorDecisionInitiationForm";

		public static final String DRAFT = "majorDecisionDraftForm";

		public static final String MEETING = "majorDecisionMeetingForm";

		public static final String ARCHIVE = "majorDecisionArchiveForm";

		private Forms() {
		}

	}

	/** Process variables. */
	public static final class Variables {

		// start form
		public static final String START_BASIS = "startBasis";

		public static final String CATALOG_ENTRY_ID = "catalogEntryId";

		public static final String DECISION_TITLE = "decisionTitle";

		public static final String CATEGORY = "category";

		public static final String AD_HOC_REASON = "adHocReason";

		public static final String HEARING_REQUIRED = "hearingRequired";

		public static final String EXPERT_REVIEW_REQUIRED = "expertReviewRequired";

		public static final String RISK_ASSESSMENT_REQUIRED = "riskAssessmentRequired";

		public static final String PROPOSAL_SOURCE = "proposalSource";

		public static final String AFFECTS_ENTERPRISES = "affectsEnterprises";

		public static final String PARTY_REPORT_REQUIRED = "partyReportRequired";

		public static final String POST_EVALUATION_REQUIRED = "postEvaluationRequired";

		// set when registered
		public static final String CASE_NUMBER = "caseNumber";

		public static final String JURISDICTION = "jurisdiction";

		public static final String LEAD_OFFICE = "leadOffice";

		public static final String LEAD_OFFICE_OPTIONS = "leadOfficeOptions";

		public static final String COMMENT_MIN_DAYS = "commentMinDays";

		public static final String HEARING_MATERIALS_MIN_DAYS = "hearingMaterialsMinDays";

		public static final String EVALUATION_TRIGGERED = "evaluationTriggered";

		public static final String ROUTING = "decisionRouting";

		// steps
		public static final String INITIATION_DECISION = "initiationDecision";

		public static final String DRAFT_TEXT = "draftText";

		public static final String COMMENT_PUBLISHED_ON = "commentPublishedOn";

		public static final String COMMENT_PERIOD_DAYS = "commentPeriodDays";

		public static final String SHORTENING_REASON = "shorteningReason";

		public static final String HEARING_DATE = "hearingDate";

		public static final String HEARING_NOTICE_PUBLISHED_ON = "hearingNoticePublishedOn";

		public static final String MATERIALS_DELIVERED_ON = "materialsDeliveredOn";

		public static final String EXPERTS = "experts";

		public static final String EXPERT_OPTIONS = "expertOptions";

		public static final String EXPERT_OPINION = "expertOpinion";

		public static final String EXPERT_OPINIONS_SUMMARY = "expertOpinionsSummary";

		public static final String RISK_LEVEL = "riskLevel";

		public static final String HIGH_RISK_ACTION = "highRiskAction";

		public static final String LEGALITY_CONCLUSION = "legalityConclusion";

		public static final String LEGALITY_ROUND = "legalityRound";

		public static final String REVISION_REASON_TEXT = "revisionReasonText";

		public static final String MEETING_DATE = "meetingDate";

		public static final String MAJORITY_OPINION = "majorityOpinion";

		public static final String MEETING_DECISION = "meetingDecision";

		public static final String HEAD_DECISION_REASON = "headDecisionReason";

		public static final String DEFERRED_REASON = "deferredReason";

		public static final String PUBLICATION_DUE_DATE = "publicationDueDate";

		public static final String PARTY_REPORT_OUTCOME = "partyReportOutcome";

		public static final String EXECUTION_STATUS = "executionStatus";

		public static final String ADJUSTMENT_ACTION = "adjustmentAction";

		public static final String SUSPENSION_OUTCOME = "suspensionOutcome";

		public static final String DECISION_OUTCOME = "decisionOutcome";

		public static final String STOP_REASON = "stopReason";

		private Variables() {
		}

	}

}
