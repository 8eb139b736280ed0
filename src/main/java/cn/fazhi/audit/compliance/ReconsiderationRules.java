package cn.fazhi.audit.compliance;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import cn.fazhi.audit.CaseTimeline.Step;
import cn.fazhi.audit.CaseTimeline.VariableChange;
import cn.fazhi.audit.compliance.ComplianceReport.RuleResult;
import cn.fazhi.calendar.CaseClock;
import cn.fazhi.reconsideration.ReconsiderationModel.Elements;

/**
 * The machine-checkable rules of 《中华人民共和国行政复议法》 (2023) for a {@code reconsideration}
 * case, read from its history only: acceptance decided in time or deemed (第30条), the
 * parties heard in the ordinary procedure (第49条), hearing and committee for major cases
 * (第50条、第52条), the decision within its period net of tolling (第62条), and the 第70条 limits
 * after a missed reply.
 */
final class ReconsiderationRules {

	static final String LAW = "《中华人民共和国行政复议法》";

	private static final Set<String> ART_70 = Set.of("REVOKE", "CONFIRM_ILLEGAL", "CONFIRM_INVALID",
			"ORDER_PERFORMANCE");

	List<RuleResult> check(Facts facts) {
		return List.of(acceptance(facts), opinions(facts), majorCase(facts), decisionPeriod(facts), missedReply(facts));
	}

	/** Art 30: acceptance decided within 5 working days, or deemed accepted. */
	RuleResult acceptance(Facts facts) {
		RuleCheck rule = new RuleCheck("RC-30", "收到申请后5个工作日内审查决定是否受理；逾期未决定的视为受理", LAW + "第30条");
		if (flag(facts, "deemedAccepted")) {
			facts.latest("deemedAccepted").ifPresent((change) -> rule.evidence(Facts.variable(change, "视为受理")));
			return rule.confirm("审查期限届满未作出不予受理决定，依法视为受理").result();
		}
		List<Step> reviews = facts.completed(Elements.ACCEPTANCE_REVIEW);
		if (reviews.isEmpty()) {
			return rule.notApplicable("尚未作出受理决定");
		}
		for (Step review : reviews) {
			rule.evidence(Facts.step(review, "受理审查"));
			if (review.task() != null && review.task().dueDate() != null
					&& review.endTime().isAfter(review.task().dueDate())) {
				rule.fail("受理审查于 " + CaseClock.text(facts.day(review.endTime())) + " 完成，晚于期限 "
						+ CaseClock.text(facts.day(review.task().dueDate())));
			}
		}
		return rule.confirm("受理审查在期限内完成").result();
	}

	/** Art 49: in the ordinary procedure the parties were heard before the decision. */
	RuleResult opinions(Facts facts) {
		RuleCheck rule = new RuleCheck("RC-49", "普通程序审理的案件听取当事人意见并记录在案", LAW + "第49条");
		if (!decided(facts) || !"ORDINARY".equals(text(facts, "procedure"))) {
			return rule.notApplicable("未按普通程序作出决定");
		}
		List<Step> heard = facts.completed(Elements.HEAR_OPINIONS);
		heard.forEach((step) -> rule.evidence(Facts.step(step, "听取意见")));
		facts.completed(Elements.HOLD_HEARING).forEach((step) -> rule.evidence(Facts.step(step, "听证")));
		if (!flag(facts, "opinionsHeard")) {
			return rule.fail("作出决定前没有听取当事人意见的记录").result();
		}
		return rule.confirm("已听取当事人意见").result();
	}

	/** Art 50, 52: a major, difficult or complex case had a hearing and the committee. */
	RuleResult majorCase(Facts facts) {
		RuleCheck rule = new RuleCheck("RC-50-52", "重大、疑难、复杂案件组织听证并提请行政复议委员会咨询", LAW + "第50条、第52条");
		if (!decided(facts) || !flag(facts, "majorCase")) {
			return rule.notApplicable("不是作出决定的重大、疑难、复杂案件");
		}
		facts.completed(Elements.HOLD_HEARING).forEach((step) -> rule.evidence(Facts.step(step, "听证")));
		facts.completed(Elements.COMMITTEE).forEach((step) -> rule.evidence(Facts.step(step, "委员会咨询")));
		if (!flag(facts, "hearingHeld")) {
			rule.fail("没有举行听证的记录");
		}
		if (!flag(facts, "committeeConsulted")) {
			rule.fail("没有行政复议委员会咨询意见的记录");
		}
		return rule.confirm("已听证并咨询行政复议委员会").result();
	}

	/**
	 * Art 62: the decision was approved by the end of the decision period as the legal
	 * clock left it — after suspension, appraisal and extension moved it.
	 */
	RuleResult decisionPeriod(Facts facts) {
		RuleCheck rule = new RuleCheck("RC-62", "在审理期限内作出行政复议决定（扣除中止、鉴定等不计入的时间，含批准的延长）", LAW + "第62条");
		Optional<Step> approval = facts.completed(Elements.APPROVE_DECISION)
			.stream()
			.filter((step) -> Facts.outcome(step, "decisionApproval")
				.flatMap((field) -> Facts.text(field.value()))
				.filter("APPROVE"::equals)
				.isPresent())
			.reduce((first, second) -> second);
		Optional<VariableChange> due = facts.latest("decisionDue");
		if (approval.isEmpty() || due.isEmpty()) {
			return rule.notApplicable("尚未作出行政复议决定");
		}
		rule.evidence(Facts.step(approval.get(), "决定获批准"));
		rule.evidence(Facts.variable(due.get(), "审理期限届满日（按法定期限计算，已扣除不计入的时间）"));
		Optional<LocalDate> dueDay = facts.date(due.get().value());
		LocalDate decided = facts.day(approval.get().endTime());
		if (dueDay.isEmpty()) {
			return rule.fail("审理期限无法识别").result();
		}
		if (decided.isAfter(dueDay.get())) {
			return rule.fail("决定于 " + CaseClock.text(decided) + " 作出，晚于审理期限 " + CaseClock.text(dueDay.get())).result();
		}
		return rule.confirm("决定于 " + CaseClock.text(decided) + " 作出，审理期限至 " + CaseClock.text(dueDay.get())).result();
	}

	/**
	 * Art 70: after a missed reply only revocation, confirmation or an order to perform.
	 */
	RuleResult missedReply(Facts facts) {
		RuleCheck rule = new RuleCheck("RC-70", "被申请人逾期未答复的，视为没有证据、依据，依法作出撤销、确认违法、确认无效或者责令履行决定", LAW + "第70条");
		if (!decided(facts) || !flag(facts, "replyMissed")) {
			return rule.notApplicable("被申请人按期答复，或尚未作出决定");
		}
		facts.latest("replyMissed").ifPresent((change) -> rule.evidence(Facts.variable(change, "逾期未答复")));
		String type = text(facts, "decisionType");
		if (!ART_70.contains(type) && !flag(facts, "thirdPartyEvidence")) {
			return rule.fail("被申请人逾期未答复，但决定类型为 " + type).result();
		}
		return rule.confirm("决定类型为 " + type).result();
	}

	private static boolean decided(Facts facts) {
		return "DECIDED".equals(text(facts, "caseOutcome"));
	}

	private static boolean flag(Facts facts, String name) {
		return facts.latest(name)
			.map((change) -> Boolean.TRUE.equals(change.value()) || "true".equals(String.valueOf(change.value())))
			.orElse(false);
	}

	private static String text(Facts facts, String name) {
		return facts.latest(name).flatMap((change) -> Facts.text(change.value())).orElse(null);
	}

}
