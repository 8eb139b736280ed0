package cn.fazhi.decision.catalog;

/**
 * A catalogue matter as the secretariat enters it (JSON body of POST and PUT). Boxed and
 * textual on purpose: a missing or wrong value is answered with a 400 that names the
 * field, instead of a parse error or a silent default. Missing booleans mean false.
 *
 * @param category a {@link DecisionCategory} code
 * @param leadOffice a directory office id, e.g. {@code dept-nrp}
 */
public record NewCatalogEntry(Integer year, String title, String category, String leadOffice, Boolean hearingRequired,
		Boolean expertReviewRequired, Boolean riskAssessmentRequired, String plannedTiming) {

}
