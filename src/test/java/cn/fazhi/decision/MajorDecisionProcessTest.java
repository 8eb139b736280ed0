package cn.fazhi.decision;

import java.time.OffsetDateTime;
import java.util.Date;
import java.util.List;
import java.util.Map;

import cn.fazhi.decision.DecisionNotifications.StoppedDecision;
import cn.fazhi.decision.catalog.CatalogEntry;
import cn.fazhi.decision.catalog.CatalogStatus;
import cn.fazhi.decision.catalog.DecisionCatalog;
import cn.fazhi.decision.catalog.NewCatalogEntry;
import cn.fazhi.forms.FormRejections.FormConflictException;
import cn.fazhi.legalreview.LegalityReviewProcess;
import cn.fazhi.support.ActingUser;
import cn.fazhi.support.ProcessCoverageConfiguration;

import org.assertj.core.api.Assertions;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

import static cn.fazhi.decision.MajorDecisionDriver.HEAD;
import static cn.fazhi.decision.MajorDecisionDriver.LEAD;
import static cn.fazhi.decision.MajorDecisionDriver.SECRETARIAT;
import static cn.fazhi.decision.MajorDecisionModel.Elements.ADJUST_DRAFT_FOR_RISK;
import static cn.fazhi.decision.MajorDecisionModel.Elements.ADJUST_EXECUTION;
import static cn.fazhi.decision.MajorDecisionModel.Elements.ADOPT_LEGALITY_CHANGES;
import static cn.fazhi.decision.MajorDecisionModel.Elements.ARCHIVE;
import static cn.fazhi.decision.MajorDecisionModel.Elements.ARCHIVED;
import static cn.fazhi.decision.MajorDecisionModel.Elements.CONSULT_ENTERPRISES;
import static cn.fazhi.decision.MajorDecisionModel.Elements.DECIDE_INITIATION;
import static cn.fazhi.decision.MajorDecisionModel.Elements.DRAFT;
import static cn.fazhi.decision.MajorDecisionModel.Elements.EXECUTION_REPORT;
import static cn.fazhi.decision.MajorDecisionModel.Elements.EXECUTION_STOPPED;
import static cn.fazhi.decision.MajorDecisionModel.Elements.EXPERT_OPINION;
import static cn.fazhi.decision.MajorDecisionModel.Elements.HIGH_RISK_DECISION;
import static cn.fazhi.decision.MajorDecisionModel.Elements.LEGALITY_REVIEW;
import static cn.fazhi.decision.MajorDecisionModel.Elements.NOTIFY_STOP;
import static cn.fazhi.decision.MajorDecisionModel.Elements.NOT_STARTED;
import static cn.fazhi.decision.MajorDecisionModel.Elements.POST_EVALUATION;
import static cn.fazhi.decision.MajorDecisionModel.Elements.PUBLISH_DECISION;
import static cn.fazhi.decision.MajorDecisionModel.Elements.PUBLISH_FOR_COMMENT;
import static cn.fazhi.decision.MajorDecisionModel.Elements.RECORD_HEARING;
import static cn.fazhi.decision.MajorDecisionModel.Elements.RECORD_MEETING;
import static cn.fazhi.decision.MajorDecisionModel.Elements.REPORT_TO_PARTY;
import static cn.fazhi.decision.MajorDecisionModel.Elements.RESUME_OR_STOP;
import static cn.fazhi.decision.MajorDecisionModel.Elements.REVISE_DRAFT;
import static cn.fazhi.decision.MajorDecisionModel.Elements.RISK_ASSESSMENT;
import static cn.fazhi.decision.MajorDecisionModel.Elements.SCHEDULE_HEARING;
import static cn.fazhi.decision.MajorDecisionModel.Elements.SCHEDULE_MEETING;
import static cn.fazhi.decision.MajorDecisionModel.Elements.SELECT_EXPERTS;
import static cn.fazhi.decision.MajorDecisionModel.Elements.STOPPED_FOR_RISK;
import static cn.fazhi.decision.MajorDecisionModel.Elements.SUBMIT_FOR_MEETING;
import static cn.fazhi.decision.MajorDecisionModel.Elements.SUMMARIZE_COMMENTS;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

