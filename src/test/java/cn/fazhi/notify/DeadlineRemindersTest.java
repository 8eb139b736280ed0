package cn.fazhi.notify;

import java.util.List;
import java.util.concurrent.CompletableFuture;

import cn.fazhi.legalreview.LegalityReviewProcess;
import cn.fazhi.support.MailSpringTest;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Comment;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import static cn.fazhi.notify.NotifyFixture.at;
import static cn.fazhi.notify.NotifyFixture.endOfDay;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Deadline reminders on the statutory calendar, with the engine clock moved across the
 * 2025 National Day and the 2026 Spring Festival holidays: 即将到期 on the right working day,
 * 今日到期, 已超期 with 督办 to the heads of the justice bureau and of the government office that
 * supervises it, the case marked overdue, a comment in the history, and no stage twice.
 */
@MailSpringTest
@DisplayName("期限提醒与督办")
class DeadlineRemindersTest {

	@Autowired
	DeadlineReminders reminders;

	@Autowired
	OutboxStore outbox;

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

	@Autowired
	JdbcTemplate jdbc;

	NotifyFixture fixture;

	@BeforeEach
	void setUp() {
		this.fixture = new NotifyFixture(this.review, this.runtimeService, this.taskService, this.identityService,
				this.jdbc);
		this.fixture.clean();
	}

	@AfterEach
	void resetClock() {
		ClockUtil.reset();
	}

	@Test
	@DisplayName("国庆节前：10月10日到期的初审，节前最后一个工作日（9月30日）提醒，假期中不提醒，当日提醒，超期督办")
	void shouldRemindAcrossTheNationalDayHoliday() {
		// given: received Monday 29 September 2025; the intake is due three working days
		// later, on Friday 10 October (1–8 October are holidays)
		at("2025-09-29T10:00:00");
		ProcessInstance instance = this.fixture.submitReview("LR-2025-101", "示范市国有土地上房屋征收补偿办法");
		Task intake = this.fixture.task(instance);
		assertThat(intake.getDueDate()).isEqualTo(endOfDay("2025-10-10"));

		// when / then: three working days away — no reminder yet
		assertThat(this.reminders.scan()).isZero();
		// the last working day before the holiday: two working days left (30 Sep, 9 Oct
		// …)
		at("2025-09-30T09:00:00");
		assertThat(this.reminders.scan()).isEqualTo(1);
		OutboxMail before = this.outbox.find("reminder:" + intake.getId() + ":BEFORE");
		assertThat(before.subject()).isEqualTo("【办理提醒】材料接收与初审将于2025年10月10日到期（LR-2025-101）");
		assertThat(before.body()).contains("案　　号：LR-2025-101", "程　　序：合法性审查", "事项名称：示范市国有土地上房屋征收补偿办法", "办理环节：材料接收与初审",
				"办理期限：2025年10月10日", "还有2个工作日", "承　　办：示范市司法局（待认领）",
				"http://localhost:8080/camunda/app/tasklist/default/#/?task=" + intake.getId());
		assertThat(before.recipients()).containsExactly("sunli@demo-city.fazhi.example",
				"wujun@demo-city.fazhi.example", "xumin@demo-city.fazhi.example", "zhouqiang@demo-city.fazhi.example");
		// during the holiday nothing more is sent
		for (String day : List.of("2025-10-01", "2025-10-05", "2025-10-08", "2025-10-09")) {
			at(day + "T09:00:00");
			assertThat(this.reminders.scan()).as(day).isZero();
		}
		// on the day
		at("2025-10-10T08:30:00");
		assertThat(this.reminders.scan()).isEqualTo(1);
		assertThat(this.outbox.find("reminder:" + intake.getId() + ":DUE_TODAY").subject())
			.isEqualTo("【今日到期】材料接收与初审今日到期（LR-2025-101）");
		// Saturday 11 October is a make-up working day: the intake is overdue
		at("2025-10-11T00:15:00");
		assertThat(this.reminders.scan()).isEqualTo(1);
		assertThat(this.reminders.scan()).isZero();

		// then
		assertOverdueAndEscalated(instance, intake, "LR-2025-101", "2025-10-10");
		assertThat(this.fixture.stages(intake.getId())).containsExactly("BEFORE", "DUE_TODAY", "OVERDUE");
		assertThat(this.fixture.mailKeys()).containsExactly("reminder:" + intake.getId() + ":BEFORE",
				"reminder:" + intake.getId() + ":DUE_TODAY", "reminder:" + intake.getId() + ":OVERDUE");
	}

