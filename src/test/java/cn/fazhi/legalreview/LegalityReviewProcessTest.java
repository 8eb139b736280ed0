package cn.fazhi.legalreview;

import java.time.OffsetDateTime;
import java.util.Calendar;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import cn.fazhi.support.ActingUser;
import cn.fazhi.support.ProcessCoverageConfiguration;

import org.assertj.core.api.Assertions;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.history.HistoricVariableUpdate;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;

import static cn.fazhi.legalreview.LegalityReviewModel.Elements.ADVISER_OPINION;
import static cn.fazhi.legalreview.LegalityReviewModel.Elements.ASSIGN_REVIEWER;
import static cn.fazhi.legalreview.LegalityReviewModel.Elements.END;
import static cn.fazhi.legalreview.LegalityReviewModel.Elements.INTAKE;
import static cn.fazhi.legalreview.LegalityReviewModel.Elements.RECORD_SUPPLEMENT;
import static cn.fazhi.legalreview.LegalityReviewModel.Elements.REQUEST_SUPPLEMENT;
import static cn.fazhi.legalreview.LegalityReviewModel.Elements.REVIEW;
import static cn.fazhi.legalreview.LegalityReviewModel.Elements.SIGN_OFF;
import static cn.fazhi.legalreview.LegalityReviewModel.Elements.SUPPLEMENT;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;

/**
 * Every path of {@code legality-review} (合法性审查), run as the directory's demo people with
 * the real delegates, rule tables, forms validation and permissions. The engine clock is
 * pinned to Friday 26 September 2025, just before the 2025 National Day holiday.
 */
@SpringBootTest
@ActiveProfiles("test")
@Import(ProcessCoverageConfiguration.class)
@DisplayName("合法性审查 legality-review")
class LegalityReviewProcessTest {

	static final Date RECEIVED = Date.from(OffsetDateTime.parse("2025-09-26T10:00:00+08:00").toInstant());

	@Autowired
	ProcessEngine engine;

	@Autowired
	LegalityReviewProcess review;

	@Autowired
	RuntimeService runtimeService;

	@Autowired
	TaskService taskService;

	@Autowired
	HistoryService historyService;

	@Autowired
	IdentityService identityService;

	ActingUser acting;

	@BeforeEach
	void pinClock() {
		init(this.engine);
		ClockUtil.setCurrentTime(RECEIVED);
		this.acting = new ActingUser(this.identityService);
	}

	@AfterEach
	void resetClock() {
		ClockUtil.reset();
	}

	@Test
	@DisplayName("材料齐全 → 指定承办人 → 审查合法 → 签发")
	void shouldIssueALawfulOpinion() {
		// given: 张伟 of the natural-resources bureau submits a major decision
		ProcessInstance instance = start("LR-2025-001", startForm());
		// then: the periods run across the National Day holiday (Sun 28 Sep and Sat 11
		// Oct are make-up workdays)
		assertThat(instance).isWaitingAt(INTAKE).task().hasCandidateGroup("justice-bureau");
		assertThat(instance).variables()
			.containsEntry("submittingOffice", "dept-nrp")
			.containsEntry("submittingOfficeName", "示范市自然资源和规划局")
			.containsEntry("receivedAtText", "2025年9月26日")
			.containsEntry("reviewFloorDateText", "2025年10月13日")
			.containsEntry("reviewDueDateText", "2025年10月23日")
			.containsEntry("intakeDueDateText", "2025年9月30日")
			.containsEntry("deadlinesProvisional", false);
		Assertions.assertThat(task(instance).getDueDate()).isEqualTo(endOfDay("2025-09-30"));

		// when: 孙丽 finds the materials complete, 吴军 assigns 周强, who finds the draft
		// lawful
		complete(instance, "sunli", Map.of("materialsComplete", "COMPLETE"));
		assertThat(instance).isWaitingAt(ASSIGN_REVIEWER).task().hasCandidateGroup("justice-bureau-heads");
		complete(instance, "wujun", Map.of("reviewer", "zhouqiang"));
		assertThat(instance).isWaitingAt(REVIEW).task().isAssignedTo("zhouqiang");
		Assertions.assertThat(task(instance).getDueDate()).isEqualTo(endOfDay("2025-10-23"));
		complete(instance, "zhouqiang", conclusion("LAWFUL"));
		assertThat(instance).isWaitingAt(SIGN_OFF).task().hasCandidateGroup("justice-bureau-heads");
		complete(instance, "wujun", Map.of("signOffDecision", "APPROVE"));

		// then: the opinion is signed and returned
		assertThat(instance).isEnded()
			.hasPassedInOrder(INTAKE, ASSIGN_REVIEWER, REVIEW, SIGN_OFF, END)
			.hasNotPassed(SUPPLEMENT, ADVISER_OPINION)
			.variables()
			.containsEntry("legalityConclusion", "LAWFUL")
			.containsEntry("legalityConclusionName", "合法")
			.containsEntry("legalitySignedOffBy", "wujun")
			.containsEntry("reviewerName", "周强");
	}