/**
 * Every legal path of {@code major-decision} (重大行政决策), run as the directory's demo people
 * with the real delegates, rule tables, forms validation, catalogue and permissions; only
 * the mail behind {@link DecisionNotifications} is replaced. The engine clock starts on
 * Monday 2 March 2026.
 */
@SpringBootTest
@ActiveProfiles("test")
@Import(ProcessCoverageConfiguration.class)
@DisplayName("重大行政决策 major-decision")
class MajorDecisionProcessTest {

	static final Date START = Date.from(OffsetDateTime.parse("2026-03-02T09:00:00+08:00").toInstant());

	@Autowired
	ProcessEngine engine;

	@Autowired
	MajorDecisionProcess process;

	@Autowired
	LegalityReviewProcess review;

	@Autowired
	DecisionCatalog catalog;

	@Autowired
	RuntimeService runtimeService;

	@Autowired
	TaskService taskService;

	@Autowired
	HistoryService historyService;

	@Autowired
	ManagementService managementService;

	@Autowired
	IdentityService identityService;

	@MockitoBean
	DecisionNotifications notifications;

	ActingUser acting;

	MajorDecisionDriver driver;

	@BeforeEach
	void setUp() {
		init(this.engine);
		ClockUtil.setCurrentTime(START);
		this.acting = new ActingUser(this.identityService);
		this.driver = new MajorDecisionDriver(this.process, this.review, this.runtimeService, this.taskService,
				this.managementService, this.acting);
		when(this.notifications.decisionStopped(any()))
			.thenReturn(java.util.Set.of("zhangwei@demo-city.fazhi.example"));
	}

	@AfterEach
	void resetClock() {
		ClockUtil.reset();
	}

