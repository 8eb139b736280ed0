package cn.fazhi.audit.compliance;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import cn.fazhi.audit.CaseTimeline.Step;
import cn.fazhi.audit.CaseTimeline.VariableChange;
import cn.fazhi.audit.compliance.ComplianceReport.RuleResult;
import cn.fazhi.calendar.CaseClock;
import cn.fazhi.legalreview.LegalityReviewModel.Elements;
import cn.fazhi.legalreview.LegalityReviewModel.Variables;

/**
 * The machine-checkable rules of a {@code legality-review} case (a major decision's
 * review round, or a review started on its own): the statutory review time and the signed
 * opinion of the reviewing office.
 */
final class LegalityReviewRules {

	private final CaseClock clock;

	LegalityReviewRules(CaseClock clock) {
		this.clock = clock;
	}

	List<RuleResult> check(Facts facts) {
		return List.of(reviewTime(facts), signedOpinion(facts));
	}

	/**
	 * Art 26 para 2 (national: at least 7 working days for major decisions; 5 for
	 * normative documents, 国办发〔2018〕115号): the review had its time — at least the floor
	 * in working days between receipt (not counted) and sign-off, or a sign-off not
	 * earlier than the floor date computed when the review was received. The calendar is
	 * today's: a year that was provisional then is counted as finally announced.
	 */
	RuleResult reviewTime(Facts facts) {
		String basis = facts.latest("reviewPeriodBasis").flatMap((change) -> Facts.text(change.value())).orElse(null);
		RuleCheck rule = new RuleCheck("LR-26", "保证必要的合法性审查时间（自受理次日起算的工作日）",
				(basis != null) ? basis : MajorDecisionRules.LAW + "第26条第2款");
		Optional<VariableChange> received = facts.latest(Variables.RECEIVED_AT);
		Optional<VariableChange> signed = facts.latest(Variables.SIGNED_OFF_AT);
		if (signed.isEmpty() || received.isEmpty()) {
			return rule.notApplicable("审查意见尚未签发");
		}
		rule.evidence(Facts.variable(received.get(), "受理时间"));
		rule.evidence(Facts.variable(signed.get(), "签发时间"));
		Optional<LocalDate> from = facts.date(received.get().value());
		Optional<LocalDate> to = facts.date(signed.get().value());
		if (from.isEmpty() || to.isEmpty()) {
			return rule.fail("受理时间或签发时间无法识别").result();
		}
		Optional<VariableChange> floor = facts.latest(Variables.FLOOR_DATE);
		floor.ifPresent((change) -> rule.evidence(Facts.variable(change, "最早可提请讨论日（审查时间下限）")));
		Optional<LocalDate> floorDate = floor.flatMap((change) -> facts.date(change.value()));
		// the floor clock (LR_FLOOR in deadline-rules) ends on the floor date: its length
		// in
		// working days is the statutory least review time for this matter and
		// jurisdiction
		long floorDays = floorDate.map((day) -> (long) this.clock.workingDaysBetween(from.get(), day)).orElse(7L);
		int workingDays = this.clock.workingDaysBetween(from.get(), to.get());
		boolean longEnough = workingDays >= floorDays;
		boolean notEarly = floorDate.isPresent() && !to.get().isBefore(floorDate.get());
		String span = "于 " + CaseClock.text(from.get()) + " 受理，" + CaseClock.text(to.get()) + " 签发，审查时间 " + workingDays
				+ " 个工作日";
		if (longEnough || notEarly) {
			rule.confirm(span + "（下限 " + floorDays + " 个工作日"
					+ floorDate.map((date) -> "，" + CaseClock.text(date) + " 起可提请讨论").orElse("") + "）");
		}
		else {
			rule.fail(span + "，少于 " + floorDays + " 个工作日"
					+ floorDate.map((date) -> "，早于 " + CaseClock.text(date)).orElse(""));
		}
		return rule.result();
	}

	/**
	 * Art 28: the reviewing office issues its opinion, signed off by its head, who is not
	 * the reviewer (审签分离).
	 */
	RuleResult signedOpinion(Facts facts) {
		RuleCheck rule = new RuleCheck("LR-28", "审查意见由审查机构负责人签发，签发人不是承办人（审签分离）", MajorDecisionRules.LAW + "第28条");
		Step signOff = facts.completed(Elements.SIGN_OFF)
			.stream()
			.filter((step) -> Facts.outcome(step, Variables.SIGN_OFF_DECISION)
				.flatMap((field) -> Facts.text(field.value()))
				.filter("APPROVE"::equals)
				.isPresent())
			.reduce((first, second) -> second)
			.orElse(null);
		if (signOff == null) {
			return facts.ended() ? rule.fail("审查已结束，但审查意见没有签发记录").result() : rule.notApplicable("审查意见尚未签发");
		}
		rule.evidence(Facts.step(signOff, "签发审查意见"));
		Step review = facts.completed(Elements.REVIEW)
			.stream()
			.filter((step) -> !step.startTime().isAfter(signOff.startTime()))
			.reduce((first, second) -> second)
			.orElse(null);
		Optional<VariableChange> conclusion = facts.latest(Variables.LEGALITY_CONCLUSION);
		conclusion.ifPresent((change) -> rule.evidence(Facts.variable(change, "审查结论")));
		if (conclusion.flatMap((change) -> Facts.text(change.value())).isEmpty()) {
			rule.fail("签发的审查意见没有审查结论");
		}
		String signer = (signOff.actor() == null) ? null : signOff.actor().id();
		String reviewer = (review == null || review.actor() == null) ? null : review.actor().id();
		if (review != null) {
			rule.evidence(Facts.step(review, "审查并提出审查意见"));
		}
		if (signer == null) {
			rule.fail("签发记录没有签发人");
		}
		else if (signer.equals(reviewer)) {
			rule.fail("签发人 " + signOff.actor().name() + " 即本案承办人，违反审签分离");
		}
		else {
			rule.confirm("由 " + signOff.actor().name() + "（" + signOff.actor().officeName() + "）签发，承办人为 "
					+ ((review == null || review.actor() == null) ? "（无记录）" : review.actor().name()));
		}
		return rule.result();
	}

}
