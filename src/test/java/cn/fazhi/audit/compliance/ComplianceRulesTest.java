package cn.fazhi.audit.compliance;

import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import cn.fazhi.audit.CaseTimeline;
import cn.fazhi.audit.CaseTimeline.ClockEvent;
import cn.fazhi.audit.CaseTimeline.ModelVersion;
import cn.fazhi.audit.CaseTimeline.OutcomeField;
import cn.fazhi.audit.CaseTimeline.Person;
import cn.fazhi.audit.CaseTimeline.Step;
import cn.fazhi.audit.CaseTimeline.TaskRecord;
import cn.fazhi.audit.CaseTimeline.VariableChange;
import cn.fazhi.audit.compliance.ComplianceReport.Result;
import cn.fazhi.audit.compliance.ComplianceReport.RuleResult;
import cn.fazhi.calendar.CaseClock;
import cn.fazhi.calendar.WorkingDayCalendar;
import cn.fazhi.calendar.WorkingDayCalendarFixture;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The rules on histories the forms would never let through (the listeners refuse them),
 * as they could look after a model change, an administrator's repair or tampering: each
 * rule must name what is wrong.
 */
@DisplayName("合规规则：表单不允许、但历史中可能出现的情形")
class ComplianceRulesTest {

	static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

	static final Person CHENJING = new Person("chenjing", "陈静", "gov-office", "示范市人民政府办公室");

	static final Person WUJUN = new Person("wujun", "吴军", "justice-bureau", "示范市司法局");

	final CaseClock clock;

	ComplianceRulesTest() {
		WorkingDayCalendar calendar = WorkingDayCalendarFixture.bundled();
		this.clock = new CaseClock(calendar, WorkingDayCalendarFixture.expressions(calendar));
	}

	@Test
	void shouldFailAHeadDecidingAgainstTheMajorityWithoutAReason() {
		// given: the head rejects what the majority approved, and no reason is recorded
		Step meeting = step("userTask_recordMeeting", "集体讨论决定", "2026-05-12T16:00", CHENJING,
				fields("meetingDecision", "REJECTED", "majorityOpinion", "APPROVED"));
		// when
		RuleResult result = rules().headAgainstMajority(facts(decision(meeting)));
		// then
		assertThat(result.result()).isEqualTo(Result.FAIL);
		assertThat(result.explanation()).contains("REJECTED").contains("APPROVED").contains("未记录");

		// and: with the reason recorded it passes
		Step reasoned = step("userTask_recordMeeting", "集体讨论决定", "2026-05-12T16:00", CHENJING,
				fields("meetingDecision", "REJECTED", "majorityOpinion", "APPROVED", "headDecisionReason", "财政资金无法保障"));
		assertThat(rules().headAgainstMajority(facts(decision(reasoned))).result()).isEqualTo(Result.PASS);
	}

	@Test
	void shouldFailHearingMaterialsDeliveredLessThanSevenDaysBefore() {
		Step schedule = step("userTask_scheduleHearing", "听证会准备", "2026-04-08T10:00", null, fields("hearingDate",
				"2026-04-20", "materialsDeliveredOn", "2026-04-17", "hearingNoticePublishedOn", "2026-04-09"));
		RuleResult result = rules().hearingMaterials(facts(decision(schedule)));
		assertThat(result.result()).isEqualTo(Result.FAIL);
		assertThat(result.explanation()).contains("2026年4月17日").contains("晚于 2026年4月13日");
	}

