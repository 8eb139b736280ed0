package cn.fazhi.normative;

/**
 * Ids of the {@code normative-document} model
 * (processes/normative-document/normative-document.bpmn), its rule tables, forms and
 * message, and its process variables. Nothing else names them; the model-validation test
 * checks that each exists in the model.
 */
public final class NormativeDocumentModel {

	public static final String PROCESS_KEY = "normative-document";

	private NormativeDocumentModel() {
	}

	/** BPMN element ids, in the order of the procedure. */
	public static final class Elements {

		public static final String START = "startEvent_draftingStarted";

		public static final String REGISTER_DRAFT = "serviceTask_registerDraft";

		public static final String ROUTE = "businessRuleTask_routeDocument";

		public static final String DRAFT = "userTask_draft";

		public static final String PUBLISH_FOR_COMMENT = "userTask_publishForComment";

		public static final String COMMENT_PERIOD_ENDS = "timer_commentPeriodEnds";

		public static final String SUMMARIZE_COMMENTS = "userTask_summarizeComments";

		public static final String LEGALITY_REVIEW = "callActivity_legalityReview";

		public static final String ADOPT_LEGALITY_CHANGES = "userTask_adoptLegalityChanges";

		public static final String REVISE_DRAFT = "userTask_reviseDraft";

		public static final String SUBMIT_FOR_DELIBERATION = "userTask_submitForDeliberation";

		public static final String SCHEDULE_MEETING = "userTask_scheduleMeeting";

		public static final String RECORD_MEETING = "userTask_recordMeeting";

		public static final String NOT_ISSUED = "endEvent_notIssued";

		public static final String REGISTER = "userTask_register";

		public static final String ASSIGN_NUMBERS = "serviceTask_assignNumbers";

		public static final String PUBLISH = "userTask_publish";

		public static final String FILING = "subProcess_filing";

		public static final String FILE_WITH_GOVERNMENT = "userTask_fileWithGovernment";

		public static final String GOVERNMENT_FILING_OVERDUE = "boundaryEvent_governmentFilingOverdue";

		public static final String RECORD_GOVERNMENT_FILING_OVERDUE = "serviceTask_recordGovernmentFilingOverdue";

		public static final String RECEIVE_GOVERNMENT_FILING = "userTask_receiveGovernmentFiling";

		public static final String REVIEW_GOVERNMENT_FILING = "userTask_reviewGovernmentFiling";

		public static final String CORRECT_FOR_GOVERNMENT = "userTask_correctForGovernment";

		public static final String GOVERNMENT_FILED = "endEvent_governmentFiled";

		public static final String FILE_WITH_CONGRESS = "userTask_fileWithCongress";

		public static final String CONGRESS_FILING_OVERDUE = "boundaryEvent_congressFilingOverdue";

		public static final String RECORD_CONGRESS_FILING_OVERDUE = "serviceTask_recordCongressFilingOverdue";

		public static final String RECEIVE_CONGRESS_FILING = "userTask_receiveCongressFiling";

		public static final String REVIEW_CONGRESS_FILING = "userTask_reviewCongressFiling";

		public static final String CORRECT_FOR_CONGRESS = "userTask_correctForCongress";

		public static final String CONGRESS_FILED = "endEvent_congressFiled";

		public static final String CONGRESS_NOT_REQUIRED = "endEvent_congressNotRequired";

		public static final String REPEALED_ON_FILING_REVIEW = "serviceTask_repealOnFilingReview";

		public static final String START_VALIDITY = "serviceTask_startValidity";

		public static final String VALIDITY = "subProcess_validity";

		public static final String EVALUATION_STARTS = "timer_evaluationStarts";

		public static final String EVALUATE_VALIDITY = "userTask_evaluateValidity";

		public static final String EXPIRED_DURING_EVALUATION = "boundaryEvent_expiredDuringEvaluation";

		public static final String START_REVISION = "serviceTask_startRevision";

		public static final String VALIDITY_ENDS = "timer_validityEnds";

		public static final String EXPIRE_DOCUMENT = "serviceTask_expireDocument";

		public static final String EXPIRED = "endEvent_expired";

		public static final String DOCUMENT_WITHDRAWN = "endEvent_documentWithdrawn";

		private Elements() {
		}

	}

	/** Rule tables (DMN decision keys). */
	public static final class Decisions {

