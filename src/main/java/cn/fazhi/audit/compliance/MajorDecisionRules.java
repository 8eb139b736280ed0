package cn.fazhi.audit.compliance;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import cn.fazhi.audit.CaseTimeline;
import cn.fazhi.audit.CaseTimeline.OutcomeField;
import cn.fazhi.audit.CaseTimeline.Step;
import cn.fazhi.audit.CaseTimeline.VariableChange;
import cn.fazhi.audit.compliance.ComplianceReport.RuleResult;
import cn.fazhi.calendar.CaseClock;
import cn.fazhi.calendar.PeriodUnit;
import cn.fazhi.decision.MajorDecisionModel.Elements;
import cn.fazhi.decision.MajorDecisionModel.Variables;

/**
 * The machine-checkable rules of 《重大行政决策程序暂行条例》 for a {@code major-decision} case, read
 * from its history only: the gates the model enforces are checked again, because history
 * can be changed and because a model version or an administrator's repair could have let
 * a case through.
 */
final class MajorDecisionRules {

	static final String LAW = "《重大行政决策程序暂行条例》";

	private static final Set<String> LAWFUL = Set.of("LAWFUL", "LAWFUL_WITH_CHANGES");

	private final CaseClock clock;

	MajorDecisionRules(CaseClock clock) {
		this.clock = clock;
	}

	List<RuleResult> check(Facts facts) {
		return List.of(legalityBeforeDecision(facts), commentPeriod(facts), hearingMaterials(facts), reviewTime(facts),
				headAgainstMajority(facts), publication(facts), archive(facts));
	}

	/**
	 * Art 25: no collective decision without a legality review that found the draft
	 * lawful.
	 */
	RuleResult legalityBeforeDecision(Facts facts) {
		RuleCheck rule = new RuleCheck("MD-25", "集体讨论前经合法性审查，且结论为合法或修改后合法", LAW + "第25条");
		List<Step> meetings = facts.completed(Elements.RECORD_MEETING);
		if (meetings.isEmpty()) {
			return rule.notApplicable("尚未进行集体讨论决定");
		}
		for (Step meeting : meetings) {
			rule.evidence(Facts.step(meeting, "集体讨论决定"));
			Step review = facts.completed(Elements.LEGALITY_REVIEW)
				.stream()
				.filter((step) -> !step.endTime().isAfter(meeting.startTime()))
				.reduce((first, second) -> second)
				.orElse(null);
			if (review == null || review.calledCase() == null) {
				rule.fail(CaseClock.text(facts.day(meeting.startTime())) + "的集体讨论之前没有完成的合法性审查");
				continue;
			}
			rule.evidence(Facts.step(review, "会前最近一轮合法性审查（" + review.calledCase().businessKey() + "）"));
			Optional<VariableChange> conclusion = facts.of(review.calledCase()).latest("legalityConclusion");
			conclusion.ifPresent((change) -> rule.evidence(Facts.variable(change, "审查结论")));
			String value = conclusion.flatMap((change) -> Facts.text(change.value())).orElse(null);
			if (value == null || !LAWFUL.contains(value)) {
				rule.fail("集体讨论前最近一轮合法性审查（" + review.calledCase().businessKey() + "）的结论为 "
						+ ((value == null) ? "（无）" : value) + "，不得提交讨论（第25条第2款）");
			}
			else {
				rule.confirm("集体讨论前经合法性审查（" + review.calledCase().businessKey() + "），结论为 " + value);
			}
		}
		return rule.result();
	}

