package cn.fazhi.legalreview;

/**
 * Ids of the {@code legality-review} model
 * (processes/legality-review/legality-review.bpmn), its rule tables and forms, and the
 * variables of its call contract. Nothing else names them; the model-validation test
 * checks that each exists in the model.
 */
public final class LegalityReviewModel {

	public static final String PROCESS_KEY = "legality-review";

	private LegalityReviewModel() {
	}

	/** BPMN element ids. */
	public static final class Elements {

		public static final String START = "startEvent_reviewRequested";

		public static final String REGISTER = "serviceTask_registerReview";

		public static final String ROUTE = "businessRuleTask_routeReview";

		public static final String COMPUTE_DEADLINES = "serviceTask_computeDeadlines";

		public static final String INTAKE = "userTask_intake";

		public static final String REQUEST_SUPPLEMENT = "serviceTask_requestSupplement";

		public static final String SUPPLEMENT = "userTask_supplementMaterials";

		public static final String RECORD_SUPPLEMENT = "serviceTask_recordSupplement";

		public static final String ASSIGN_REVIEWER = "userTask_assignReviewer";

		public static final String REVIEW = "userTask_review";

		public static final String ADVISER_OPINION = "userTask_adviserOpinion";

		public static final String SIGN_OFF = "userTask_signOff";

		public static final String END = "endEvent_reviewConcluded";

		private Elements() {
		}

	}

	/** Rule tables (DMN decision keys). */
	public static final class Decisions {

		public static final String ROUTING = "legality-review-routing";

		private Decisions() {
		}

	}

	/** Camunda Form ids. */
	public static final class Forms {

		public static final String START = "legalityReviewStartForm";

		public static final String INTAKE = "legalityReviewIntakeForm";

		public static final String SUPPLEMENT = "legalityReviewSupplementForm";

		public static final String ASSIGN = "legalityReviewAssignForm";

		public static final String OPINION = "legalityReviewOpinionForm";

		public static final String ADVISER_OPINION = "legalityReviewAdviserOpinionForm";

		public static final String SIGN_OFF = "legalityReviewSignOffForm";

		private Forms() {
		}

	}

	/** Process variables. The call contract: inputs first, then outputs. */
	public static final class Variables {

		// inputs (start form or call activity)
		public static final String MATTER_TITLE = "matterTitle";

		public static final String MATTER_TYPE = "matterType";

		/** Office group id; derived from the person who starts the review on its own. */
		public static final String SUBMITTING_OFFICE = "submittingOffice";

		public static final String DRAFT_SUMMARY = "draftSummary";

		public static final String LEGAL_BASIS_CITED = "legalBasisCited";

		public static final String PROCEDURES_PERFORMED = "proceduresPerformed";

		/**
		 * Optional yyyy-MM-dd: when the submitter needs the opinion; not before the
		 * floor.
		 */
		public static final String REQUESTED_DEADLINE = "requestedDeadline";

		// outputs
		public static final String LEGALITY_CONCLUSION = "legalityConclusion";

		public static final String LEGALITY_REASONS = "legalityReasons";

		public static final String LEGAL_BASIS = "legalBasis";

		public static final String REQUIRED_CHANGES = "requiredChanges";

		public static final String SIGNED_OFF_BY = "legalitySignedOffBy";

		public static final String SIGNED_OFF_AT = "legalitySignedOffAt";

		// internal
		public static final String JURISDICTION = "jurisdiction";

		public static final String SUBMITTING_OFFICE_NAME = "submittingOfficeName";

		public static final String SUBMITTED_BY = "submittedBy";

		public static final String MATTER_TYPE_NAME = "matterTypeName";

		public static final String RECEIVED_AT = "receivedAt";

		public static final String ROUTING = "legalityRouting";

		public static final String FLOOR_DATE = "reviewFloorDate";

		public static final String DUE_DATE = "reviewDueDate";

		public static final String INTAKE_DUE_DATE = "intakeDueDate";

		public static final String DEADLINES_PROVISIONAL = "deadlinesProvisional";

		public static final String MATERIALS_COMPLETE = "materialsComplete";

		public static final String MISSING_ITEMS = "missingItems";

		public static final String SUPPLEMENT_REQUESTED_AT = "supplementRequestedAt";

		public static final String SUPPLEMENT_DUE_DATE = "supplementDueDate";

		public static final String SUPPLEMENT_WORKING_DAYS = "supplementWorkingDays";

		public static final String REVIEWER = "reviewer";

		public static final String REVIEWER_OPTIONS = "reviewerOptions";

		public static final String REVIEW_ACTION = "reviewAction";

		public static final String CONSULTEES = "consultees";

		public static final String CONSULTEE_OPTIONS = "consulteeOptions";

		public static final String CONSULTATION_QUESTION = "consultationQuestion";

		public static final String ADVISER_OPINION = "adviserOpinion";

		public static final String ADVISER_OPINIONS_SUMMARY = "adviserOpinionsSummary";

		public static final String SIGN_OFF_DECISION = "signOffDecision";

		public static final String SIGN_OFF_COMMENT = "signOffComment";

		private Variables() {
		}

	}

}
