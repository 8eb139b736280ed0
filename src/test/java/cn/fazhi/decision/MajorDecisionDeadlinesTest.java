package cn.fazhi.decision;

import java.time.OffsetDateTime;
import java.util.Date;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import cn.fazhi.legalreview.LegalityReviewProcess;
import cn.fazhi.support.ActingUser;
import cn.fazhi.support.FazhiSpringTest;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

import static cn.fazhi.decision.MajorDecisionModel.Elements.PUBLISH_DECISION;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The legal clocks of a major decision across the 2026 Spring Festival, read through the
 * contract {@code GET /api/cases/{businessKey}/deadlines} as the people concerned.
 */
@FazhiSpringTest
@DisplayName("法定期限：重大行政决策跨春节")
class MajorDecisionDeadlinesTest {

	static final ObjectMapper JSON = new ObjectMapper();

	@Autowired
	MockMvc mvc;

	@Autowired
	MajorDecisionProcess process;

	@Autowired
	LegalityReviewProcess review;

	@Autowired
	RuntimeService runtimeService;

	@Autowired
	TaskService taskService;

	@Autowired
	ManagementService managementService;

	@Autowired
	IdentityService identityService;

	@AfterEach
	void resetClock() {
		ClockUtil.reset();
	}

	@Test
	@DisplayName("征求意见期满遇春节顺延；审查期限止于调休上班的周六；公布期限跳过春节；逾期公布记为超期")
	void shouldComputeEveryPeriodAroundTheSpringFestival() throws Exception {
		// given: Monday 26 January 2026
		at("2026-01-26T09:00:00+08:00");
		MajorDecisionDriver driver = new MajorDecisionDriver(this.process, this.review, this.runtimeService,
				this.taskService, this.managementService, new ActingUser(this.identityService));
		ProcessInstance instance = driver.start(MajorDecisionDriver.adHocStart("示范市春节期间烟花爆竹燃放管理规定"));
		String caseNumber = instance.getBusinessKey();
		driver.initiate(instance);
		driver.draft(instance);

		// when: the draft was published on Saturday 17 January for 30 days: the last day,
		// Monday 16 February, is in the Spring Festival holiday (15–23 February)
		driver.publishForComment(instance, "2026-01-17");
		// then: the window ends on Tuesday 24 February
		assertThat(clock(caseNumber, "MD_COMMENT_PERIOD").path("due").asText()).isEqualTo("2026-02-24");

		// when: the window closes and the draft goes to the legality review on 26 January
		driver.closeCommentPeriod(instance);
		driver.summarizeComments(instance);
		// then: 15 working days end on Saturday 14 February, a make-up workday
		JsonNode limit = clock(caseNumber, "LR_LIMIT");
		assertThat(limit.path("due").asText()).isEqualTo("2026-02-14");
		assertThat(limit.path("businessKey").asText()).isEqualTo(caseNumber + "-LR1");
		assertThat(clock(caseNumber, "MD_COMMENT_PERIOD").path("status").asText()).isEqualTo("MET");
		// and: the review period may not be paused under national rules
		this.mvc
			.perform(post("/api/cases/" + caseNumber + "/deadlines/" + limit.path("id").asLong() + "/pause")
				.with(httpBasic("wujun", "demo"))
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"reason\":\"鉴定\"}"))
			.andExpect(status().isConflict())
			.andExpect(jsonPath("$.message").value(org.hamcrest.Matchers.containsString("不能中止计算")));

		// when: the review ends and the executive meeting approves on Thursday 12
		// February
		driver.legalityReview(instance, "LAWFUL");
		assertThat(clock(caseNumber, "LR_LIMIT").path("status").asText()).isEqualTo("MET");
		driver.complete(instance, MajorDecisionModel.Elements.SUBMIT_FOR_MEETING, MajorDecisionDriver.LEAD,
				Map.of("submissionNote", "提请审议"));
		driver.schedule(instance, "2026-02-12");
		driver.meeting(instance, "APPROVED", "APPROVED", null);

		// then: 20 working days skip the holiday and count both make-up Saturdays
		assertThat(clock(caseNumber, "MD_PUBLICATION").path("due").asText()).isEqualTo("2026-03-18");
		assertThat(driver.task(instance, PUBLISH_DECISION).getDueDate())
			.isEqualTo(Date.from(OffsetDateTime.parse("2026-03-18T23:59:59+08:00").toInstant()));

		// when: nobody publishes by then
		at("2026-03-19T09:00:00+08:00");
		assertThat(clock(caseNumber, "MD_PUBLICATION").path("status").asText()).isEqualTo("OVERDUE");
		driver.publish(instance);
		// then: closed, and recorded as late
		JsonNode publication = clock(caseNumber, "MD_PUBLICATION");
		assertThat(publication.path("status").asText()).isEqualTo("OVERDUE");
		assertThat(publication.path("events").findValuesAsText("type")).containsExactly("START", "OVERDUE");

		// and: other departments do not see the case; the auditor does
		this.mvc.perform(get("/api/cases/" + caseNumber + "/deadlines").with(httpBasic("wangfang", "demo")))
			.andExpect(status().isNotFound());
		this.mvc.perform(get("/api/cases/" + caseNumber + "/deadlines").with(httpBasic("hanxue", "demo")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$[0].code").exists())
			.andExpect(jsonPath("$[0].unit").exists())
			.andExpect(jsonPath("$[0].pausedDays").exists())
			.andExpect(jsonPath("$[0].extensions").exists())
			.andExpect(jsonPath("$[0].provisional").exists());
	}

	private JsonNode clock(String caseNumber, String code) throws Exception {
		String body = this.mvc
			.perform(get("/api/cases/" + caseNumber + "/deadlines").with(httpBasic("zhangwei", "demo")))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		JsonNode found = null;
		for (JsonNode clock : JSON.readTree(body)) {
			if (code.equals(clock.path("code").asText())) {
				found = clock;
			}
		}
		assertThat(found).as("clock %s in %s", code, body).isNotNull();
		return found;
	}

	private static void at(String instant) {
		ClockUtil.setCurrentTime(Date.from(OffsetDateTime.parse(instant).toInstant()));
	}

}