	@Test
	@DisplayName("目录事项：公众参与含听证和企业意见、专家论证、风险评估 → 合法 → 通过 → 党委同意 → 公布 → 执行 → 后评估 → 归档")
	void shouldCarryACatalogDecisionWithHearingThroughEveryStep() {
		// given: a catalogue entry that requires a hearing, experts and a risk assessment
		CatalogEntry entry = entry("示范市国有土地上房屋征收补偿办法", true, true, true);
		var form = MajorDecisionDriver.catalogStart(entry.id());
		form.put("affectsEnterprises", true);
		form.put("partyReportRequired", true);
		form.put("postEvaluationRequired", true);

		// when: 张伟 proposes it; the case is numbered and linked to the entry
		ProcessInstance instance = this.driver.start(form);
		assertThat(instance).isWaitingAt(DECIDE_INITIATION).task().hasCandidateGroup("gov-office-heads");
		Assertions.assertThat(instance.getBusinessKey()).matches("MD-2026-\\d{4}");
		Assertions.assertThat(this.catalog.find(entry.id()).orElseThrow().status())
			.isEqualTo(CatalogStatus.IN_PROGRESS);
		assertThat(instance).variables()
			.containsEntry("decisionTitle", "示范市国有土地上房屋征收补偿办法")
			.containsEntry("hearingRequired", true)
			.containsEntry("leadOfficeName", "示范市自然资源和规划局");

		// and: the decision organ starts it; the lead office drafts
		this.driver.initiate(instance);
		assertThat(instance).isWaitingAt(DRAFT).task().hasCandidateGroup("dept-nrp");
		this.driver.draft(instance);

		// then: public participation, expert review and risk assessment run side by side
		assertThat(instance).isWaitingAt(PUBLISH_FOR_COMMENT, SELECT_EXPERTS, RISK_ASSESSMENT);

		// when: the draft is published on Friday 6 March for 30 days: the last day,
		// Sunday
		// 5 April, falls in the Qingming holiday, so the period ends on Tuesday 7 April
		this.driver.publishForComment(instance, "2026-03-06");
		assertThat(instance).variables().containsEntry("commentPeriodEndText", "2026年4月7日");
		Assertions
			.assertThat(this.managementService.createJobQuery()
				.processInstanceId(instance.getId())
				.activityId(MajorDecisionModel.Elements.COMMENT_PERIOD_ENDS)
				.singleResult()
				.getDuedate())
			.isEqualTo(Date.from(OffsetDateTime.parse("2026-04-08T00:00:00+08:00").toInstant()));

		// and: two experts of the pool give signed opinions; nobody of the lead office is
		// offered
		this.driver.complete(instance, SELECT_EXPERTS, LEAD, Map.of("experts", List.of("gaoyan", "mali"),
				"argumentationForm", "MEETING", "expertQuestion", "补偿标准的必要性、可行性和科学性"));
		List<Task> experts = this.taskService.createTaskQuery()
			.processInstanceId(instance.getId())
			.taskDefinitionKey(EXPERT_OPINION)
			.orderByTaskAssignee()
			.asc()
			.list();
		Assertions.assertThat(experts).extracting(Task::getAssignee).containsExactly("gaoyan", "mali");
		opinion(experts.get(0), "gaoyan", "补偿标准与周边市场价格基本相当。");
		opinion(experts.get(1), "mali", "建议明确资金来源。");
		assertThat(instance).variables()
			.hasEntrySatisfying("expertOpinionsSummary",
					(summary) -> Assertions.assertThat((String) summary)
						.contains("高岩，示范市重大行政决策咨询论证专家库")
						.contains("建议明确资金来源。"));

		// and: a medium risk is controllable
		this.driver.complete(instance, RISK_ASSESSMENT, LEAD, Map.of("riskLevel", "MEDIUM", "riskPoints", "群众对补偿标准有异议",
				"riskMeasures", "公开补偿标准测算依据", "responsePlan", "设立咨询窗口"));

		// and: the window closes, comments are summarized, the hearing is prepared and
		// held, enterprises are heard
		this.driver.closeCommentPeriod(instance);
		this.driver.summarizeComments(instance);
		this.driver.complete(instance, SCHEDULE_HEARING, LEAD,
				Map.of("hearingDate", "2026-04-20", "hearingPlace", "市政府第一会议室", "hearingNoticePublishedOn",
						"2026-04-03", "participantSelection", "公开报名、随机抽取", "participantList", "被征收人代表5名……",
						"materialsDeliveredOn", "2026-04-10"));
		this.driver.complete(instance, RECORD_HEARING, LEAD, Map.of("hearingHeldOn", "2026-04-20", "hearingRecord",
				"听证笔录……", "hearingRecordSigned", true, "hearingAdoption", "采纳听证意见3条……"));
		this.driver.complete(instance, CONSULT_ENTERPRISES, LEAD, Map.of("enterprisesConsulted", "市房地产业协会等",
				"enterpriseOpinions", "建议……", "enterpriseAdoption", "已采纳……"));

		// then: only now the draft goes to the legality review, with what was done
		assertThat(instance).isWaitingAt(LEGALITY_REVIEW);
		ProcessInstance sub = this.runtimeService.createProcessInstanceQuery()
			.superProcessInstanceId(instance.getId())
			.singleResult();
		Assertions.assertThat(sub.getBusinessKey()).isEqualTo(instance.getBusinessKey() + "-LR1");
		Assertions.assertThat((String) this.runtimeService.getVariable(sub.getId(), "proceduresPerformed"))
			.contains("至2026年4月7日届满")
			.contains("听证会：2026年4月20日举行")
			.contains("专家论证：");
		this.driver.legalityReview(instance, "LAWFUL");

		// when: the meeting approves, the Party committee agrees, the decision is
		// published
		this.driver.complete(instance, SUBMIT_FOR_MEETING, LEAD, Map.of("fairCompetitionReview", "经审查，不含排除、限制竞争的内容",
				"expertAdoption", "采纳高岩、马力的意见", "riskReportSummary", "中风险，可控", "submissionNote", "提请市政府常务会议审议。"));
		this.driver.schedule(instance, "2026-04-30");
		this.driver.meeting(instance, "APPROVED", "APPROVED", null);
		Assertions.assertThat(this.catalog.find(entry.id()).orElseThrow().status()).isEqualTo(CatalogStatus.DECIDED);
		this.driver.complete(instance, REPORT_TO_PARTY, SECRETARIAT,
				Map.of("partyReportedOn", "2026-05-06", "partyReportOutcome", "AGREED", "partyReportNote", "同意。"));
		// 20 working days after Thursday 30 April: the Labour Day holiday is skipped, the
		// make-up workday Saturday 9 May counts
		assertThat(instance).isWaitingAt(PUBLISH_DECISION);
		assertThat(instance).variables().containsEntry("publicationDueDateText", "2026年6月1日");
		this.driver.publish(instance);
		Assertions.assertThat(this.catalog.find(entry.id()).orElseThrow().status()).isEqualTo(CatalogStatus.PUBLISHED);

		// and: execution is reported until complete, evaluated, archived
		assertThat(instance).isWaitingAt(EXECUTION_REPORT, ADJUST_EXECUTION);
		this.driver.complete(instance, EXECUTION_REPORT, LEAD, Map.of("reportedPeriod", "2026年第三季度",
				"executionProgress", "已完成首批征收……", "executionStatus", "ONGOING", "evaluationTriggered", false));
		this.driver.complete(instance, EXECUTION_REPORT, LEAD, Map.of("reportedPeriod", "2026年第四季度",
				"executionProgress", "全部完成", "executionStatus", "COMPLETED", "evaluationTriggered", false));
		this.driver.complete(instance, POST_EVALUATION, SECRETARIAT,
				Map.of("evaluationUnit", "市社会科学院", "evaluationReport", "达到预期效果……", "evaluationConclusion", "CONTINUE"));
		this.driver.archive(instance);

		// then: every statutory step in the order the law allows; the entry is free again
		assertThat(instance).isEnded()
			.hasPassedInOrder(DECIDE_INITIATION, DRAFT, SUMMARIZE_COMMENTS, SCHEDULE_HEARING, RECORD_HEARING,
					CONSULT_ENTERPRISES, LEGALITY_REVIEW, SUBMIT_FOR_MEETING, SCHEDULE_MEETING, RECORD_MEETING,
					REPORT_TO_PARTY, PUBLISH_DECISION, EXECUTION_REPORT, POST_EVALUATION, ARCHIVE, ARCHIVED)
			.hasNotPassed(HIGH_RISK_DECISION, REVISE_DRAFT, NOTIFY_STOP)
			.variables()
			.containsEntry("decisionOutcome", "IMPLEMENTED");
		Assertions.assertThat(this.catalog.find(entry.id()).orElseThrow().runningBusinessKey()).isNull();
		verify(this.notifications, never()).decisionStopped(any());
	}