	@Test
	void shouldAcceptAShortenedCommentPeriodWithItsReasonButNotAWindowClosedEarly() {
		// given: 10 days with a reason, the window closed when they had run
		Step notice = step("userTask_publishForComment", "公开征求意见", "2026-03-06T10:00", null, fields("commentPeriodDays",
				10, "commentPublishedOn", "2026-03-06", "shorteningReason", "汛期前必须出台，情况紧急"));
		Step timer = step("timer_commentPeriodEnds", "征求意见期满", "2026-03-17T00:00", null, List.of());
		RuleResult result = rules().commentPeriod(facts(decision(notice, timer)));
		assertThat(result.result()).as(result.explanation()).isEqualTo(Result.PASS);
		assertThat(result.explanation()).contains("缩短为 10 日").contains("情况紧急");

		// when: the timer was fired by hand before the window had run
		Step early = step("timer_commentPeriodEnds", "征求意见期满", "2026-03-10T09:00", null, List.of());
		RuleResult closedEarly = rules().commentPeriod(facts(decision(notice, early)));
		assertThat(closedEarly.result()).isEqualTo(Result.FAIL);
		assertThat(closedEarly.explanation()).contains("应至 2026年3月16日 届满").contains("2026年3月10日 即已结束");
	}

	@Test
	void shouldFailACollectiveDecisionWithoutALawfulReviewBeforeIt() {
		Step meeting = step("userTask_recordMeeting", "集体讨论决定", "2026-05-12T16:00", CHENJING,
				fields("meetingDecision", "APPROVED", "majorityOpinion", "APPROVED"));
		assertThat(rules().legalityBeforeDecision(facts(decision(meeting))).explanation()).contains("之前没有完成的合法性审查");

		// a review found the draft unlawful, and the meeting went ahead anyway
		CaseTimeline review = timeline("legality-review", "MD-1-LR1", "2026-04-30T10:00", List.of(),
				List.of(change("legalityConclusion", "UNLAWFUL", "2026-04-28T10:00")));
		Step round = new Step("call-1", null, "callActivity_legalityReview", "callActivity", "合法性审查", null, List.of(),
				time("2026-04-20T15:00"), time("2026-04-30T10:00"), "COMPLETED", null, null, null, List.of(), List.of(),
				List.of(), List.of(), List.of(), review);
		RuleResult result = rules().legalityBeforeDecision(facts(decision(round, meeting)));
		assertThat(result.result()).isEqualTo(Result.FAIL);
		assertThat(result.explanation()).contains("UNLAWFUL").contains("第25条第2款");
	}

	@Test
	void shouldFailASignOffByTheReviewerHimself() {
		Step review = step("userTask_review", "审查并提出审查意见", "2026-04-28T10:00", WUJUN, List.of());
		Step signOff = step("userTask_signOff", "签发审查意见", "2026-04-30T10:00", WUJUN,
				fields("signOffDecision", "APPROVE"));
		CaseTimeline timeline = timeline("legality-review", "LR-1", "2026-04-30T10:00", List.of(review, signOff),
				List.of(change("legalityConclusion", "LAWFUL", "2026-04-28T10:00")));
		RuleResult result = new LegalityReviewRules(this.clock).signedOpinion(facts(timeline));
		assertThat(result.result()).isEqualTo(Result.FAIL);
		assertThat(result.explanation()).contains("审签分离");
	}

	@Test
	void shouldFailAReviewSignedOffBeforeItsStatutoryTime() {
		// received Monday 20 April, signed off Thursday 23 April: 3 working days of 7
		CaseTimeline timeline = timeline("legality-review", "LR-1", "2026-04-23T10:00", List.of(),
				List.of(change("receivedAt", time("2026-04-20T15:00"), "2026-04-20T15:00"),
						change("reviewFloorDate", time("2026-04-29T23:59"), "2026-04-20T15:00"),
						change("legalitySignedOffAt", time("2026-04-23T10:00"), "2026-04-23T10:00")));
		RuleResult result = new LegalityReviewRules(this.clock).reviewTime(facts(timeline));
		assertThat(result.result()).isEqualTo(Result.FAIL);
		assertThat(result.explanation()).contains("审查时间 3 个工作日").contains("早于 2026年4月29日");
	}

