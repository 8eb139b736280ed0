package cn.fazhi.legalreview;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

import cn.fazhi.support.HttpIntegrationTest;
import cn.fazhi.support.RestClient;
import cn.fazhi.support.RestClient.Response;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import static cn.fazhi.support.RestClient.variables;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code legality-review} end to end through nothing but the standard Camunda REST API,
 * as a client that knows only /engine-rest would run it: the start form from
 * {@code deployed-start-form}, each task's form from {@code /task/{id}/deployed-form},
 * each step submitted by the person the task is routed to.
 */
@DisplayName("合法性审查：仅通过 /engine-rest 办理")
class LegalityReviewRestIT extends HttpIntegrationTest {

	static final String DEFINITION = "/engine-rest/process-definition/key/legality-review";

	@Test
	void shouldRunAReviewEndToEndThroughItsDeployedForms() throws Exception {
		// the department fetches the start form and submits it
		RestClient zhangwei = as("zhangwei");
		Response form = zhangwei.get(DEFINITION + "/deployed-start-form");
		assertThat(form.status()).isEqualTo(200);
		assertThat(form.json().path("id").asText()).isEqualTo("legalityReviewStartForm");
		// as Tasklist does, without a business key: the review numbers itself
		Response started = zhangwei.post(DEFINITION + "/submit-form", Map.of("variables", startVariables()));
		assertThat(started.status()).as(started.toString()).isEqualTo(200);
		String instanceId = started.json().path("id").asText();
		String caseNumber = started.json().path("businessKey").asText();
		assertThat(caseNumber).matches("LR-\\d{4}-\\d{4}");

		// intake by the justice bureau
		String intake = taskOf(instanceId, "sunli", "legalityReviewIntakeForm");
		submitForm("sunli", intake, variables("materialsComplete", "COMPLETE", "intakeNote", "材料齐全"));

		// the head assigns the reviewer offered in reviewerOptions
		String assign = taskOf(instanceId, "wujun", "legalityReviewAssignForm");
		JsonNode formVariables = as("wujun").get("/engine-rest/task/" + assign + "/form-variables").json();
		assertThat(formVariables.path("reviewerOptions").path("value").toString()).contains("zhouqiang")
			.doesNotContain("wujun");
		submitForm("wujun", assign, variables("reviewer", "zhouqiang"));

		// the reviewer consults the legal adviser, as Tasklist submits a checklist (type
		// Json)
		String review = taskOf(instanceId, "zhouqiang", "legalityReviewOpinionForm");
		submitForm("zhouqiang", review, Map.of("reviewAction", Map.of("value", "CONSULT"), "consultees",
				RestClient.json(List.of("hegang")), "consultationQuestion", Map.of("value", "征收范围的确定是否合法？")));
		String opinion = taskOf(instanceId, "hegang", "legalityReviewAdviserOpinionForm");
		submitForm("hegang", opinion, variables("adviserOpinion", "征收范围确定程序合法。"));

		// conclusion and sign-off
		review = taskOf(instanceId, "zhouqiang", "legalityReviewOpinionForm");
		submitForm("zhouqiang", review, variables("reviewAction", "CONCLUDE", "legalityConclusion", "LAWFUL",
				"legalityReasons", "未超越法定职权，已履行法定程序。", "legalBasis", "《国有土地上房屋征收与补偿条例》"));
		String signOff = taskOf(instanceId, "wujun", "legalityReviewSignOffForm");
		submitForm("wujun", signOff, variables("signOffDecision", "APPROVE"));

		// history, read by an auditor: each step in order, by the person who did it
		Response activities = as("hanxue").get("/engine-rest/history/activity-instance?processInstanceId=" + instanceId
				+ "&activityType=userTask&sortBy=startTime&sortOrder=asc");
		assertThat(activities.json().findValuesAsText("activityId")).containsExactly("userTask_intake",
				"userTask_assignReviewer", "userTask_review", "userTask_adviserOpinion", "userTask_review",
				"userTask_signOff");
		Response tasks = as("hanxue")
			.get("/engine-rest/history/task?processInstanceId=" + instanceId + "&sortBy=startTime&sortOrder=asc");
		assertThat(tasks.json().findValuesAsText("assignee")).containsExactly("sunli", "wujun", "zhouqiang", "hegang",
				"zhouqiang", "wujun");
		Response instance = as("hanxue").get("/engine-rest/history/process-instance/" + instanceId);
		assertThat(instance.json().path("state").asText()).isEqualTo("COMPLETED");
		Response conclusion = as("hanxue").get("/engine-rest/history/variable-instance?processInstanceId=" + instanceId
				+ "&variableName=legalityConclusion");
		assertThat(conclusion.json().get(0).path("value").asText()).isEqualTo("LAWFUL");
		// and the auditor's replay finds it by its case number, every step with its actor
		Response replay = as("hanxue").get("/api/audit/cases/" + caseNumber);
		assertThat(replay.status()).as(replay.toString()).isEqualTo(200);
		assertThat(replay.json().path("businessKey").asText()).isEqualTo(caseNumber);
		assertThat(replay.json().findValuesAsText("activityId")).contains("userTask_intake", "userTask_signOff");
		assertThat(as("wangfang").get("/api/audit/cases/" + caseNumber).status()).isEqualTo(403);
	}

