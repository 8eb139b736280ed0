package cn.fazhi.normative;

/**
 * Codes of the normative-document periods in {@code deadline-rules.dmn}.
 */
public final class NormativeClocks {

	/** Public comment window (WINDOW, calendar days). */
	public static final String COMMENT_PERIOD = "ND_COMMENT_PERIOD";

	/** Unified publication after the collective deliberation (DEADLINE, working days). */
	public static final String PUBLICATION = "ND_PUBLICATION";

	/** Filing with the higher (or same-level) government after publication. */
	public static final String FILING_GOVERNMENT = "ND_FILING_GOVERNMENT";

	/** Filing with the people's congress standing committee after publication. */
	public static final String FILING_CONGRESS = "ND_FILING_CONGRESS";

	/** Validity of a document (YEARS, a term). */
	public static final String VALIDITY = "ND_VALIDITY";

	/** Validity of a 暂行/试行 document (YEARS, a term). */
	public static final String VALIDITY_PROVISIONAL = "ND_VALIDITY_PROVISIONAL";

	/** Evaluation before expiry (MONTHS: the lead time, due on the last valid day). */
	public static final String EXPIRY_EVALUATION = "ND_EXPIRY_EVALUATION";

	/** Review of a citizen's objection (DEADLINE, calendar days). */
	public static final String OBJECTION_REVIEW = "ND_OBJECTION_REVIEW";

	/** The enacting office's written answer to an objection (DEADLINE, working days). */
	public static final String ENACTOR_RESPONSE = "ND_ENACTOR_RESPONSE";

	private NormativeClocks() {
	}

}