	@Test
	void shouldFailALateTaskUnlessItsOverdueStateWasRecorded() {
		// given: the publication was due on 10 June and done on 15 June
		TaskRecord task = new TaskRecord("task-1", time("2026-05-12T16:00"), time("2026-06-10T23:59"), null,
				"completed");
		Step late = new Step("publish-1", null, "userTask_publishDecision", "userTask", "决策公布", null, List.of(),
				time("2026-05-12T16:00"), time("2026-06-15T10:00"), "COMPLETED", CHENJING, task, null, List.of(),
				List.of(), List.of(), List.of(), List.of(), null);
		OffsetDateTime now = time("2026-12-01T10:00");
		RuleResult result = CommonRules.deadlines(facts(decision(late)), now, "期限");
		assertThat(result.result()).isEqualTo(Result.FAIL);
		assertThat(result.explanation()).contains("“决策公布”应于 2026年6月10日 前办结，于 2026年6月15日 办结");

		// when: the overdue state was recorded by the clock
		ClockEvent overdue = new ClockEvent("OVERDUE_RECORDED", "fz_clock_event", time("2026-06-11T00:00"), "task-1",
				"publish-1", time("2026-06-10T23:59"), null, null, "逾期");
		Step recorded = new Step("publish-1", null, "userTask_publishDecision", "userTask", "决策公布", null, List.of(),
				time("2026-05-12T16:00"), time("2026-06-15T10:00"), "COMPLETED", CHENJING, task, null, List.of(),
				List.of(), List.of(), List.of(), List.of(overdue), null);
		assertThat(CommonRules.deadlines(facts(decision(recorded)), now, "期限").result()).isEqualTo(Result.PASS);
	}

	@Test
	void shouldFailAnEndedCaseWithoutArchiveButNotOneThatWasNeverStarted() {
		Step end = step("endEvent_decisionArchived", "决策已归档", "2026-12-01T10:00", null, List.of());
		assertThat(rules().archive(facts(decision(end))).result()).isEqualTo(Result.FAIL);
		Step notStarted = step("endEvent_notStarted", "不予启动", "2026-03-03T10:00", null, List.of());
		assertThat(rules().archive(facts(decision(notStarted))).result()).isEqualTo(Result.NOT_APPLICABLE);
	}

	private MajorDecisionRules rules() {
		return new MajorDecisionRules(this.clock);
	}

	private static Facts facts(CaseTimeline timeline) {
		return new Facts(timeline, ZONE);
	}

	private static CaseTimeline decision(Step... steps) {
		return timeline("major-decision", "MD-1", "2026-12-01T10:00", List.of(steps), List.of());
	}

	private static CaseTimeline timeline(String key, String businessKey, String end, List<Step> steps,
			List<VariableChange> changes) {
		return new CaseTimeline(businessKey, "pi-" + businessKey, null, key, null, List.of(), "COMPLETED",
				time("2026-03-02T09:00"), time(end), null,
				new ModelVersion(key + ":1", key, 1, "1.0", "deployment", key + ".bpmn", null), steps, changes,
				List.of(), List.of(), List.of(), List.of());
	}

	private static Step step(String activityId, String name, String at, Person actor, List<OutcomeField> outcome) {
		return new Step(activityId + "-1", null, activityId, "userTask", name, null, List.of(), time(at), time(at),
				"COMPLETED", actor, null, null, outcome, List.of(), List.of(), List.of(), List.of(), null);
	}

	private static List<OutcomeField> fields(Object... keyValues) {
		List<OutcomeField> fields = new ArrayList<>();
		for (int i = 0; i < keyValues.length; i += 2) {
			fields.add(new OutcomeField((String) keyValues[i], (String) keyValues[i], keyValues[i + 1]));
		}
		return fields;
	}

	private static VariableChange change(String name, Object value, String at) {
		return new VariableChange(name + "@" + at, time(at), name, "string", value, 0, null, null, null, null);
	}

	private static OffsetDateTime time(String local) {
		return OffsetDateTime.parse(local + ":00+08:00");
	}

}
