package cn.fazhi.notify;

import java.util.Map;

import cn.fazhi.legalreview.LegalityReviewProcess;
import cn.fazhi.support.MailSpringTest;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Comment;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import static cn.fazhi.notify.NotifyFixture.at;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * 催办 over HTTP: who may urge an intake routed to the justice bureau (its head, the head
 * of the government office that supervises it, administrators), who may not, the rate
 * limit, and what is recorded.
 */
@MailSpringTest
@DisplayName("催办")
class TaskUrgesTest {

	@Autowired
	MockMvc mvc;

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

	Task intake;

	@BeforeEach
	void setUp() {
		this.fixture = new NotifyFixture(this.review, this.runtimeService, this.taskService, this.identityService,
				this.jdbc);
		this.fixture.clean();
		at("2025-09-29T10:00:00");
		ProcessInstance instance = this.fixture.submitReview("LR-2025-301", "示范市停车管理办法");
		this.intake = this.fixture.task(instance);
	}

	@AfterEach
	void resetClock() {
		ClockUtil.reset();
	}

	@Test
	@DisplayName("司法局负责人催办本单位的初审任务：记录、写入任务意见、邮件通知承办人员")
	void shouldLetTheHeadOfTheOfficeUrge() throws Exception {
		// when: 吴军 (司法局负责人) urges
		urge("wujun", "请于今日内完成初审。").andExpect(status().isCreated())
			.andExpect(header().string("Location", "/api/tasks/" + this.intake.getId() + "/urges"))
			.andExpect(jsonPath("$.taskId").value(this.intake.getId()))
			.andExpect(jsonPath("$.taskName").value("材料接收与初审"))
			.andExpect(jsonPath("$.businessKey").value("LR-2025-301"))
			.andExpect(jsonPath("$.urgedBy").value("wujun"))
			.andExpect(jsonPath("$.urgedByName").value("吴军"))
			.andExpect(jsonPath("$.urgedAt").value("2025-09-29T10:00:00+08:00"))
			.andExpect(jsonPath("$.message").value("请于今日内完成初审。"));

		// then: a comment in the task's history under his name
		assertThat(this.taskService.getTaskComments(this.intake.getId())).singleElement().satisfies((comment) -> {
			assertThat(comment.getFullMessage()).isEqualTo("催办（吴军）：请于今日内完成初审。");
			assertThat(comment.getUserId()).isEqualTo("wujun");
		});
		// and a mail to the office the task is routed to
		OutboxMail mail = this.outbox
			.find("urge:" + this.intake.getId() + ":" + NotifyFixture.time("2025-09-29T10:00:00").getTime());
		assertThat(mail.subject()).isEqualTo("【催办】材料接收与初审（LR-2025-301）");
		assertThat(mail.body()).contains("吴军于2025年9月29日 10:00对下列事项进行了催办", "催办意见：请于今日内完成初审。", "办理期限：2025年10月10日",
				"/camunda/app/tasklist/default/#/?task=" + this.intake.getId());
		assertThat(mail.recipients()).contains("sunli@demo-city.fazhi.example", "zhouqiang@demo-city.fazhi.example");
		// and everyone who sees the task sees the urge
		this.mvc.perform(get("/api/tasks/{taskId}/urges", this.intake.getId()).with(httpBasic("sunli", "demo")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.length()").value(1))
			.andExpect(jsonPath("$[0].urgedByName").value("吴军"))
			.andExpect(jsonPath("$[0].message").value("请于今日内完成初审。"));
	}

	@Test
	@DisplayName("督办单位（市政府办公室）负责人也可催办；系统管理员可催办")
	void shouldLetTheSupervisingOfficeAndAdministratorsUrge() throws Exception {
		// when / then: 赵磊 heads the government office, which supervises the justice
		// bureau
		urge("zhaolei", "该审查事项列入本周政府常务会议，请加快办理。").andExpect(status().isCreated());
		at("2025-09-29T15:00:00");
		urge("demo", "请加快办理。").andExpect(status().isCreated());
		this.mvc.perform(get("/api/tasks/{taskId}/urges", this.intake.getId()).with(httpBasic("zhaolei", "demo")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$[*].urgedBy").value(org.hamcrest.Matchers.contains("zhaolei", "demo")));
		assertThat(this.taskService.getTaskComments(this.intake.getId())).extracting(Comment::getFullMessage)
			.containsExactlyInAnyOrder("催办（赵磊）：该审查事项列入本周政府常务会议，请加快办理。", "催办（系统管理员（演示））：请加快办理。");
	}

	@Test
	@DisplayName("承办单位工作人员、审计人员、报送单位负责人不能催办（403）；看不到任务的人得到 404")
	void shouldRefuseOthers() throws Exception {
		// 周强 works in the justice bureau but is not its head
		urge("zhouqiang", "请尽快办理").andExpect(status().isForbidden())
			.andExpect(jsonPath("$.message").value("只有任务承办单位及其督办单位的负责人可以催办该任务"));
		// 韩雪 (auditor) reads every task but changes nothing
		urge("hanxue", "请尽快办理").andExpect(status().isForbidden());
		// 李娜 heads the submitting department: she follows her case, but does not
		// supervise the justice bureau
		urge("lina", "请尽快办理").andExpect(status().isForbidden());
		// 王芳 of the education bureau does not see the task at all
		urge("wangfang", "请尽快办理").andExpect(status().isNotFound())
			.andExpect(jsonPath("$.message").value("任务“" + this.intake.getId() + "”不存在或已办结，或您无权查看该任务"));
		this.mvc.perform(get("/api/tasks/{taskId}/urges", this.intake.getId()).with(httpBasic("wangfang", "demo")))
			.andExpect(status().isNotFound());
		urge("wujun", "请尽快办理", "no-such-task").andExpect(status().isNotFound());
		// nothing was recorded
		assertThat(this.jdbc.queryForObject("select count(*) from fz_task_urge", Integer.class)).isZero();
		assertThat(this.taskService.getTaskComments(this.intake.getId())).isEmpty();
	}

	@Test
	@DisplayName("4小时内再次催办答复 429 并给出 Retry-After；过后可再催办")
	void shouldLimitUrgesPerTask() throws Exception {
		// given
		urge("wujun", "请于今日内完成初审。").andExpect(status().isCreated());
		// when: 赵磊 tries one hour later
		at("2025-09-29T11:00:00");
		urge("zhaolei", "请加快办理。").andExpect(status().isTooManyRequests())
			.andExpect(header().string("Retry-After", String.valueOf(3 * 3600)))
			.andExpect(jsonPath("$.message").value("该任务已于2025年9月29日 10:00催办过，每4小时只能催办一次，请于2025年9月29日 14:00以后再催办"));
		// then: four hours after the first, he may
		at("2025-09-29T14:00:00");
		urge("zhaolei", "请加快办理。").andExpect(status().isCreated());
		assertThat(this.jdbc.queryForList("select urged_by from fz_task_urge order by id", String.class))
			.containsExactly("wujun", "zhaolei");
	}

	@Test
	@DisplayName("催办意见为空或超过500字答复 400")
	void shouldRefuseAnEmptyOrLongMessage() throws Exception {
		urge("wujun", "  ").andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.parameter").value("message"))
			.andExpect(jsonPath("$.message").value("请填写催办意见"));
		urge("wujun", "催".repeat(501)).andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.message").value("催办意见不能超过500个字，当前为501个字"));
		urge("wujun", "催".repeat(500)).andExpect(status().isCreated());
	}

	private ResultActions urge(String user, String message) throws Exception {
		return urge(user, message, this.intake.getId());
	}

	private ResultActions urge(String user, String message, String taskId) throws Exception {
		return this.mvc.perform(post("/api/tasks/{taskId}/urge", taskId).with(httpBasic(user, "demo"))
			.contentType(MediaType.APPLICATION_JSON)
			.content(new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(Map.of("message", message))));
	}

}