		public static final String ROUTING = "normative-document-routing";

		public static final String NUMBERING = "normative-document-numbering";

		private Decisions() {
		}

	}

	/** Message names. */
	public static final class Messages {

		/**
		 * The document is no longer in force (repealed, declared invalid, or replaced by
		 * its revision): its case ends whatever step it is at.
		 */
		public static final String DOCUMENT_WITHDRAWN = "normativeDocumentWithdrawn";

		private Messages() {
		}

	}

	/** Camunda Form ids. */
	public static final class Forms {

		public static final String START = "normativeDocumentStartForm";

		public static final String DRAFT = "normativeDocumentDraftForm";

		public static final String REGISTRATION = "normativeDocumentRegistrationForm";

		public static final String PUBLICATION = "normativeDocumentPublicationForm";

		public static final String EVALUATION = "normativeDocumentEvaluationForm";

		private Forms() {
		}

	}

	/** Process variables. */
	public static final class Variables {

		// start form
		public static final String DOCUMENT_TITLE = "documentTitle";

		public static final String ISSUER_TYPE = "issuerType";

		public static final String DRAFTING_PURPOSE = "draftingPurpose";

		public static final String AFFECTS_MARKET = "affectsMarket";

		public static final String CONTACT_PERSON = "contactPerson";

		public static final String CONTACT_PHONE = "contactPhone";

		// set when registered
		public static final String CASE_NUMBER = "caseNumber";

		public static final String JURISDICTION = "jurisdiction";

		public static final String DRAFTING_OFFICE = "draftingOffice";

		public static final String ISSUER = "issuer";

		public static final String ISSUER_NAME = "issuerName";

		public static final String PROVISIONAL = "provisional";

		public static final String VALIDITY_CLOCK = "validityClock";

		public static final String COMMENT_MIN_DAYS = "commentMinDays";

		public static final String ROUTING = "documentRouting";

		public static final String REVISES_DOCUMENT_ID = "revisesDocumentId";

		// steps
		public static final String DRAFTING_DECISION = "draftingDecision";

		public static final String DRAFT_TEXT = "draftText";

		public static final String FAIR_COMPETITION_CONCLUSION = "fairCompetitionConclusion";

		public static final String COMMENT_EXEMPT = "commentExempt";

		public static final String COMMENT_PUBLISHED_ON = "commentPublishedOn";

		public static final String COMMENT_PERIOD_DAYS = "commentPeriodDays";

		public static final String SHORTENING_REASON = "shorteningReason";

		public static final String LEGALITY_CONCLUSION = "legalityConclusion";

		public static final String LEGALITY_ROUND = "legalityRound";

		public static final String CHANGES_ADOPTED = "changesAdopted";

		public static final String NOT_ADOPTED_REASON = "notAdoptedReason";

		public static final String CHANGES_IGNORED = "changesIgnored";

		public static final String REVISION_REASON_TEXT = "revisionReasonText";

		public static final String REVISION_ACTION = "revisionAction";

		public static final String MEETING_TYPE = "meetingType";

		public static final String MEETING_TYPE_OPTIONS = "meetingTypeOptions";

		public static final String MEETING_DATE = "meetingDate";

		public static final String MEETING_DECISION = "meetingDecision";

		public static final String PUBLICATION_DUE_DATE = "publicationDueDate";

		public static final String VALIDITY_YEARS = "validityYears";

		public static final String VALIDITY_LENGTH = "validityLength";

		public static final String REGISTRATION_NUMBER = "registrationNumber";

		public static final String DOCUMENT_NUMBER = "documentNumber";

		public static final String PUBLICATION_CHANNELS = "publicationChannels";

		public static final String PUBLISHED_ON = "publishedOn";

		public static final String EFFECTIVE_DATE = "effectiveDate";

		public static final String DOCUMENT_ID = "documentId";

		public static final String VALID_UNTIL = "validUntil";

		public static final String EVALUATION_DUE = "evaluationDue";

		public static final String EVALUATION_OUTCOME = "evaluationOutcome";

		public static final String EVALUATION_REASON = "evaluationReason";

		public static final String REVISION_CASE_NUMBER = "revisionCaseNumber";

		public static final String DOCUMENT_OUTCOME = "documentOutcome";

		private Variables() {
		}

	}

}
