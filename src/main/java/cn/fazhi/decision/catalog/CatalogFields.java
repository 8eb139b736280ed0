package cn.fazhi.decision.catalog;

/**
 * A {@link NewCatalogEntry} after {@link CatalogEntryValidator} accepted it: trimmed,
 * typed and complete, ready to be written.
 */
record CatalogFields(int year, String title, DecisionCategory category, String leadOffice, boolean hearingRequired,
		boolean expertReviewRequired, boolean riskAssessmentRequired, String plannedTiming) {

}
