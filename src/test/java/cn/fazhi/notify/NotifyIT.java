package cn.fazhi.notify;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import com.fasterxml.jackson.databind.JsonNode;

import cn.fazhi.legalreview.LegalityReviewProcess;
import cn.fazhi.support.HttpIntegrationTest;
import cn.fazhi.support.RestClient.Response;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static cn.fazhi.notify.NotifyFixture.at;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Reminders, urging, the outbox and the deadline filters over HTTP, on H2 and on
 * PostgreSQL, where a failed statement would abort the transaction around it. The engine
 * clock is pinned to the 2025 National Day holiday, long before the due dates of the
 * other integration tests' tasks, so that the scans here see only these cases.
 */
@DisplayName("提醒、督办、催办、邮件队列（H2 与 PostgreSQL）")
class NotifyIT extends HttpIntegrationTest {

	@Autowired
	DeadlineReminders reminders;

	@Autowired
	DailyDigest digest;

	@Autowired
	MailOutbox mailOutbox;

	@Autowired
	OutboxStore outbox;

	@Autowired
	LegalityReviewProcess review;

	@Autowired
	RuntimeService runtimeService;

	@Autowired
	TaskService taskService;

	@Autowired
	IdentityService identityService;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	PlatformTransactionManager transactionManager;

	/** The other integration tests share this database: leave no open cases behind. */
	@AfterEach
	void cleanUp() {
		ClockUtil.reset();
		this.runtimeService.createProcessInstanceQuery()
			.processInstanceBusinessKeyLike("IT-LR-2025-%")
			.list()
			.forEach((instance) -> this.runtimeService.deleteProcessInstance(instance.getId(), "test clean-up", true));
	}

	@Test
	@DisplayName("跨国庆假期的提醒与督办；两个节点同时扫描只提醒一次")
	void shouldRemindAndEscalateOnceAcrossTheHoliday() throws Exception {
		// given: an intake due Friday 10 October 2025
		at("2025-09-29T10:00:00");
		Task intake = fixture().task(fixture().submitReview("IT-LR-2025-01", "示范市城市供水管理办法"));

		// when: the last working day before the holiday, then (two nodes at once) the
		// make-up Saturday after the due date
		at("2025-09-30T09:00:00");
		assertThat(this.reminders.scan()).isEqualTo(1);
		at("2025-10-11T09:00:00");
		CompletableFuture<Integer> first = CompletableFuture.supplyAsync(this.reminders::scan);
		CompletableFuture<Integer> second = CompletableFuture.supplyAsync(this.reminders::scan);

		// then
		assertThat(first.get() + second.get()).isEqualTo(1);
		assertThat(this.jdbc.queryForList("select stage from fz_task_reminder where task_id = ? order by stage",
				String.class, intake.getId()))
			.containsExactly("BEFORE", "OVERDUE");
		assertThat(this.outbox.find("reminder:" + intake.getId() + ":OVERDUE").recipients())
			.contains("wujun@demo-city.fazhi.example", "zhaolei@demo-city.fazhi.example");
		assertThat(this.runtimeService.getVariable(intake.getProcessInstanceId(), OverdueCase.OVERDUE)).isEqualTo(true);
		Response comments = as("hanxue").get("/engine-rest/task/" + intake.getId() + "/comment");
		assertThat(comments.json().findValuesAsText("message")).singleElement()
			.asString()
			.startsWith("已超期：「材料接收与初审」办理期限为2025年10月10日");
	}