	@Test
	@DisplayName("目录外事项，不需要听证、专家论证、风险评估和党委请示：只走必经步骤")
	void shouldRunWithoutOptionalSteps() {
		// given
		ProcessInstance instance = this.driver.start(MajorDecisionDriver.adHocStart("示范市公共停车设施建设管理办法"));
		// when
		this.driver.initiate(instance);
		this.driver.draft(instance);
		assertThat(instance).isWaitingAt(PUBLISH_FOR_COMMENT);
		this.driver.publishForComment(instance, "2026-03-02");
		this.driver.closeCommentPeriod(instance);
		this.driver.summarizeComments(instance);
		this.driver.legalityReview(instance, "LAWFUL");
		this.driver.toMeeting(instance);
		this.driver.meeting(instance, "APPROVED", "APPROVED", null);
		this.driver.publish(instance);
		this.driver.complete(instance, EXECUTION_REPORT, LEAD, Map.of("reportedPeriod", "2026年", "executionProgress",
				"完成", "executionStatus", "COMPLETED", "evaluationTriggered", false));
		this.driver.archive(instance);
		// then
		assertThat(instance).isEnded()
			.hasPassedInOrder(DRAFT, SUMMARIZE_COMMENTS, LEGALITY_REVIEW, RECORD_MEETING, PUBLISH_DECISION, ARCHIVED)
			.hasNotPassed(SCHEDULE_HEARING, CONSULT_ENTERPRISES, SELECT_EXPERTS, RISK_ASSESSMENT, REPORT_TO_PARTY,
					POST_EVALUATION);
		assertThat(instance).variables().containsEntry("startBasisName", "目录外事项").doesNotContainKey("catalogEntryId");
	}