	@Test
	@DisplayName("春节前：2月25日到期的初审，在调休上班的2月14日（星期六）提醒，春节假期中不提醒，超期督办")
	void shouldRemindOnTheMakeUpSaturdayBeforeTheSpringFestival() {
		// given: received Friday 13 February 2026; working days are Sat 14 Feb (make-up),
		// then 24 and 25 February after the holiday (15–23 February)
		at("2026-02-13T10:00:00");
		ProcessInstance instance = this.fixture.submitReview("LR-2026-201", "示范市城市绿地管理办法");
		Task intake = this.fixture.task(instance);
		assertThat(intake.getDueDate()).isEqualTo(endOfDay("2026-02-25"));

		// when / then
		assertThat(this.reminders.scan()).isZero();
		at("2026-02-14T09:00:00");
		assertThat(this.reminders.scan()).isEqualTo(1);
		assertThat(this.outbox.find("reminder:" + intake.getId() + ":BEFORE").body()).contains("办理期限：2026年2月25日",
				"还有2个工作日");
		for (String day : List.of("2026-02-15", "2026-02-17", "2026-02-20", "2026-02-23", "2026-02-24")) {
			at(day + "T09:00:00");
			assertThat(this.reminders.scan()).as(day).isZero();
		}
		at("2026-02-25T09:00:00");
		assertThat(this.reminders.scan()).isEqualTo(1);
		at("2026-02-26T09:00:00");
		assertThat(this.reminders.scan()).isEqualTo(1);
		assertThat(this.reminders.scan()).isZero();

		// then
		assertOverdueAndEscalated(instance, intake, "LR-2026-201", "2026-02-25");
		assertThat(this.fixture.stages(intake.getId())).containsExactly("BEFORE", "DUE_TODAY", "OVERDUE");
	}

	@Test
	@DisplayName("9月30日到期的初审：星期六不提醒，调休上班的星期日（9月28日）提醒")
	void shouldRemindOnTheMakeUpSundayBeforeTheNationalDay() {
		// given: received Friday 26 September 2025; the intake is due Tuesday 30
		// September
		at("2025-09-26T10:00:00");
		Task intake = this.fixture.task(this.fixture.submitReview("LR-2025-103", "示范市电动自行车管理规定"));
		assertThat(intake.getDueDate()).isEqualTo(endOfDay("2025-09-30"));

		// when / then: Saturday 27 is a day off; Sunday 28 is a make-up working day with
		// two working days left (29 and 30 September)
		at("2025-09-27T09:00:00");
		assertThat(this.reminders.scan()).isZero();
		at("2025-09-28T09:00:00");
		assertThat(this.reminders.scan()).isEqualTo(1);
		assertThat(this.fixture.stages(intake.getId())).containsExactly("BEFORE");
	}