	@Test
	void shouldRefuseAnIncompleteStartFormWithAChineseMessageAndKeepNothing() {
		// given
		Map<String, Object> bad = startVariables();
		bad.remove("matterTitle");
		bad.put("contactPhone", Map.of("value", "打电话给我"));
		long before = countInstances();
		// when
		Response response = as("zhangwei").post(DEFINITION + "/submit-form", Map.of("variables", bad));
		// then
		assertThat(response.status()).isEqualTo(400);
		assertThat(response.json().path("message").asText()).contains("「事项名称」为必填项").contains("「联系电话」格式不正确");
		assertThat(countInstances()).isEqualTo(before);
	}

	@Test
	void shouldRefuseVariablesOutsideTheFormOnPlainStartToo() {
		// given: the submitter tries to route the review to a friendlier office
		Map<String, Object> sneaky = startVariables();
		sneaky.put("submittingOffice", Map.of("value", "justice-bureau"));
		// when
		Response viaForm = as("zhangwei").post(DEFINITION + "/submit-form", Map.of("variables", sneaky));
		Response viaStart = as("zhangwei").post(DEFINITION + "/start", Map.of("variables", sneaky));
		// then: 400 on both Camunda endpoints
		assertThat(viaForm.status()).isEqualTo(400);
		assertThat(viaStart.status()).as(viaStart.toString()).isEqualTo(400);
		assertThat(viaStart.json().path("message").asText()).contains("表单中没有字段“submittingOffice”");
	}

	@Test
	void shouldRefuseToStartInTheMiddleOfTheProcedure() {
		// when: a client tries to jump straight to the sign-off
		Response response = as("zhangwei").post(DEFINITION + "/start", Map.of("variables", startVariables(),
				"startInstructions", List.of(Map.of("type", "startBeforeActivity", "activityId", "userTask_signOff"))));
		// then
		assertThat(response.status()).isEqualTo(400);
		assertThat(response.json().path("message").asText()).contains("法定程序必须从第一步开始");
	}

	@Test
	void shouldRefuseABadTaskSubmissionAndLeaveTheTaskAsItWas() {
		// given
		Response started = as("wangfang").post(DEFINITION + "/submit-form", Map.of("variables", startVariables()));
		String instanceId = started.json().path("id").asText();
		String intake = taskOf(instanceId, "sunli", "legalityReviewIntakeForm");
		// when: incomplete materials without saying what is missing
		Response response = as("sunli").post("/engine-rest/task/" + intake + "/submit-form",
				Map.of("variables", variables("materialsComplete", "INCOMPLETE")));
		// then
		assertThat(response.status()).isEqualTo(400);
		assertThat(response.json().path("message").asText()).contains("「需补充的材料（逐项列明）」为必填项");
		assertThat(as("sunli").get("/engine-rest/task/" + intake).status()).isEqualTo(200);
		Response variable = as("sunli")
			.get("/engine-rest/process-instance/" + instanceId + "/variables/materialsComplete");
		assertThat(variable.status()).isEqualTo(404);
	}

	private String taskOf(String instanceId, String user, String expectedForm) {
		Response tasks = as(user).get("/engine-rest/task?processInstanceId=" + instanceId);
		assertThat(tasks.status()).isEqualTo(200);
		assertThat(tasks.json().size()).as("%s sees one task of %s: %s", user, instanceId, tasks).isEqualTo(1);
		String taskId = tasks.json().get(0).path("id").asText();
		Response form = as(user).get("/engine-rest/task/" + taskId + "/deployed-form");
		assertThat(form.status()).as(form.toString()).isEqualTo(200);
		assertThat(form.json().path("id").asText()).isEqualTo(expectedForm);
		return taskId;
	}

	private long countInstances() {
		return as("demo").get("/engine-rest/history/process-instance/count?processDefinitionKey=legality-review")
			.json()
			.path("count")
			.asLong();
	}

	static Map<String, Object> startVariables() {
		return variables("matterTitle", "示范市国有土地上房屋征收补偿办法", "matterType", "MAJOR_DECISION", "draftSummary",
				"第一条 为了规范国有土地上房屋征收与补偿活动……", "legalBasisCited", "《国有土地上房屋征收与补偿条例》", "proceduresPerformed", "已公开征求意见30日。",
				"contactPerson", "张伟", "contactPhone", "0571-88886666");
	}

}
