package cn.fazhi.normative.cleanup;

/**
 * Ids of the {@code normative-document-cleanup} model
 * (processes/normative-document-cleanup/normative-document-cleanup.bpmn), its forms and
 * variables. The model-validation test checks that each exists in the model.
 */
public final class NormativeCleanupModel {

	public static final String PROCESS_KEY = "normative-document-cleanup";

	private NormativeCleanupModel() {
	}

	/** BPMN element ids, in the order of the procedure. */
	public static final class Elements {

		public static final String START = "startEvent_cleanupStarted";

		public static final String REGISTER = "serviceTask_registerCleanup";

		public static final String SELECT_DOCUMENTS = "userTask_selectDocuments";

		public static final String PROPOSE_OUTCOME = "userTask_proposeOutcome";

		public static final String REVIEW_RESULTS = "userTask_reviewResults";

		public static final String PUBLISH_RESULTS = "userTask_publishResults";

		public static final String APPLY_RESULTS = "serviceTask_applyCleanupResults";

		public static final String PUBLISHED = "endEvent_cleanupPublished";

		private Elements() {
		}

	}

	/** Camunda Form ids. */
	public static final class Forms {

		public static final String START = "normativeCleanupStartForm";

		public static final String SCOPE = "normativeCleanupScopeForm";

		public static final String OPINION = "normativeCleanupOpinionForm";

		private Forms() {
		}

	}

	/** Process variables. */
	public static final class Variables {

		public static final String CAMPAIGN_TITLE = "campaignTitle";

		public static final String CLEANUP_TRIGGER = "cleanupTrigger";

		public static final String CASE_NUMBER = "caseNumber";

		public static final String COORDINATOR_OFFICE = "coordinatorOffice";

		public static final String PUBLISHING_OFFICE = "publishingOffice";

		public static final String DOCUMENTS = "documents";

		public static final String DOCUMENT_OPTIONS = "documentOptions";

		public static final String DOCUMENT_ID = "cleanupDocumentId";

		public static final String DECISION = "cleanupDecision";

		public static final String REASON = "cleanupReason";

		public static final String RESULTS = "cleanupResults";

		public static final String RESULTS_TEXT = "cleanupResultsText";

		public static final String RESULTS_PUBLISHED_ON = "resultsPublishedOn";

		private Variables() {
		}

	}

}