	/**
	 * Art 15: comments for at least the jurisdiction's minimum (national: 30 days) unless
	 * the notice stated why it is shorter, and the window not closed before it ended.
	 */
	RuleResult commentPeriod(Facts facts) {
		RuleCheck rule = new RuleCheck("MD-15", "公开征求意见期限一般不少于30日，缩短的应当说明理由", LAW + "第15条");
		List<Step> notices = facts.completed(Elements.PUBLISH_FOR_COMMENT);
		if (notices.isEmpty()) {
			return rule.notApplicable("尚未公开征求意见");
		}
		Step notice = notices.get(0);
		rule.evidence(Facts.step(notice, "公开征求意见"));
		long minimum = facts.latest(Variables.COMMENT_MIN_DAYS)
			.flatMap((change) -> Facts.number(change.value()))
			.orElse(30L);
		Optional<OutcomeField> days = Facts.outcome(notice, Variables.COMMENT_PERIOD_DAYS);
		Optional<OutcomeField> published = Facts.outcome(notice, Variables.COMMENT_PUBLISHED_ON);
		Optional<String> reason = Facts.outcome(notice, Variables.SHORTENING_REASON)
			.flatMap((field) -> Facts.text(field.value()));
		days.ifPresent((field) -> rule.evidence(Facts.field(notice, field, "征求意见期限（日）")));
		published.ifPresent((field) -> rule.evidence(Facts.field(notice, field, "公告发布日期")));
		Optional<Long> period = days.flatMap((field) -> Facts.number(field.value()));
		if (period.isEmpty()) {
			return rule.fail("历史记录中没有征求意见期限").result();
		}
		if (period.get() < minimum) {
			if (reason.isEmpty()) {
				rule.fail("征求意见期限为 " + period.get() + " 日，少于 " + minimum + " 日，且征求意见时未说明缩短期限的理由");
			}
			else {
				rule.confirm("征求意见期限缩短为 " + period.get() + " 日，已说明理由：" + reason.get());
				Facts.outcome(notice, Variables.SHORTENING_REASON)
					.ifPresent((field) -> rule.evidence(Facts.field(notice, field, "缩短期限的理由")));
			}
		}
		else {
			rule.confirm("征求意见期限为 " + period.get() + " 日（不少于 " + minimum + " 日）");
		}
		Optional<LocalDate> from = published.flatMap((field) -> facts.date(field.value()));
		List<Step> closed = facts.completed(Elements.COMMENT_PERIOD_ENDS);
		if (from.isPresent() && !closed.isEmpty()) {
			LocalDate lastDay = this.clock.add(from.get(), period.get().intValue(), PeriodUnit.CALENDAR_DAYS).due();
			Step timer = closed.get(0);
			rule.evidence(Facts.step(timer, "征求意见期满"));
			if (!facts.day(timer.endTime()).isAfter(lastDay)) {
				rule.fail("征求意见期限应至 " + CaseClock.text(lastDay) + " 届满，但于 " + CaseClock.text(facts.day(timer.endTime()))
						+ " 即已结束");
			}
			else {
				rule.confirm("期限至 " + CaseClock.text(lastDay) + " 届满后结束");
			}
		}
		return rule.result();
	}

	/** Art 16 para 3: hearing materials at least 7 days before the hearing. */
	RuleResult hearingMaterials(Facts facts) {
		RuleCheck rule = new RuleCheck("MD-16", "举行听证的，听证材料至少在听证会召开7日前送达听证参加人", LAW + "第16条第3款");
		List<Step> schedules = facts.completed(Elements.SCHEDULE_HEARING);
		if (schedules.isEmpty()) {
			return rule.notApplicable("未举行听证");
		}
		Step schedule = schedules.get(schedules.size() - 1);
		rule.evidence(Facts.step(schedule, "听证会准备"));
		long lead = facts.latest(Variables.HEARING_MATERIALS_MIN_DAYS)
			.flatMap((change) -> Facts.number(change.value()))
			.orElse(7L);
		Optional<OutcomeField> held = facts.completed(Elements.RECORD_HEARING)
			.stream()
			.reduce((first, second) -> second)
			.flatMap((step) -> {
				rule.evidence(Facts.step(step, "举行听证会"));
				return Facts.outcome(step, "hearingHeldOn");
			});
		Optional<OutcomeField> planned = Facts.outcome(schedule, Variables.HEARING_DATE);
		Optional<OutcomeField> hearingField = held.isPresent() ? held : planned;
		Optional<OutcomeField> materials = Facts.outcome(schedule, Variables.MATERIALS_DELIVERED_ON);
		Optional<OutcomeField> notice = Facts.outcome(schedule, Variables.HEARING_NOTICE_PUBLISHED_ON);
		hearingField.ifPresent((field) -> rule.evidence(Facts.field(schedule, field, "听证会日期")));
		materials.ifPresent((field) -> rule.evidence(Facts.field(schedule, field, "听证材料送达日期")));
		notice.ifPresent((field) -> rule.evidence(Facts.field(schedule, field, "公布听证事项日期")));
		Optional<LocalDate> hearing = hearingField.flatMap((field) -> facts.date(field.value()));
		Optional<LocalDate> delivered = materials.flatMap((field) -> facts.date(field.value()));
		if (hearing.isEmpty() || delivered.isEmpty()) {
			return rule.fail("历史记录中没有听证会日期或听证材料送达日期").result();
		}
		LocalDate latest = hearing.get().minusDays(lead);
		if (delivered.get().isAfter(latest)) {
			rule.fail("听证会于 " + CaseClock.text(hearing.get()) + " 召开，听证材料于 " + CaseClock.text(delivered.get())
					+ " 送达，晚于 " + CaseClock.text(latest) + "（会前" + lead + "日）");
		}
		else {
			rule.confirm(
					"听证材料于 " + CaseClock.text(delivered.get()) + " 送达，听证会于 " + CaseClock.text(hearing.get()) + " 召开");
		}
		notice.flatMap((field) -> facts.date(field.value()))
			.filter((published) -> !published.isBefore(hearing.get()))
			.ifPresent((published) -> rule.fail("听证事项于 " + CaseClock.text(published) + " 公布，未在听证会前公布（第16条第2款）"));
		return rule.result();
	}

