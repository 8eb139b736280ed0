package cn.fazhi.legalreview;

/**
 * Codes of the legality review's periods in {@code deadline-rules.dmn}.
 */
final class LegalityReviewClocks {

	/** Least review time before the matter may be tabled (MINIMUM; Art 26 para 2). */
	static final String FLOOR = "LR_FLOOR";

	/**
	 * Review deadline (DEADLINE; local rules; the submitter may ask for a later date).
	 */
	static final String LIMIT = "LR_LIMIT";

	/** Intake of the materials (DEADLINE). */
	static final String INTAKE = "LR_INTAKE";

	/** The submitter's time to supply missing materials (DEADLINE, calendar days). */
	static final String SUPPLEMENT = "LR_SUPPLEMENT";

	private LegalityReviewClocks() {
	}

}