	@Test
	@DisplayName("高风险 → 调整草案重新评估 → 仍为高风险 → 停止决策，通知并归档")
	void shouldStopTheDecisionWhenRiskIsNotControllable() {
		// given
		CatalogEntry entry = entry("示范市垃圾焚烧发电厂选址", false, false, true);
		ProcessInstance instance = this.driver.start(MajorDecisionDriver.catalogStart(entry.id()));
		this.driver.initiate(instance);
		this.driver.draft(instance);
		// when: high risk, the decision organ has the draft adjusted, still high, then
		// stops
		highRisk(instance);
		this.driver.complete(instance, HIGH_RISK_DECISION, HEAD,
				Map.of("highRiskAction", "ADJUST", "highRiskReason", "调整选址后重新评估"));
		this.driver.complete(instance, ADJUST_DRAFT_FOR_RISK, LEAD,
				Map.of("draftText", "选址调整为……", "riskAdjustment", "已调整选址"));
		highRisk(instance);
		this.driver.complete(instance, HIGH_RISK_DECISION, HEAD,
				Map.of("highRiskAction", "STOP", "highRiskReason", "群众反对强烈，风险不可控"));
		// then: the comment period and the rest are cancelled; the stop is mailed
		// asynchronously, then the file is archived
		assertThat(instance).isWaitingAt(NOTIFY_STOP);
		Assertions.assertThat(this.taskService.createTaskQuery().processInstanceId(instance.getId()).count()).isZero();
		Assertions.assertThat(this.catalog.find(entry.id()).orElseThrow().status()).isEqualTo(CatalogStatus.STOPPED);
		this.driver.executeJob(instance, NOTIFY_STOP);
		ArgumentCaptor<StoppedDecision> notice = ArgumentCaptor.forClass(StoppedDecision.class);
		verify(this.notifications).decisionStopped(notice.capture());
		Assertions.assertThat(notice.getValue().reason()).isEqualTo("群众反对强烈，风险不可控");
		Assertions.assertThat(notice.getValue().decidedBy()).isEqualTo("赵磊");
		this.driver.archive(instance);
		assertThat(instance).isEnded()
			.hasPassed(STOPPED_FOR_RISK, ADJUST_DRAFT_FOR_RISK, NOTIFY_STOP, ARCHIVED)
			.hasNotPassed(LEGALITY_REVIEW, RECORD_MEETING)
			.variables()
			.containsEntry("decisionOutcome", "STOPPED_FOR_RISK")
			.containsEntry("stoppedBy", HEAD);
	}

	@Test
	@DisplayName("合法性审查不合法 → 修改草案 → 重新审查修改后合法 → 按审查意见修改 → 通过")
	void shouldRedraftAfterAnUnlawfulReview() {
		// given
		ProcessInstance instance = throughParticipation("示范市城市绿地管理办法");
		// when: the first review finds the draft unlawful
		this.driver.legalityReview(instance, "UNLAWFUL");
		// then: it goes back to drafting, not to the meeting
		assertThat(instance).isWaitingAt(REVISE_DRAFT).task().hasCandidateGroup("dept-nrp");
		assertThat(instance).variables()
			.hasEntrySatisfying("revisionReasonText",
					(text) -> Assertions.assertThat((String) text).startsWith("合法性审查结论为不合法"));
		this.driver.complete(instance, REVISE_DRAFT, LEAD,
				Map.of("draftText", "删除第八条……", "revisionExplanation", "已删除越权条款"));
		// when: the second round is lawful with changes, which the lead office adopts
		assertThat(instance).isWaitingAt(LEGALITY_REVIEW);
		this.driver.legalityReview(instance, "LAWFUL_WITH_CHANGES");
		this.driver.complete(instance, ADOPT_LEGALITY_CHANGES, LEAD,
				Map.of("draftText", "修改稿……", "legalityChangesAdoption", "已全部采纳"));
		// then
		assertThat(instance).isWaitingAt(SUBMIT_FOR_MEETING);
		assertThat(instance).variables().containsEntry("legalityRound", 2);
		Assertions
			.assertThat(this.historyService.createHistoricProcessInstanceQuery()
				.superProcessInstanceId(instance.getId())
				.count())
			.isEqualTo(2);
	}

