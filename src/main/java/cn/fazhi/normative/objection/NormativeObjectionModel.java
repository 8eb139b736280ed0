package cn.fazhi.normative.objection;

/**
 * Ids of the {@code normative-document-objection} model
 * (processes/normative-document-objection/normative-document-objection.bpmn), its forms
 * and variables. The model-validation test checks that each exists in the model.
 */
public final class NormativeObjectionModel {

	public static final String PROCESS_KEY = "normative-document-objection";

	private NormativeObjectionModel() {
	}

	/** BPMN element ids, in the order of the procedure. */
	public static final class Elements {

		public static final String START = "startEvent_objectionReceived";

		public static final String REGISTER = "serviceTask_registerObjection";

		public static final String REVIEW = "userTask_reviewObjection";

		public static final String ENACTOR_RESPONSE = "userTask_enactorResponse";

		public static final String APPLY_OUTCOME = "serviceTask_applyObjectionOutcome";

		public static final String REPLY = "userTask_replyApplicant";

		public static final String ANSWERED = "endEvent_objectionAnswered";

		private Elements() {
		}

	}

	/** Camunda Form ids. */
	public static final class Forms {

		public static final String START = "normativeObjectionStartForm";

		public static final String REVIEW = "normativeObjectionReviewForm";

		public static final String RESPONSE = "normativeObjectionResponseForm";

		public static final String REPLY = "normativeObjectionReplyForm";

		private Forms() {
		}

	}

	/** Process variables. */
	public static final class Variables {

		public static final String APPLICANT_TYPE = "applicantType";

		public static final String OBJECTION_SOURCE = "objectionSource";

		public static final String DOCUMENT_NUMBER = "documentNumber";

		public static final String RECEIVED_ON = "receivedOn";

		public static final String CASE_NUMBER = "caseNumber";

		public static final String DOCUMENT_ID = "documentId";

		public static final String REVIEW_OFFICE = "reviewOffice";

		public static final String ENACTING_OFFICE = "enactingOffice";

		public static final String REVIEW_FINDING = "reviewFinding";

		public static final String REVIEW_OPINION = "reviewOpinion";

		public static final String ENACTOR_ACTION = "enactorAction";

		public static final String ENACTOR_RESPONSE = "enactorResponse";

		public static final String REVISION_CASE_NUMBER = "revisionCaseNumber";

		private Variables() {
		}

	}

}
