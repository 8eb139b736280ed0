package cn.fazhi.clock;

import java.time.OffsetDateTime;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import cn.fazhi.legalreview.LegalityReviewProcess;
import cn.fazhi.support.ActingUser;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.community.process_test_coverage.core.engine.ExcludeFromProcessCoverage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Legal clocks under a local profile that differs from the national one: in city A the
 * legality review of a major decision has 15 working days, 10 more on extension, and
 * supplement time is not counted (statutes.md §B.2). The engine clock is moved across the
 * 2025 National Day holiday and into 2027, whose holiday notice is not out yet.
 */
@SpringBootTest(properties = "fazhi.jurisdiction=city-a")
@AutoConfigureMockMvc
@ActiveProfiles("test")
@ExcludeFromProcessCoverage
@DisplayName("法定期限：A市（补充材料时间不计入、可延长）")
class LegalClocksCityATest {

	static final ObjectMapper JSON = new ObjectMapper();

	@Autowired
	MockMvc mvc;

	@Autowired
	LegalityReviewProcess review;

	@Autowired
	RuntimeService runtimeService;

	@Autowired
	TaskService taskService;

	@Autowired
	IdentityService identityService;

	@AfterEach
	void resetClock() {
		ClockUtil.reset();
	}

	@Test
	@DisplayName("补充材料期间中止计算，恢复后期限和任务到期日顺延；延长不超过10个工作日")
	void shouldPauseForSupplementsMoveTasksOnResumeAndCapExtensions() throws Exception {
		// given: received Friday 26 September 2025, just before the National Day holiday
		at("2025-09-26T10:00:00+08:00");
		ProcessInstance instance = start("CLK-A-001");
		assertThat(deadline("CLK-A-001", "LR_LIMIT").path("due").asText()).isEqualTo("2025-10-23");

		// when: intake asks for supplements the same day; they come on Monday 29
		// September (Sunday 28 is a make-up workday: 2 working days)
		complete(instance, "sunli", Map.of("materialsComplete", "INCOMPLETE", "missingItems", "风险评估报告"));
		assertThat(deadline("CLK-A-001", "LR_LIMIT").path("status").asText()).isEqualTo("PAUSED");
		at("2025-09-29T16:00:00+08:00");
		complete(instance, "zhangwei", Map.of("supplementDescription", "已补充"));

		// then: the review deadline and the floor moved on by those 2 working days
		JsonNode limit = deadline("CLK-A-001", "LR_LIMIT");
		assertThat(limit.path("due").asText()).isEqualTo("2025-10-27");
		assertThat(limit.path("status").asText()).isEqualTo("RUNNING");
		assertThat(limit.path("pausedDays").asInt()).isEqualTo(2);
		assertThat(limit.path("events").findValuesAsText("type")).containsExactly("START", "PAUSE", "RESUME");
		assertThat(deadline("CLK-A-001", "LR_FLOOR").path("due").asText()).isEqualTo("2025-10-15");
		assertThat(this.runtimeService.getVariable(instance.getId(), "reviewDueDateText")).isEqualTo("2025年10月27日");

		// when: intake and assignment are done; the head extends the complex review by 10
		// working days
		complete(instance, "sunli", Map.of("materialsComplete", "COMPLETE"));
		complete(instance, "wujun", Map.of("reviewer", "zhouqiang"));
		assertThat(task(instance).getDueDate()).isEqualTo(endOfDay("2025-10-27"));
		long id = limit.path("id").asLong();
		this.mvc
			.perform(post("/api/cases/CLK-A-001/deadlines/" + id + "/extend").with(httpBasic("wujun", "demo"))
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"days\":10,\"reason\":\"案情复杂，经负责人批准延长\"}"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.due").value("2025-11-10"))
			.andExpect(jsonPath("$.extensions").value(1))
			.andExpect(jsonPath("$.extensionDays").value(10));

		// then: the open review task follows; one more day would break the legal cap
		assertThat(task(instance).getDueDate()).isEqualTo(endOfDay("2025-11-10"));
		this.mvc
			.perform(post("/api/cases/CLK-A-001/deadlines/" + id + "/extend").with(httpBasic("wujun", "demo"))
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"days\":1,\"reason\":\"再延长\"}"))
			.andExpect(status().isConflict())
			.andExpect(jsonPath("$.message").value(org.hamcrest.Matchers.containsString("最多可延长 10个工作日")));
		// and: staff and auditors may not change a statutory period
		this.mvc
			.perform(post("/api/cases/CLK-A-001/deadlines/" + id + "/pause").with(httpBasic("zhouqiang", "demo"))
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"reason\":\"鉴定\"}"))
			.andExpect(status().isForbidden());
		this.mvc
			.perform(post("/api/cases/CLK-A-001/deadlines/" + id + "/pause").with(httpBasic("hanxue", "demo"))
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"reason\":\"鉴定\"}"))
			.andExpect(status().isForbidden());
	}

	@Test
	@DisplayName("次年节假日安排公布后，按暂定日历计算的未到期期限重新计算并留痕")
	void shouldRecomputeProvisionalDeadlinesWhenTheNoticeIsLoaded() throws Exception {
		// given: received Thursday 24 December 2026; 2027 is computed with the statutory
		// core holidays only
		at("2026-12-24T10:00:00+08:00");
		ProcessInstance instance = start("CLK-A-002");
		JsonNode before = deadline("CLK-A-002", "LR_LIMIT");
		assertThat(before.path("due").asText()).isEqualTo("2027-01-15");
		assertThat(before.path("provisional").asBoolean()).isTrue();
		complete(instance, "sunli", Map.of("materialsComplete", "COMPLETE"));
		assertThat(task(instance).getDueDate()).isEqualTo(endOfDay("2027-01-15"));

		// when: the administrator loads a 2027 notice with one more holiday in the period
		this.mvc
			.perform(put("/api/calendar/years/2027").contentType("text/csv")
				.content("date,kind,name\n2027-01-01,HOLIDAY,元旦\n2027-01-04,HOLIDAY,元旦\n")
				.with(httpBasic("demo", "demo")))
			.andExpect(status().is2xxSuccessful());

		// then: the deadline, the open task and the form text moved, and it is recorded
		JsonNode after = deadline("CLK-A-002", "LR_LIMIT");
		assertThat(after.path("due").asText()).isEqualTo("2027-01-18");
		assertThat(after.path("provisional").asBoolean()).isFalse();
		assertThat(after.path("events").findValuesAsText("type")).contains("RECOMPUTE");
		assertThat(task(instance).getDueDate()).isEqualTo(endOfDay("2027-01-18"));
		assertThat(this.runtimeService.getVariable(instance.getId(), "reviewDueDateText")).isEqualTo("2027年1月18日");
	}

	private ProcessInstance start(String businessKey) {
		Map<String, Object> form = new HashMap<>();
		form.put("matterTitle", "示范市城市更新条例（草案）");
		form.put("matterType", "MAJOR_DECISION");
		form.put("draftSummary", "第一条……");
		form.put("legalBasisCited", "《城乡规划法》");
		form.put("proceduresPerformed", "已征求意见");
		form.put("contactPerson", "张伟");
		form.put("contactPhone", "0571-88886666");
		return new ActingUser(this.identityService).as("zhangwei", () -> this.review.start(businessKey, form));
	}

	private void complete(ProcessInstance instance, String user, Map<String, Object> form) {
		Task task = task(instance);
		new ActingUser(this.identityService).as(user, () -> this.review.submit(task.getId(), form));
	}

	private Task task(ProcessInstance instance) {
		return this.taskService.createTaskQuery().processInstanceId(instance.getId()).singleResult();
	}

	private JsonNode deadline(String businessKey, String code) throws Exception {
		ResultActions response = this.mvc
			.perform(get("/api/cases/" + businessKey + "/deadlines").with(httpBasic("zhangwei", "demo")))
			.andExpect(status().isOk());
		JsonNode all = JSON.readTree(response.andReturn().getResponse().getContentAsString());
		for (JsonNode clock : all) {
			if (code.equals(clock.path("code").asText())
					&& List.of("RUNNING", "PAUSED", "OVERDUE").contains(clock.path("status").asText())) {
				return clock;
			}
		}
		throw new AssertionError("no open clock " + code + " in " + all);
	}

	private static void at(String instant) {
		ClockUtil.setCurrentTime(Date.from(OffsetDateTime.parse(instant).toInstant()));
	}

	private static Date endOfDay(String day) {
		return Date.from(OffsetDateTime.parse(day + "T23:59:59+08:00").toInstant());
	}

}