	@Test
	@DisplayName("集体讨论不予通过（与多数意见不一致须说明理由）→ 停止，通知并归档")
	void shouldCloseARejectedDecision() {
		// given
		ProcessInstance instance = throughParticipation("示范市出租车运力投放方案");
		this.driver.legalityReview(instance, "LAWFUL");
		this.driver.toMeeting(instance);
		// when: the head rejects against the majority without a reason: refused
		assertThatThrownBy(() -> this.driver.meeting(instance, "APPROVED", "REJECTED", null))
			.isInstanceOf(FormFieldValidationException.class)
			.hasMessageContaining("「行政首长决定与多数意见不一致的理由」为必填项");
		assertThat(instance).isWaitingAt(RECORD_MEETING);
		// and with the reason he gave at the meeting: recorded
		this.driver.meeting(instance, "APPROVED", "REJECTED", "运力测算依据不足，待交通流量调查完成后另行研究");
		// then
		assertThat(instance).variables()
			.containsEntry("decisionOutcome", "REJECTED")
			.containsEntry("headDecisionReason", "运力测算依据不足，待交通流量调查完成后另行研究");
		this.driver.executeJob(instance, NOTIFY_STOP);
		this.driver.archive(instance);
		assertThat(instance).isEnded().hasNotPassed(PUBLISH_DECISION);
	}

	@Test
	@DisplayName("会议决定修改后再议 → 修改并重新审查 → 暂缓 → 再次列入议程通过 → 党委退回修改 → 党委不同意")
	void shouldLoopThroughReviseDeferAndPartyReturn() {
		// given
		var form = MajorDecisionDriver.adHocStart("示范市历史文化街区保护规划");
		form.put("partyReportRequired", true);
		ProcessInstance instance = this.driver.start(form);
		participate(instance);
		this.driver.legalityReview(instance, "LAWFUL");
		this.driver.toMeeting(instance);
		// when: REVISE → the draft is revised and reviewed again
		this.driver.meeting(instance, "REVISE", "REVISE", null);
		assertThat(instance).isWaitingAt(REVISE_DRAFT);
		this.driver.complete(instance, REVISE_DRAFT, LEAD,
				Map.of("draftText", "修改稿", "revisionExplanation", "按会议意见修改"));
		this.driver.legalityReview(instance, "LAWFUL");
		this.driver.toMeeting(instance);
		// and: DEFERRED → back on a later agenda
		this.driver.meeting(instance, "DEFERRED", "DEFERRED", null);
		assertThat(instance).isWaitingAt(SCHEDULE_MEETING);
		assertThat(instance).variables()
			.hasEntrySatisfying("deferredReason",
					(text) -> Assertions.assertThat((String) text).startsWith("集体讨论决定暂缓审议"));
		this.driver.schedule(instance, "2026-05-14");
		this.driver.meeting(instance, "APPROVED", "APPROVED", null);
		// and: the Party committee returns it for changes, then does not agree
		this.driver.complete(instance, REPORT_TO_PARTY, SECRETARIAT, Map.of("partyReportedOn", "2026-05-20",
				"partyReportOutcome", "RETURNED", "partyReportNote", "请补充资金保障方案"));
		assertThat(instance).isWaitingAt(REVISE_DRAFT);
		this.driver.complete(instance, REVISE_DRAFT, LEAD,
				Map.of("draftText", "修改稿3", "revisionExplanation", "补充资金保障"));
		this.driver.legalityReview(instance, "LAWFUL");
		this.driver.toMeeting(instance);
		this.driver.meeting(instance, "APPROVED", "APPROVED", null);
		this.driver.complete(instance, REPORT_TO_PARTY, SECRETARIAT,
				Map.of("partyReportedOn", "2026-06-03", "partyReportOutcome", "NOT_AGREED", "partyReportNote", "暂不实施"));
		// then
		assertThat(instance).isWaitingAt(NOTIFY_STOP).variables().containsEntry("decisionOutcome", "PARTY_NOT_AGREED");
		assertThat(instance).variables().containsEntry("legalityRound", 3);
	}