	/**
	 * Art 26 para 2: every concluded review round had its statutory time (checked on each
	 * round's own case by {@link LegalityReviewRules#reviewTime}).
	 */
	RuleResult reviewTime(Facts facts) {
		RuleCheck rule = new RuleCheck("MD-26", "送请合法性审查，应当保证必要的审查时间，一般不少于7个工作日", LAW + "第26条第2款");
		List<Step> rounds = facts.completed(Elements.LEGALITY_REVIEW)
			.stream()
			.filter((step) -> step.calledCase() != null)
			.toList();
		if (rounds.isEmpty()) {
			return rule.notApplicable("尚无完成的合法性审查");
		}
		LegalityReviewRules review = new LegalityReviewRules(this.clock);
		for (Step round : rounds) {
			CaseTimeline sub = round.calledCase();
			RuleResult result = review.reviewTime(facts.of(sub));
			rule.evidence(Facts.step(round, "合法性审查（" + sub.businessKey() + "）：" + result.explanation()));
			result.evidence().forEach(rule::evidence);
			switch (result.result()) {
				case FAIL -> rule.fail(sub.businessKey() + "：" + result.explanation());
				case PASS -> rule.confirm(sub.businessKey() + "：" + result.explanation());
				default -> {
				}
			}
		}
		return rule.result();
	}

	/** Art 30 para 2: a head deciding against the majority gave his reason. */
	RuleResult headAgainstMajority(Facts facts) {
		RuleCheck rule = new RuleCheck("MD-30", "行政首长拟作出的决定与会议组成人员多数人意见不一致的，应当在会上说明理由", LAW + "第30条第2款");
		List<Step> meetings = facts.completed(Elements.RECORD_MEETING);
		if (meetings.isEmpty()) {
			return rule.notApplicable("尚未进行集体讨论决定");
		}
		boolean against = false;
		for (Step meeting : meetings) {
			String decision = Facts.outcome(meeting, Variables.MEETING_DECISION)
				.flatMap((field) -> Facts.text(field.value()))
				.orElse("");
			String majority = Facts.outcome(meeting, Variables.MAJORITY_OPINION)
				.flatMap((field) -> Facts.text(field.value()))
				.orElse("");
			rule.evidence(Facts.step(meeting, "决定 " + decision + "，多数意见 " + majority));
			if (decision.equals(majority)) {
				continue;
			}
			against = true;
			Optional<OutcomeField> reason = Facts.outcome(meeting, Variables.HEAD_DECISION_REASON);
			if (reason.flatMap((field) -> Facts.text(field.value())).isPresent()) {
				rule.evidence(Facts.field(meeting, reason.get(), "行政首长说明的理由"));
				rule.confirm("行政首长的决定（" + decision + "）与多数意见（" + majority + "）不一致，已记录理由");
			}
			else {
				rule.fail("行政首长的决定（" + decision + "）与多数意见（" + majority + "）不一致，未记录其说明的理由");
			}
		}
		return against ? rule.result() : rule.notApplicable("行政首长的决定与会议组成人员多数意见一致，无须说明理由");
	}