	@Test
	@DisplayName("单独提请、未带案号的审查按年度自动编号（LR-年份-序号），带案号的保留原案号")
	void shouldNumberAReviewStartedWithoutACaseNumber() {
		// when: two reviews are submitted from Tasklist's start form, which sends no
		// business key, and one with its own
		ProcessInstance first = start(null, startForm());
		ProcessInstance second = start(null, startForm());
		ProcessInstance keyed = start("LR-2025-OWN", startForm());
		// then
		String firstKey = this.runtimeService.createProcessInstanceQuery()
			.processInstanceId(first.getId())
			.singleResult()
			.getBusinessKey();
		String secondKey = this.runtimeService.createProcessInstanceQuery()
			.processInstanceId(second.getId())
			.singleResult()
			.getBusinessKey();
		Assertions.assertThat(firstKey).matches("LR-2025-\\d{4}");
		Assertions.assertThat(Integer.parseInt(secondKey.substring(8)))
			.isEqualTo(Integer.parseInt(firstKey.substring(8)) + 1);
		assertThat(keyed).hasBusinessKey("LR-2025-OWN");
	}

	@Test
	@DisplayName("历史记录写入时即带保留期限（立案时间 + 100年），办结时不再逐条回写")
	void shouldWriteTheRemovalTimeWithEachHistoryRow() {
		// given: a review is submitted (TTL P36500D, ADR 0004)
		ProcessInstance instance = start("LR-2025-005", startForm());
		HistoricProcessInstance running = this.historyService.createHistoricProcessInstanceQuery()
			.processInstanceId(instance.getId())
			.singleResult();
		Calendar removal = Calendar.getInstance();
		removal.setTime(running.getStartTime());
		removal.add(Calendar.DATE, 36500);
		// then: while the case runs, its history already carries the removal time
		Assertions.assertThat(running.getRemovalTime()).isEqualTo(removal.getTime());
		Assertions.assertThat(historicTaskRemovalTimes(instance)).containsOnly(removal.getTime());

		// when: the review is signed off
		complete(instance, "sunli", Map.of("materialsComplete", "COMPLETE"));
		complete(instance, "wujun", Map.of("reviewer", "zhouqiang"));
		complete(instance, "zhouqiang", conclusion("LAWFUL"));
		complete(instance, "wujun", Map.of("signOffDecision", "APPROVE"));

		// then: every history row of the case kept the removal time it was written with
		assertThat(instance).isEnded();
		Assertions
			.assertThat(this.historyService.createHistoricProcessInstanceQuery()
				.processInstanceId(instance.getId())
				.singleResult()
				.getRemovalTime())
			.isEqualTo(removal.getTime());
		Assertions.assertThat(historicTaskRemovalTimes(instance)).hasSize(4).containsOnly(removal.getTime());
		Assertions.assertThat(
				this.historyService.createHistoricVariableInstanceQuery().processInstanceId(instance.getId()).list())
			.isNotEmpty()
			.allSatisfy((variable) -> Assertions.assertThat(variable.getRemovalTime()).isEqualTo(removal.getTime()));
	}

	@Test
	@DisplayName("表单提交的取值只作为变量更新记入历史一次，不再另记一条表单字段明细")
	void shouldRecordSubmittedValuesOnceAsVariableUpdates() {
		// given: a review started and its intake submitted through the forms
		ProcessInstance instance = start("LR-2025-006", startForm());
		Task intake = task(instance);
		complete(instance, "sunli", Map.of("materialsComplete", "COMPLETE"));

		// then: Camunda's form-field details are not written ...
		Assertions
			.assertThat(this.historyService.createHistoricDetailQuery()
				.processInstanceId(instance.getId())
				.formFields()
				.count())
			.isZero();
		// ... and the submitted value is there once, as the variable update of the step
		List<HistoricVariableUpdate> updates = this.historyService.createHistoricDetailQuery()
			.processInstanceId(instance.getId())
			.variableUpdates()
			.list()
			.stream()
			.map(HistoricVariableUpdate.class::cast)
			.filter((update) -> "materialsComplete".equals(update.getVariableName()))
			.toList();
		Assertions.assertThat(updates).singleElement().satisfies((update) -> {
			Assertions.assertThat(update.getValue()).isEqualTo("COMPLETE");
			Assertions.assertThat(update.getActivityInstanceId())
				.isEqualTo(this.historyService.createHistoricTaskInstanceQuery()
					.taskId(intake.getId())
					.singleResult()
					.getActivityInstanceId());
		});
		// and the start form's values are variable updates too
		Assertions
			.assertThat(this.historyService.createHistoricDetailQuery()
				.processInstanceId(instance.getId())
				.variableUpdates()
				.list()
				.stream()
				.map((detail) -> ((HistoricVariableUpdate) detail).getVariableName()))
			.contains("matterTitle", "draftSummary", "contactPerson");
	}

