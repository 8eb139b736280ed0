package cn.fazhi.reconsideration;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;

import cn.fazhi.support.HttpIntegrationTest;
import cn.fazhi.support.RestClient.Response;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import static cn.fazhi.support.RestClient.variables;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code reconsideration} end to end through nothing but the standard Camunda REST API:
 * the start form from {@code deployed-start-form}, each task's form from
 * {@code /task/{id}/deployed-form}, each step submitted by the person it is routed to.
 * Runs on H2 and on PostgreSQL.
 */
@DisplayName("行政复议：仅通过 /engine-rest 办理")
class ReconsiderationRestIT extends HttpIntegrationTest {

	static final String DEFINITION = "/engine-rest/process-definition/key/reconsideration";

	static final LocalDate TODAY = LocalDate.now(ZoneId.of("Asia/Shanghai"));

	@Test
	void shouldRunAnOrdinaryCaseToItsDecisionThroughTheDeployedForms() {
		// the reconsideration office registers a written application
		Response form = as("luoping").get(DEFINITION + "/deployed-start-form");
		assertThat(form.status()).isEqualTo(200);
		assertThat(form.json().path("id").asText()).isEqualTo("reconsiderationApplicationForm");
		Response started = as("luoping").post(DEFINITION + "/submit-form", Map.of("variables", application()));
		assertThat(started.status()).as(started.toString()).isEqualTo(200);
		String instanceId = started.json().path("id").asText();
		assertThat(started.json().path("businessKey").asText()).matches("示府复〔\\d{4}〕\\d+号");

		submitForm("luoping",
				formTask(instanceId, "luoping", "userTask_acceptanceReview", "reconsiderationAcceptanceForm"),
				variables("acceptanceDecision", "ACCEPTED", "acceptanceNote", "符合受理条件"));
		submitForm("tangjie",
				formTask(instanceId, "tangjie", "userTask_chooseProcedure", "reconsiderationProcedureForm"),
				variables("procedure", "ORDINARY", "handler", "luoping", "coHandler", "tangjie", "majorCase", false));
		submitForm("luoping", formTask(instanceId, "luoping", "userTask_sendCopy", "reconsiderationCopyForm"),
				variables("copySentOn", TODAY.toString(), "copyMethod", "DIRECT"));
		// the respondent's own staff answer; other departments see nothing
		assertThat(as("wangfang").get("/engine-rest/task?processInstanceId=" + instanceId).json().size()).isZero();
		submitForm("zhangwei", formTask(instanceId, "zhangwei", "userTask_respondentReply", "reconsiderationReplyForm"),
				variables("replyText", "事实清楚", "replyEvidence", "检查笔录", "replyLegalBasis", "《土地管理法》"));
		String handling = formTask(instanceId, "luoping", "userTask_handleCase", "reconsiderationHandlingForm");
		submitForm("luoping", handling, variables("handlingAction", "HEAR_OPINIONS"));
		submitForm("luoping", formTask(instanceId, "luoping", "userTask_hearOpinions", "reconsiderationOpinionsForm"),
				variables("opinionsHeardOn", TODAY.toString(), "opinionMethod", "PHONE", "opinionsRecord", "双方意见……",
						"mediationWillingness", false));
		submitForm("luoping", formTask(instanceId, "luoping", "userTask_handleCase", "reconsiderationHandlingForm"),
				variables("handlingAction", "PROPOSE_DECISION", "decisionType", "UPHOLD", "decisionReasons", "经审理……"));
		submitForm("zhaolei",
				formTask(instanceId, "zhaolei", "userTask_approveDecision", "reconsiderationDecisionApprovalForm"),
				variables("approvalMode", "HEAD", "decisionApproval", "APPROVE", "approvalNote", "同意"));
		submitForm("luoping", formTask(instanceId, "luoping", "userTask_serveDecision", "reconsiderationServiceForm"),
				variables("decisionNumber", "示府复决〔2026〕1号", "serviceMethod", "DIRECT", "servedOn", TODAY.toString(),
						"publishedOnline", true, "copiedUpward", false, "opinionLetterIssued", false));
		submitForm("luoping",
				formTask(instanceId, "luoping", "userTask_supervisePerformance", "reconsiderationPerformanceForm"),
				variables("performanceStatus", "NOT_REQUIRED", "performanceNote", "维持", "lawsuitFiled", false));

		// the auditor sees the steps in order and the statistics fields
		Response activities = as("hanxue").get("/engine-rest/history/activity-instance?processInstanceId=" + instanceId
				+ "&activityType=userTask&sortBy=startTime&sortOrder=asc");
		assertThat(activities.json().findValuesAsText("activityId")).containsSubsequence("userTask_acceptanceReview",
				"userTask_chooseProcedure", "userTask_sendCopy", "userTask_respondentReply", "userTask_handleCase",
				"userTask_hearOpinions", "userTask_approveDecision", "userTask_serveDecision",
				"userTask_supervisePerformance");
		assertThat(
				as("hanxue").get("/engine-rest/history/process-instance/" + instanceId).json().path("state").asText())
			.isEqualTo("COMPLETED");
		Response outcome = as("hanxue").get(
				"/engine-rest/history/variable-instance?processInstanceId=" + instanceId + "&variableName=caseOutcome");
		assertThat(outcome.json().get(0).path("value").asText()).isEqualTo("DECIDED");

		// and replays it completely, checked against the law; another department is
		// refused
		String caseNumber = started.json().path("businessKey").asText();
		Response replay = as("hanxue").get("/api/audit/cases/" + caseNumber);
		assertThat(replay.status()).as(replay.toString()).isEqualTo(200);
		assertThat(replay.json().findValuesAsText("activityId")).contains("userTask_acceptanceReview",
				"userTask_respondentReply", "userTask_approveDecision", "userTask_supervisePerformance");
		Response compliance = as("hanxue").get("/api/audit/cases/" + caseNumber + "/compliance");
		assertThat(compliance.status()).as(compliance.toString()).isEqualTo(200);
		assertThat(rule(compliance, "RC-30")).isEqualTo("PASS");
		assertThat(rule(compliance, "RC-49")).isEqualTo("PASS");
		assertThat(rule(compliance, "RC-62")).isEqualTo("PASS");
		assertThat(rule(compliance, "RC-70")).isEqualTo("NOT_APPLICABLE");
		assertThat(as("wangfang").get("/api/audit/cases/" + caseNumber).status()).isEqualTo(403);
	}