	@Test
	@DisplayName("分配给个人的任务只提醒本人；已办结的任务不再提醒")
	void shouldRemindTheAssigneeOnlyAndForgetCompletedTasks() {
		// given: 周强 is assigned the review, due 23 October 2025
		at("2025-09-26T10:00:00");
		ProcessInstance instance = this.fixture.submitReview("LR-2025-102", "示范市物业管理办法");
		this.fixture.complete(instance, "sunli", java.util.Map.of("materialsComplete", "COMPLETE"));
		this.fixture.complete(instance, "wujun", java.util.Map.of("reviewer", "zhouqiang"));
		Task review = this.fixture.task(instance);
		assertThat(review.getDueDate()).isEqualTo(endOfDay("2025-10-23"));

		// when: two working days before (22 and 23 October left)
		at("2025-10-21T09:00:00");
		this.reminders.scan();

		// then
		OutboxMail mail = this.outbox.find("reminder:" + review.getId() + ":BEFORE");
		assertThat(mail.recipients()).containsExactly("zhouqiang@demo-city.fazhi.example");
		assertThat(mail.body()).contains("承　　办：周强（示范市司法局）", "办理环节：审查并提出审查意见");
		// and once the step is done, nothing more about it
		this.runtimeService.deleteProcessInstance(instance.getId(), "withdrawn");
		at("2025-10-24T09:00:00");
		assertThat(this.reminders.scan()).isZero();
		assertThat(this.fixture.stages(review.getId())).containsExactly("BEFORE");
	}

	@Test
	@DisplayName("两个节点同时扫描：每个阶段只提醒一次，只发一封邮件")
	void shouldRemindOnceWhenTwoNodesScanAtOnce() throws Exception {
		// given: three reviews overdue at once
		at("2025-09-26T10:00:00");
		for (int i = 1; i <= 3; i++) {
			this.fixture.submitReview("LR-2025-11" + i, "示范市第" + i + "号规范性文件");
		}
		at("2025-10-09T09:00:00");

		// when: two scans run concurrently, as on two nodes
		CompletableFuture<Integer> first = CompletableFuture.supplyAsync(this::scanAtPinnedTime);
		CompletableFuture<Integer> second = CompletableFuture.supplyAsync(this::scanAtPinnedTime);

		// then
		assertThat(first.get() + second.get()).isEqualTo(3);
		assertThat(this.fixture.mailKeys()).hasSize(3).allMatch((key) -> key.endsWith(":OVERDUE"));
		assertThat(this.jdbc.queryForObject("select count(*) from fz_task_reminder", Integer.class)).isEqualTo(3);
	}

	/** ClockUtil is static: the pinned time holds on every thread. */
	private int scanAtPinnedTime() {
		return this.reminders.scan();
	}

	private void assertOverdueAndEscalated(ProcessInstance instance, Task task, String caseNumber, String dueDay) {
		OutboxMail overdue = this.outbox.find("reminder:" + task.getId() + ":OVERDUE");
		assertThat(overdue.subject()).isEqualTo("【督办】材料接收与初审已超期（" + caseNumber + "）");
		assertThat(overdue.body()).contains("督　　办：示范市司法局负责人（吴军）、示范市人民政府办公室负责人（赵磊）",
				"办理期限：" + cn.fazhi.calendar.CaseClock.text(java.time.LocalDate.parse(dueDay)));
		assertThat(overdue.recipients()).contains("sunli@demo-city.fazhi.example", "wujun@demo-city.fazhi.example",
				"zhaolei@demo-city.fazhi.example");
		assertThat(this.runtimeService.getVariable(instance.getId(), OverdueCase.OVERDUE)).isEqualTo(true);
		assertThat(this.runtimeService.getVariable(instance.getId(), OverdueCase.OVERDUE_SINCE))
			.isEqualTo(endOfDay(dueDay));
		List<Comment> comments = this.taskService.getTaskComments(task.getId());
		assertThat(comments).singleElement()
			.extracting(Comment::getFullMessage)
			.asString()
			.startsWith("已超期：「材料接收与初审」办理期限为")
			.contains("已督办示范市司法局负责人（吴军）、示范市人民政府办公室负责人（赵磊）");
		assertThat(this.historyService.createHistoricVariableInstanceQuery()
			.processInstanceId(instance.getId())
			.variableName(OverdueCase.OVERDUE)
			.list()).extracting(HistoricVariableInstance::getValue).containsExactly(true);
	}

}