	private List<Date> historicTaskRemovalTimes(ProcessInstance instance) {
		return this.historyService.createHistoricTaskInstanceQuery()
			.processInstanceId(instance.getId())
			.list()
			.stream()
			.map(HistoricTaskInstance::getRemovalTime)
			.toList();
	}

	@Test
	@DisplayName("材料不齐全 → 补充材料（时间单独记录）→ 重新初审")
	void shouldRecordSupplementTimeApartFromTheReview() {
		// given
		ProcessInstance instance = start("LR-2025-002", startForm());
		// when: intake asks for supplements; the office supplies them two working days
		// later
		complete(instance, "sunli", Map.of("materialsComplete", "INCOMPLETE", "missingItems", "1. 社会稳定风险评估报告"));
		assertThat(instance).hasPassed(REQUEST_SUPPLEMENT).isWaitingAt(SUPPLEMENT).task().hasCandidateGroup("dept-nrp");
		assertThat(instance).variables().containsEntry("supplementDueDateText", "2025年9月29日");
		ClockUtil.setCurrentTime(Date.from(OffsetDateTime.parse("2025-09-29T16:00:00+08:00").toInstant()));
		complete(instance, "zhangwei", Map.of("supplementDescription", "已补充风险评估报告", "draftSummary", "第一条（修改稿）"));
		// then: back at intake with a fresh intake deadline; the national rules keep the
		// review deadline
		assertThat(instance).hasPassed(RECORD_SUPPLEMENT).isWaitingAt(INTAKE);
		assertThat(instance).variables()
			.containsEntry("supplementWorkingDays", 2)
			.containsEntry("reviewDueDateText", "2025年10月23日")
			.containsEntry("intakeDueDateText", "2025年10月10日")
			.containsEntry("draftSummary", "第一条（修改稿）");
	}

	@Test
	@DisplayName("征求法律顾问、公职律师意见 → 修改后合法 → 退回重审 → 不合法 → 签发")
	void shouldConsultAdvisersAndReworkAfterReturn() {
		// given
		ProcessInstance instance = start("LR-2025-003", startForm());
		complete(instance, "sunli", Map.of("materialsComplete", "COMPLETE"));
		complete(instance, "wujun", Map.of("reviewer", "zhouqiang"));
		// when: the reviewer consults the legal adviser and a public lawyer
		complete(instance, "zhouqiang", Map.of("reviewAction", "CONSULT", "consultees", List.of("hegang", "xumin"),
				"consultationQuestion", "补偿标准是否符合上位法？"));
		List<Task> opinions = this.taskService.createTaskQuery()
			.processInstanceId(instance.getId())
			.taskDefinitionKey(ADVISER_OPINION)
			.orderByTaskAssignee()
			.asc()
			.list();
		// then: one task each, routed to that person only
		Assertions.assertThat(opinions).extracting(Task::getAssignee).containsExactly("hegang", "xumin");
		this.acting.as("hegang",
				() -> this.review.submit(opinions.get(0).getId(), Map.of("adviserOpinion", "补偿标准符合条例第十九条。")));
		this.acting.as("xumin",
				() -> this.review.submit(opinions.get(1).getId(), Map.of("adviserOpinion", "建议明确评估机构选定程序。")));
		assertThat(instance).isWaitingAt(REVIEW);
		assertThat(instance).variables()
			.hasEntrySatisfying("adviserOpinionsSummary",
					(summary) -> Assertions.assertThat((String) summary)
						.contains("何刚，示范市人民政府法律顾问团")
						.contains("补偿标准符合条例第十九条。")
						.contains("徐敏，示范市司法局")
						.contains("建议明确评估机构选定程序。"));
		Assertions.assertThat(this.taskService.getProcessInstanceComments(instance.getId()))
			.extracting((comment) -> comment.getUserId())
			.containsExactlyInAnyOrder("hegang", "xumin");

		// when: lawful with changes, returned by the head, then found unlawful and signed
		Map<String, Object> withChanges = new HashMap<>(conclusion("LAWFUL_WITH_CHANGES"));
		withChanges.put("requiredChanges", "删除第八条第二款。");
		complete(instance, "zhouqiang", withChanges);
		complete(instance, "wujun", Map.of("signOffDecision", "RETURN", "signOffComment", "请核实第八条的上位法依据。"));
		assertThat(instance).isWaitingAt(REVIEW).task().isAssignedTo("zhouqiang");
		complete(instance, "zhouqiang", conclusion("UNLAWFUL"));
		complete(instance, "wujun", Map.of("signOffDecision", "APPROVE"));

		// then
		assertThat(instance).isEnded().variables().containsEntry("legalityConclusion", "UNLAWFUL");
	}

