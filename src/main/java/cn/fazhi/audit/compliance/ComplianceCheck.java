package cn.fazhi.audit.compliance;

import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import cn.fazhi.audit.CaseTimeline;
import cn.fazhi.audit.CaseTimeline.Step;
import cn.fazhi.audit.chain.AuditChain;
import cn.fazhi.audit.compliance.ComplianceReport.Result;
import cn.fazhi.audit.compliance.ComplianceReport.RuleResult;
import cn.fazhi.calendar.CaseClock;
import cn.fazhi.decision.MajorDecisionModel;
import cn.fazhi.legalreview.LegalityReviewModel;
import cn.fazhi.reconsideration.ReconsiderationModel;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Checks a replayed case against the statutory rules of its procedure and reports, per
 * rule, PASS, FAIL or NOT_APPLICABLE with the article and the history entries it rests
 * on. Cases it called (legality reviews) are checked as well and reported nested; the
 * audit chain is verified once, for the whole case.
 */
@Component
public class ComplianceCheck {

	static final String DECISION_DEADLINES = MajorDecisionRules.LAW + "第26条、第32条；《政府信息公开条例》第26条（各任务的办理期限）";

	static final String REVIEW_DEADLINES = MajorDecisionRules.LAW + "第26条；本辖区合法性审查期限规则（各任务的办理期限）";

	static final String RECORDS = MajorDecisionRules.LAW + "第33条（决策过程记录）";

	private final CaseClock clock;

	private final AuditChain chain;

	private final ZoneId zone;

	ComplianceCheck(CaseClock clock, AuditChain chain, @Value("${fazhi.calendar.zone:Asia/Shanghai}") ZoneId zone) {
		this.clock = clock;
		this.chain = chain;
		this.zone = zone;
	}

	/**
	 * @param rootProcessInstanceId the root of the case's chain (the case itself, or the
	 * decision that called it)
	 */
	public ComplianceReport check(CaseTimeline timeline, String rootProcessInstanceId) {
		OffsetDateTime now = ClockUtil.getCurrentTime().toInstant().atZone(this.zone).toOffsetDateTime();
		List<RuleResult> chainRule = List
			.of(CommonRules.chain(this.chain.verifyCase(rootProcessInstanceId, timeline.businessKey()), RECORDS));
		return report(timeline, now, chainRule);
	}

	private ComplianceReport report(CaseTimeline timeline, OffsetDateTime now, List<RuleResult> extra) {
		Facts facts = new Facts(timeline, this.zone);
		List<RuleResult> rules = new ArrayList<>();
		String title;
		switch (timeline.model().key()) {
			case MajorDecisionModel.PROCESS_KEY -> {
				rules.addAll(new MajorDecisionRules(this.clock).check(facts));
				rules.add(CommonRules.deadlines(facts, now, DECISION_DEADLINES));
				title = title(facts, MajorDecisionModel.Variables.DECISION_TITLE);
			}
			case LegalityReviewModel.PROCESS_KEY -> {
				rules.addAll(new LegalityReviewRules(this.clock).check(facts));
				rules.add(CommonRules.deadlines(facts, now, REVIEW_DEADLINES));
				title = title(facts, LegalityReviewModel.Variables.MATTER_TITLE);
			}
			case ReconsiderationModel.PROCESS_KEY -> {
				rules.addAll(new ReconsiderationRules().check(facts));
				rules.add(CommonRules.deadlines(facts, now,
						ReconsiderationRules.LAW + "第30条、第31条、第48条、第54条、第62条（各环节期限）"));
				title = title(facts, "contestedAct");
			}
			default -> {
				rules.add(CommonRules.deadlines(facts, now, "各任务的办理期限"));
				title = null;
			}
		}
		rules.addAll(extra);
		List<ComplianceReport> called = new ArrayList<>();
		for (Step step : timeline.steps()) {
			if (step.calledCase() != null) {
				called.add(report(step.calledCase(), now, List.of()));
			}
		}
		Map<Result, Integer> tally = new EnumMap<>(Result.class);
		for (Result result : Result.values()) {
			tally.put(result, 0);
		}
		rules.forEach((rule) -> tally.merge(rule.result(), 1, Integer::sum));
		Map<String, Integer> counts = new LinkedHashMap<>();
		tally.forEach((result, count) -> counts.put(result.name(), count));
		boolean failed = tally.get(Result.FAIL) > 0
				|| called.stream().anyMatch((report) -> "FAIL".equals(report.overall()));
		return new ComplianceReport(timeline.businessKey(), timeline.processInstanceId(), timeline.model().key(),
				timeline.processName(), title, timeline.state(), now, failed ? "FAIL" : "PASS", counts,
				List.copyOf(rules), List.copyOf(called));
	}

	private static String title(Facts facts, String variable) {
		return facts.latest(variable).flatMap((change) -> Facts.text(change.value())).orElse(null);
	}

}