	@Test
	@DisplayName("催办：负责人可催办，4小时内再次催办 429，工作人员 403")
	void shouldUrgeOverHttp() {
		// given
		at("2025-09-29T10:00:00");
		Task intake = fixture().task(fixture().submitReview("IT-LR-2025-02", "示范市停车场管理办法"));
		String path = "/api/tasks/" + intake.getId() + "/urge";

		// when / then
		assertThat(as("wujun").post(path, Map.of("message", "请今日内完成初审。")).status()).isEqualTo(201);
		Response again = as("zhaolei").post(path, Map.of("message", "请加快办理。"));
		assertThat(again.status()).isEqualTo(429);
		assertThat(again.headers().getFirst("Retry-After")).isEqualTo(String.valueOf(4 * 3600));
		assertThat(again.json().path("message").asText()).contains("每4小时只能催办一次");
		assertThat(as("zhouqiang").post(path, Map.of("message", "请加快办理。")).status()).isEqualTo(403);
		Response urges = as("sunli").get("/api/tasks/" + intake.getId() + "/urges");
		assertThat(urges.json().findValuesAsText("urgedByName")).containsExactly("吴军");
		Response comments = as("sunli").get("/engine-rest/task/" + intake.getId() + "/comment");
		assertThat(comments.json().findValuesAsText("userId")).containsExactly("wujun");
	}

	@Test
	@DisplayName("同一事务中重复入队不破坏事务；管理员可查看队列，其他人 403")
	void shouldKeepTheCallersTransactionIntactOnADuplicateKey() {
		// when: in one transaction, a duplicate key and then another mail
		List<Boolean> queued = new TransactionTemplate(this.transactionManager).execute((status) -> List.of(
				this.mailOutbox.enqueue("it:twice", List.of("sunli@demo-city.fazhi.example"), "【测试】一", "正文"),
				this.mailOutbox.enqueue("it:twice", List.of("sunli@demo-city.fazhi.example"), "【测试】一", "正文"),
				this.mailOutbox.enqueue("it:after", List.of("sunli@demo-city.fazhi.example"), "【测试】二", "正文")));

		// then: the transaction committed both mails
		assertThat(queued).containsExactly(true, false, true);
		assertThat(this.outbox.find("it:twice")).isNotNull();
		assertThat(this.outbox.find("it:after")).isNotNull();
		Response list = as("demo").get("/api/admin/mail-outbox?status=PENDING&limit=1000");
		assertThat(list.status()).isEqualTo(200);
		assertThat(as("sunli").get("/api/admin/mail-outbox?status=FAILED").status()).isEqualTo(403);
	}

	@Test
	@DisplayName("任务列表过滤器（REST）：本单位即将到期、已超期；每日待办每人一封")
	void shouldServeTheDeadlineFiltersAndTheDigest() {
		// given: intakes due 25 Sep (overdue on 30 Sep) and 10 Oct (due soon)
		at("2025-09-22T10:00:00");
		Task overdue = fixture().task(fixture().submitReview("IT-LR-2025-03", "示范市公共厕所管理办法"));
		at("2025-09-29T10:00:00");
		Task dueSoon = fixture().task(fixture().submitReview("IT-LR-2025-04", "示范市户外广告管理办法"));
		at("2025-09-30T10:00:00");

		// when / then: as 孙丽 through the standard Camunda REST API
		assertThat(filterTasks("sunli", "已超期（示范市司法局）")).contains(overdue.getId()).doesNotContain(dueSoon.getId());
		assertThat(filterTasks("sunli", "即将到期（示范市司法局）")).contains(dueSoon.getId()).doesNotContain(overdue.getId());
		assertThat(as("zhangwei").get("/engine-rest/filter?name=" + "已超期（示范市司法局）").json()).isEmpty();
		// and the digest of that day: the overdue intake; the other is due after Sunday
		at("2025-09-30T08:00:00");
		assertThat(this.digest.send()).isPositive();
		assertThat(this.digest.send()).isZero();
		assertThat(this.outbox.find("digest:sunli:2025-09-30").body()).contains("IT-LR-2025-03")
			.doesNotContain("IT-LR-2025-04");
	}

	private List<String> filterTasks(String user, String name) {
		JsonNode filters = as(user).get("/engine-rest/filter?name=" + name).json();
		assertThat(filters).as("filter %s for %s", name, user).hasSize(1);
		Response tasks = as(user).post("/engine-rest/filter/" + filters.get(0).path("id").asText() + "/list", Map.of());
		assertThat(tasks.status()).as(tasks.toString()).isEqualTo(200);
		return tasks.json().findValuesAsText("id");
	}

	private NotifyFixture fixture() {
		return new NotifyFixture(this.review, this.runtimeService, this.taskService, this.identityService, this.jdbc);
	}

}