	/** Art 32: an approved decision is published. */
	RuleResult publication(Facts facts) {
		RuleCheck rule = new RuleCheck("MD-32", "决策经集体讨论通过后，应当及时公布", LAW + "第32条");
		Step approval = facts.completed(Elements.RECORD_MEETING)
			.stream()
			.filter((step) -> Facts.outcome(step, Variables.MEETING_DECISION)
				.flatMap((field) -> Facts.text(field.value()))
				.filter("APPROVED"::equals)
				.isPresent())
			.reduce((first, second) -> second)
			.orElse(null);
		if (approval == null) {
			return rule.notApplicable("集体讨论未通过决策");
		}
		rule.evidence(Facts.step(approval, "集体讨论通过"));
		Step refused = facts.completed(Elements.REPORT_TO_PARTY)
			.stream()
			.filter((step) -> step.startTime().isAfter(approval.startTime()))
			.filter((step) -> Facts.outcome(step, Variables.PARTY_REPORT_OUTCOME)
				.flatMap((field) -> Facts.text(field.value()))
				.filter("NOT_AGREED"::equals)
				.isPresent())
			.findFirst()
			.orElse(null);
		if (refused != null) {
			rule.evidence(Facts.step(refused, "同级党委不同意"));
			return rule.notApplicable("同级党委不同意，决策未出台");
		}
		Optional<Step> published = facts.completed(Elements.PUBLISH_DECISION)
			.stream()
			.filter((step) -> step.startTime().isAfter(approval.startTime()))
			.findFirst();
		if (published.isPresent()) {
			Step step = published.get();
			rule.evidence(Facts.step(step, "决策公布"));
			Facts.outcome(step, "publishedOn").ifPresent((field) -> rule.evidence(Facts.field(step, field, "公布日期")));
			Facts.outcome(step, "documentNumber").ifPresent((field) -> rule.evidence(Facts.field(step, field, "文号")));
			return rule
				.confirm("决策已公布" + Facts.outcome(step, "documentNumber")
					.flatMap((field) -> Facts.text(field.value()))
					.map((number) -> "（" + number + "）")
					.orElse(""))
				.result();
		}
		if (facts.ended()) {
			return rule.fail("决策经集体讨论通过，但案件办结时未公布").result();
		}
		return rule.notApplicable("决策已通过，尚在公布环节");
	}

	/** Art 33: a case that ran its course is archived completely. */
	RuleResult archive(Facts facts) {
		RuleCheck rule = new RuleCheck("MD-33", "履行决策程序形成的记录、材料及时完整归档", LAW + "第33条");
		if (!facts.ended()) {
			return rule.notApplicable("案件尚在办理");
		}
		if (!facts.steps(Elements.NOT_STARTED).isEmpty()) {
			return rule.notApplicable("决策机关决定不启动决策程序");
		}
		List<Step> archives = facts.completed(Elements.ARCHIVE);
		if (archives.isEmpty()) {
			return rule.fail("案件已办结，但没有归档记录").result();
		}
		Step archive = archives.get(archives.size() - 1);
		rule.evidence(Facts.step(archive, "归档"));
		Optional<OutcomeField> complete = Facts.outcome(archive, "archiveComplete");
		Optional<OutcomeField> number = Facts.outcome(archive, "archiveNumber");
		complete.ifPresent((field) -> rule.evidence(Facts.field(archive, field, "材料已完整归档")));
		number.ifPresent((field) -> rule.evidence(Facts.field(archive, field, "档号")));
		if (!complete.flatMap((field) -> Facts.text(field.value())).filter("true"::equals).isPresent()) {
			rule.fail("归档时未确认记录、材料已完整归档");
		}
		if (number.flatMap((field) -> Facts.text(field.value())).isEmpty()) {
			rule.fail("归档记录没有档号");
		}
		return rule.confirm("已完整归档，档号 " + number.flatMap((field) -> Facts.text(field.value())).orElse("")).result();
	}

}
