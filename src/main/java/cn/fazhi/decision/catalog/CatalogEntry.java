package cn.fazhi.decision.catalog;

/**
 * One matter of the annual decision catalogue.
 *
 * @param leadOffice the directory id of the undertaking office (承办单位)
 * @param leadOfficeName its name, from the directory at read time (the id if the office
 * is no longer in the directory)
 * @param hearingRequired whether the catalogue already says a hearing (听证) is needed
 * @param expertReviewRequired whether expert argumentation (专家论证) is needed
 * @param riskAssessmentRequired whether a risk assessment (风险评估) is needed
 * @param plannedTiming free text such as “2026年第三季度”, or null
 * @param runningBusinessKey the case number of the decision being handled for this
 * matter, or null when none runs
 */
public record CatalogEntry(long id, int year, String title, DecisionCategory category, String leadOffice,
		String leadOfficeName, boolean hearingRequired, boolean expertReviewRequired, boolean riskAssessmentRequired,
		String plannedTiming, CatalogStatus status, String runningBusinessKey) {

}
