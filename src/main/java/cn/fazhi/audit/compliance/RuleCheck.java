package cn.fazhi.audit.compliance;

import java.util.ArrayList;
import java.util.List;

import cn.fazhi.audit.compliance.ComplianceReport.Evidence;
import cn.fazhi.audit.compliance.ComplianceReport.Result;
import cn.fazhi.audit.compliance.ComplianceReport.RuleResult;

/**
 * One rule being checked: what it found wrong, what it confirmed, and the evidence. A
 * rule fails if anything was found wrong; it passes with the confirmations as its
 * explanation.
 */
final class RuleCheck {

	private final String id;

	private final String title;

	private final String article;

	private final List<Evidence> evidence = new ArrayList<>();

	private final List<String> failures = new ArrayList<>();

	private final List<String> confirmations = new ArrayList<>();

	RuleCheck(String id, String title, String article) {
		this.id = id;
		this.title = title;
		this.article = article;
	}

	RuleCheck evidence(Evidence entry) {
		this.evidence.add(entry);
		return this;
	}

	RuleCheck fail(String why) {
		this.failures.add(why);
		return this;
	}

	RuleCheck confirm(String what) {
		this.confirmations.add(what);
		return this;
	}

	RuleResult notApplicable(String why) {
		return new RuleResult(this.id, this.title, this.article, Result.NOT_APPLICABLE, why,
				List.copyOf(this.evidence));
	}

	RuleResult result() {
		if (!this.failures.isEmpty()) {
			return new RuleResult(this.id, this.title, this.article, Result.FAIL, String.join("；", this.failures),
					List.copyOf(this.evidence));
		}
		return new RuleResult(this.id, this.title, this.article, Result.PASS, String.join("；", this.confirmations),
				List.copyOf(this.evidence));
	}

}