	private static String rule(Response report, String id) {
		for (com.fasterxml.jackson.databind.JsonNode rule : report.json().path("rules")) {
			if (id.equals(rule.path("id").asText())) {
				return rule.path("result").asText();
			}
		}
		throw new AssertionError("no rule " + id + " in " + report);
	}

	@Test
	void shouldRefuseBadApplicationsWithChineseMessagesAndKeepNothing() {
		long before = count();
		Map<String, Object> missing = application();
		missing.remove("applicantName");
		Response response = as("luoping").post(DEFINITION + "/submit-form", Map.of("variables", missing));
		assertThat(response.status()).isEqualTo(400);
		assertThat(response.json().path("message").asText()).contains("为必填项");

		Map<String, Object> future = application();
		future.put("knowledgeDate", Map.of("value", TODAY.plusDays(3).toString()));
		response = as("luoping").post(DEFINITION + "/submit-form", Map.of("variables", future));
		assertThat(response.status()).isEqualTo(400);
		assertThat(response.json().path("message").asText()).contains("晚于今天");

		Map<String, Object> unknown = application();
		unknown.put("respondent", Map.of("value", "dept-nowhere"));
		response = as("luoping").post(DEFINITION + "/submit-form", Map.of("variables", unknown));
		assertThat(response.status()).isEqualTo(400);
		assertThat(response.json().path("message").asText()).contains("不在可选范围内");

		// a department may not register applications against itself or anyone
		response = as("zhangwei").post(DEFINITION + "/submit-form", Map.of("variables", application()));
		assertThat(response.status()).isEqualTo(403);
		assertThat(count()).isEqualTo(before);
	}

	private static Map<String, Object> application() {
		String known = TODAY.minusDays(10).toString();
		return variables("applicationChannel", "WRITTEN", "applicantType", "PERSON", "applicantName", "陈某",
				"applicantIdNumber", "330100198001011234", "applicantPhone", "13800000000", "respondent", "dept-nrp",
				"contestedAct", "示自然资罚〔2026〕3号", "actDate", known, "knowledgeDate", known, "informedOfRights", true,
				"realProperty", false, "requests", "撤销处罚决定", "reasons", "事实不清", "incidentalReviewRequested", false,
				"compensationClaimed", false);
	}

	private long count() {
		return as("demo").get("/engine-rest/history/process-instance/count?processDefinitionKey=reconsideration")
			.json()
			.path("count")
			.asLong();
	}

}