	@Test
	@DisplayName("要求完成日期早于法定最少审查时间：拒绝，不留下任何数据")
	void shouldRefuseADeadlineShorterThanTheStatutoryMinimum() {
		// given: 7 working days from 26 September 2025 end on 13 October
		Map<String, Object> form = startForm();
		form.put("requestedDeadline", "2025-10-10");
		long before = this.historyService.createHistoricProcessInstanceQuery().count();
		// when / then
		assertThatThrownBy(() -> start("LR-2025-004", form)).isInstanceOf(FormFieldValidationException.class)
			.hasMessageContaining("不得早于 2025年10月13日");
		Assertions.assertThat(this.historyService.createHistoricProcessInstanceQuery().count()).isEqualTo(before);
	}

	@Test
	@DisplayName("任务只交给正确的单位和人员办理")
	void shouldLetOnlyTheRoutedOfficeWorkATask() {
		// given
		ProcessInstance instance = start("LR-2025-005", startForm());
		String intake = task(instance).getId();
		// when / then: the submitting department cannot do the intake, the justice bureau
		// can
		assertThatThrownBy(() -> this.acting.as("zhangwei",
				() -> this.review.submit(intake, Map.of("materialsComplete", "COMPLETE"))))
			.isInstanceOf(AuthorizationException.class);
		complete(instance, "sunli", Map.of("materialsComplete", "COMPLETE"));
		// and the head may pick only a reviewer offered by the form, never himself (审签分离)
		String assign = task(instance).getId();
		assertThatThrownBy(() -> this.acting.as("wujun", () -> this.review.submit(assign, Map.of("reviewer", "wujun"))))
			.isInstanceOf(FormFieldValidationException.class)
			.hasMessageContaining("「承办人」的取值“wujun”不在可选范围内");
		assertThat(instance).isWaitingAt(ASSIGN_REVIEWER);
	}

	private ProcessInstance start(String businessKey, Map<String, Object> form) {
		return this.acting.as("zhangwei", () -> this.review.start(businessKey, form));
	}

	private void complete(ProcessInstance instance, String userId, Map<String, Object> form) {
		Task task = task(instance);
		this.acting.as(userId, () -> this.review.submit(task.getId(), form));
	}

	private Task task(ProcessInstance instance) {
		return this.taskService.createTaskQuery().processInstanceId(instance.getId()).singleResult();
	}

	static Map<String, Object> startForm() {
		Map<String, Object> form = new HashMap<>();
		form.put("matterTitle", "示范市国有土地上房屋征收补偿办法");
		form.put("matterType", "MAJOR_DECISION");
		form.put("draftSummary", "第一条 为了规范国有土地上房屋征收与补偿活动……");
		form.put("legalBasisCited", "《国有土地上房屋征收与补偿条例》");
		form.put("proceduresPerformed", "已公开征求意见30日，已组织专家论证和风险评估。");
		form.put("contactPerson", "张伟");
		form.put("contactPhone", "0571-88886666");
		return form;
	}

	static Map<String, Object> conclusion(String conclusion) {
		return Map.of("reviewAction", "CONCLUDE", "legalityConclusion", conclusion, "legalityReasons",
				"未超越法定职权，已履行法定程序。", "legalBasis", "《国有土地上房屋征收与补偿条例》第十九条");
	}

	static Date endOfDay(String day) {
		return Date.from(OffsetDateTime.parse(day + "T23:59:59+08:00").toInstant());
	}

}
