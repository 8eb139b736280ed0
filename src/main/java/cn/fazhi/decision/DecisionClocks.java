package cn.fazhi.decision;

/**
 * Codes of the major-decision periods in {@code deadline-rules.dmn}.
 */
final class DecisionClocks {

	/** Public comment window (WINDOW, calendar days; Art 15). */
	static final String COMMENT_PERIOD = "MD_COMMENT_PERIOD";

	/** Hearing materials before the hearing (MINIMUM, calendar days; Art 16). */
	static final String HEARING_MATERIALS = "MD_HEARING_MATERIALS";

	/** Publication after the collective decision (DEADLINE, working days; Art 32). */
	static final String PUBLICATION = "MD_PUBLICATION";

	private DecisionClocks() {
	}

}