	@Test
	@DisplayName("执行中：中止执行 → 恢复执行 → 停止执行，记录并通知")
	void shouldStopDuringExecution() {
		// given: a published decision in execution
		ProcessInstance instance = throughParticipation("示范市共享单车停放管理规定");
		this.driver.legalityReview(instance, "LAWFUL");
		this.driver.toMeeting(instance);
		this.driver.meeting(instance, "APPROVED", "APPROVED", null);
		this.driver.publish(instance);
		// when: the head suspends, resumes, and finally stops execution
		this.driver.complete(instance, ADJUST_EXECUTION, HEAD,
				Map.of("adjustmentAction", "SUSPEND", "adjustmentReason", "发生重大情况变化"));
		assertThat(instance).isWaitingAt(EXECUTION_REPORT, RESUME_OR_STOP);
		assertThat(instance).variables().containsEntry("executionSuspended", true);
		this.driver.complete(instance, RESUME_OR_STOP, HEAD,
				Map.of("suspensionOutcome", "RESUME", "suspensionNote", "情况已消除"));
		this.driver.complete(instance, ADJUST_EXECUTION, HEAD,
				Map.of("adjustmentAction", "STOP", "adjustmentReason", "上位法修改，决策依据已变化"));
		// then: the report task is cancelled, the stop is mailed and the case archived
		assertThat(instance).isWaitingAt(NOTIFY_STOP).variables().containsEntry("decisionOutcome", "EXECUTION_STOPPED");
		this.driver.executeJob(instance, NOTIFY_STOP);
		this.driver.archive(instance);
		assertThat(instance).isEnded().hasPassed(EXECUTION_STOPPED, RESUME_OR_STOP).hasNotPassed(POST_EVALUATION);
	}

	@Test
	@DisplayName("执行中中止后停止执行；执行完毕时由执行单位建议开展后评估")
	void shouldStopAfterSuspensionAndEvaluateWhenTriggered() {
		// given
		ProcessInstance stopped = published("示范市夜间经济发展措施");
		// when: suspended, then stopped
		this.driver.complete(stopped, ADJUST_EXECUTION, HEAD,
				Map.of("adjustmentAction", "SUSPEND", "adjustmentReason", "情况紧急"));
		this.driver.complete(stopped, RESUME_OR_STOP, HEAD,
				Map.of("suspensionOutcome", "STOP", "suspensionNote", "停止执行"));
		// then
		assertThat(stopped).isWaitingAt(NOTIFY_STOP);
		// given: another decision whose executing office asks for a post-evaluation
		ProcessInstance evaluated = published("示范市老旧小区加装电梯补助办法");
		this.driver.complete(evaluated, EXECUTION_REPORT, LEAD, Map.of("reportedPeriod", "2026年", "executionProgress",
				"完成", "executionStatus", "COMPLETED", "evaluationTriggered", true, "problemsFound", "群众意见较多"));
		// then: evaluation before archiving
		assertThat(evaluated).isWaitingAt(POST_EVALUATION);
	}

	@Test
	@DisplayName("决策机关决定不予启动：目录事项显示为已停止，可重新提出")
	void shouldEndWhenTheDecisionOrganDoesNotStart() {
		// given
		CatalogEntry entry = entry("示范市地下空间开发利用规划", false, false, false);
		ProcessInstance instance = this.driver.start(MajorDecisionDriver.catalogStart(entry.id()));
		// when
		this.driver.complete(instance, DECIDE_INITIATION, HEAD,
				Map.of("initiationDecision", "NOT_START", "initiationComment", "条件尚不成熟，暂不启动"));
		// then
		assertThat(instance).isEnded().hasPassed(NOT_STARTED).hasNotPassed(DRAFT);
		CatalogEntry after = this.catalog.find(entry.id()).orElseThrow();
		Assertions.assertThat(after.status()).isEqualTo(CatalogStatus.STOPPED);
		Assertions.assertThat(after.runningBusinessKey()).isNull();
	}

