package cn.fazhi.audit.compliance;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Set;

import cn.fazhi.audit.CaseTimeline.ClockEvent;
import cn.fazhi.audit.CaseTimeline.Step;
import cn.fazhi.audit.chain.VerificationReport;
import cn.fazhi.audit.compliance.ComplianceReport.Evidence;
import cn.fazhi.audit.compliance.ComplianceReport.RuleResult;
import cn.fazhi.calendar.CaseClock;

/** Rules every procedure has: deadlines kept, and a history nobody changed. */
final class CommonRules {

	private static final Set<String> OVERDUE_VARIABLES = Set.of("overdue", "overdueSince");

	private CommonRules() {
	}

	/**
	 * Every task with a due date was completed by it, or its overdue state was recorded
	 * (a clock event or the variables {@code overdue} / {@code overdueSince}). The due
	 * date is the task's last one: a due date changed through the API is shown as
	 * evidence.
	 */
	static RuleResult deadlines(Facts facts, OffsetDateTime now, String article) {
		RuleCheck rule = new RuleCheck("DEADLINES", "各环节任务在办理期限内办结，逾期的应当记录超期情况", article);
		List<Step> timed = facts.timeline()
			.steps()
			.stream()
			.filter((step) -> step.task() != null && step.task().dueDate() != null)
			.toList();
		if (timed.isEmpty()) {
			return rule.notApplicable("本案的任务未设办理期限");
		}
		int onTime = 0;
		for (Step step : timed) {
			OffsetDateTime due = step.task().dueDate();
			step.clockEvents()
				.stream()
				.filter((event) -> "DUE_DATE_CHANGED".equals(event.kind()))
				.forEach((event) -> rule.evidence(Facts.clock(event, "办理期限被修改")));
			boolean late = (step.endTime() != null) ? step.endTime().isAfter(due)
					: "ACTIVE".equals(step.state()) && now.isAfter(due);
			if (!late) {
				onTime++;
				continue;
			}
			rule.evidence(Facts.step(step, "办理期限 " + CaseClock.text(facts.day(due))));
			List<ClockEvent> recorded = step.clockEvents()
				.stream()
				.filter((event) -> "OVERDUE_RECORDED".equals(event.kind()))
				.toList();
			boolean variable = step.variableChanges()
				.stream()
				.anyMatch((change) -> OVERDUE_VARIABLES.contains(change.name()));
			String when = (step.endTime() != null) ? "于 " + CaseClock.text(facts.day(step.endTime())) + " 办结" : "至今未办结";
			if (!recorded.isEmpty() || variable) {
				recorded.forEach((event) -> rule.evidence(Facts.clock(event, "已记录超期")));
				rule.confirm(
						"“" + step.name() + "”逾期（应于 " + CaseClock.text(facts.day(due)) + " 前办结，" + when + "），已记录超期");
			}
			else {
				rule.fail("“" + step.name() + "”应于 " + CaseClock.text(facts.day(due)) + " 前办结，" + when + "，且未记录超期");
			}
		}
		return rule.confirm(timed.size() + " 项有办理期限的任务中 " + onTime + " 项按期办结").result();
	}

	/** The case's history is the one the audit chain recorded. */
	static RuleResult chain(VerificationReport report, String article) {
		RuleCheck rule = new RuleCheck("CHAIN", "全过程记录未被改动（审计链核验）", article);
		if (report.intact()) {
			rule.evidence(new Evidence("CHAIN", report.digest(), null, "审计链摘要", report.verifiedAt(), null,
					"核验 " + report.checkedLinks() + " 个链节、" + report.checkedRows() + " 条历史记录"));
			return rule.confirm("审计链完整：核验 " + report.checkedLinks() + " 个链节、" + report.checkedRows() + " 条历史记录")
				.result();
		}
		VerificationReport.Break broken = report.firstBroken();
		rule.evidence(new Evidence("CHAIN", broken.linkId(), null, broken.table(), report.verifiedAt(), broken.rowId(),
				broken.description()));
		return rule
			.fail("审计链核验发现 " + report.problemCount() + " 处不一致，第一处："
					+ ((broken.linkId() == null) ? "" : "链节 " + broken.linkId() + "，") + broken.description())
			.result();
	}

}
