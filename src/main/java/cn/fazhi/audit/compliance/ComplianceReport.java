package cn.fazhi.audit.compliance;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

/**
 * The statutory rules a case was checked against, each with its article, the result and
 * the history entries that prove it ({@code GET
 * /api/audit/cases/{businessKey}/compliance}). This JSON shape is a public contract (ADR
 * 0012).
 *
 * @param processKey {@code major-decision} or {@code legality-review}
 * @param title the matter (decisionTitle or matterTitle)
 * @param overall FAIL if any rule here or in a called case failed, else PASS
 * @param counts how many rules gave PASS, FAIL and NOT_APPLICABLE (this case only)
 * @param calledCases the reports of the cases it called (its legality reviews)
 */
public record ComplianceReport(String businessKey, String processInstanceId, String processKey, String processName,
		String title, String state, OffsetDateTime checkedAt, String overall, Map<String, Integer> counts,
		List<RuleResult> rules, List<ComplianceReport> calledCases) {

	/** What a rule found. */
	public enum Result {

		PASS, FAIL, NOT_APPLICABLE

	}

	/**
	 * One rule's result.
	 *
	 * @param id stable rule code, e.g. {@code MD-15}
	 * @param title the rule in Chinese
	 * @param article the article it implements
	 * @param explanation why this result, in Chinese, with the dates and values used
	 * @param evidence the history entries the result rests on
	 */
	public record RuleResult(String id, String title, String article, Result result, String explanation,
			List<Evidence> evidence) {
	}

	/**
	 * A history entry a result rests on.
	 *
	 * @param kind STEP (an activity instance), VARIABLE (a variable update,
	 * ACT_HI_DETAIL), CLOCK (a clock event), CHAIN (the audit chain)
	 * @param ref the entry's id in the replay ({@code activityInstanceId}, variable
	 * change {@code id}, task id, or the chain's link id)
	 * @param name step name or variable name
	 * @param value the variable's value, when it is one
	 * @param note what this entry shows, in Chinese
	 */
	public record Evidence(String kind, String ref, String activityId, String name, OffsetDateTime time, Object value,
			String note) {
	}

}