	@Test
	@DisplayName("错误的启动：缺必填项、目录事项不存在、重复启动、非承办单位启动、缩短征求意见期限不说明理由——均被拒绝且不留下数据")
	void shouldRefuseBadStartsWithoutLeavingAnything() {
		// given
		CatalogEntry entry = entry("示范市中小学校布局规划", false, false, false);
		long before = this.historyService.createHistoricProcessInstanceQuery().count();
		// when / then: a required field is missing
		var missing = MajorDecisionDriver.adHocStart("示范市停车收费标准");
		missing.remove("proposal");
		assertThatThrownBy(() -> this.driver.start(missing)).isInstanceOf(FormFieldValidationException.class)
			.hasMessageContaining("「决策建议」为必填项");
		// an unknown catalogue entry
		assertThatThrownBy(() -> this.driver.start(MajorDecisionDriver.catalogStart(999_999)))
			.isInstanceOf(FormFieldValidationException.class)
			.hasMessageContaining("没有编号为“999999”的事项");
		// a department that is not the entry's lead office
		assertThatThrownBy(() -> this.acting.as("wangfang",
				() -> this.process.start(null, MajorDecisionDriver.catalogStart(entry.id()))))
			.isInstanceOf(FormFieldValidationException.class)
			.hasMessageContaining("承办单位是示范市自然资源和规划局");
		// the auditor may not start anything
		assertThatThrownBy(() -> this.acting.as("hanxue",
				() -> this.process.start(null, MajorDecisionDriver.adHocStart("审计不应能启动"))))
			.isInstanceOf(AuthorizationException.class);
		Assertions.assertThat(this.historyService.createHistoricProcessInstanceQuery().count()).isEqualTo(before);
		// a second decision for an entry while one runs
		ProcessInstance running = this.driver.start(MajorDecisionDriver.catalogStart(entry.id()));
		assertThatThrownBy(() -> this.driver.start(MajorDecisionDriver.catalogStart(entry.id())))
			.isInstanceOf(FormConflictException.class)
			.hasMessageContaining(running.getBusinessKey());
		Assertions.assertThat(this.historyService.createHistoricProcessInstanceQuery().count()).isEqualTo(before + 1);
		// a shortened comment period without a reason
		this.driver.initiate(running);
		this.driver.draft(running);
		assertThatThrownBy(() -> this.driver.complete(running, PUBLISH_FOR_COMMENT, LEAD,
				Map.of("commentChannels", List.of("WEBSITE"), "commentPublishedOn", "2026-03-02", "commentPeriodDays",
						15, "commentMethods", "电子邮件")))
			.isInstanceOf(FormFieldValidationException.class)
			.hasMessageContaining("缩短期限的理由");
		assertThat(running).isWaitingAt(PUBLISH_FOR_COMMENT);
		// a hearing whose materials arrive too late
	}

	@Test
	@DisplayName("听证材料送达晚于听证会前7日：拒绝")
	void shouldRefuseLateHearingMaterials() {
		// given
		var form = MajorDecisionDriver.adHocStart("示范市水价调整方案");
		form.put("hearingRequired", true);
		ProcessInstance instance = this.driver.start(form);
		this.driver.initiate(instance);
		this.driver.draft(instance);
		this.driver.publishForComment(instance, "2026-03-02");
		this.driver.closeCommentPeriod(instance);
		this.driver.summarizeComments(instance);
		// when / then
		assertThatThrownBy(() -> this.driver.complete(instance, SCHEDULE_HEARING, LEAD,
				Map.of("hearingDate", "2026-04-20", "hearingPlace", "市政府第一会议室", "hearingNoticePublishedOn",
						"2026-04-03", "participantSelection", "公开报名", "participantList", "……", "materialsDeliveredOn",
						"2026-04-15")))
			.isInstanceOf(FormFieldValidationException.class)
			.hasMessageContaining("材料最迟应于2026年4月13日送达");
	}

	private CatalogEntry entry(String title, boolean hearing, boolean experts, boolean risk) {
		return this.catalog.create(
				new NewCatalogEntry(2026, title, "PUBLIC_POLICY", "dept-nrp", hearing, experts, risk, "2026年第四季度"),
				SECRETARIAT);
	}

	private void opinion(Task task, String expert, String text) {
		this.acting.as(expert,
				() -> this.process.submit(task.getId(), Map.of("expertOpinion", text, "expertSignature", true)));
	}

	private void highRisk(ProcessInstance instance) {
		this.driver.complete(instance, RISK_ASSESSMENT, LEAD,
				Map.of("riskLevel", "HIGH", "riskPoints", "群众反对强烈", "riskMeasures", "……", "responsePlan", "……"));
	}

	private ProcessInstance throughParticipation(String title) {
		ProcessInstance instance = this.driver.start(MajorDecisionDriver.adHocStart(title));
		participate(instance);
		return instance;
	}

	private void participate(ProcessInstance instance) {
		this.driver.initiate(instance);
		this.driver.draft(instance);
		this.driver.publishForComment(instance, "2026-03-02");
		this.driver.closeCommentPeriod(instance);
		this.driver.summarizeComments(instance);
	}

	private ProcessInstance published(String title) {
		ProcessInstance instance = throughParticipation(title);
		this.driver.legalityReview(instance, "LAWFUL");
		this.driver.toMeeting(instance);
		this.driver.meeting(instance, "APPROVED", "APPROVED", null);
		this.driver.publish(instance);
		return instance;
	}

}
