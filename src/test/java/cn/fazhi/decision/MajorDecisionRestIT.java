package cn.fazhi.decision;

import java.time.LocalDate;
import java.time.ZoneId;
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
 * {@code major-decision} end to end through nothing but HTTP, as outside tools use it:
 * the secretariat adds the matter to the catalogue over Fazhi's API, then every step runs
 * over the standard Camunda REST API — the start form from {@code deployed-start-form},
 * each task's form from {@code /task/{id}/deployed-form}, each submitted by the person
 * the task is routed to. Runs on H2 and on PostgreSQL.
 */
@DisplayName("重大行政决策：仅通过 HTTP 办理")
class MajorDecisionRestIT extends HttpIntegrationTest {

	static final String DEFINITION = "/engine-rest/process-definition/key/major-decision";

	static final LocalDate TODAY = LocalDate.now(ZoneId.of("Asia/Shanghai"));

	@Test
	void shouldCarryADecisionFromTheCatalogueToTheArchiveThroughItsDeployedForms() throws Exception {
		// the secretariat puts the matter in the catalogue; the public can read it
		long entry = catalogEntry("示范市公共停车设施管理办法（" + System.nanoTime() + "）", true, true, true);

		// 张伟 of the lead office fetches the start form and proposes the decision
		RestClient zhangwei = as("zhangwei");
		Response form = zhangwei.get(DEFINITION + "/deployed-start-form");
		assertThat(form.status()).isEqualTo(200);
		assertThat(form.json().path("id").asText()).isEqualTo("majorDecisionStartForm");
		Response started = zhangwei.post(DEFINITION + "/submit-form", Map.of("variables", startVariables(entry)));
		assertThat(started.status()).as(started.toString()).isEqualTo(200);
		String instanceId = started.json().path("id").asText();
		String caseNumber = started.json().path("businessKey").asText();
		assertThat(caseNumber).matches("MD-\\d{4}-\\d{4}");
		assertThat(publicStatus(entry)).isEqualTo("办理中");

		// the decision organ starts the procedure; the lead office drafts
		String initiation = formTask(instanceId, "zhaolei", "userTask_decideInitiation", "majorDecisionInitiationForm");
		JsonNode options = as("zhaolei").get("/engine-rest/task/" + initiation + "/form-variables").json();
		assertThat(options.path("leadOfficeOptions").path("value").toString()).contains("dept-nrp")
			.doesNotContain("expert-pool");
		submitForm("zhaolei", initiation,
				variables("initiationDecision", "START", "leadOffice", "dept-nrp", "initiationComment", "同意启动"));
		submitForm("zhangwei", formTask(instanceId, "zhangwei", "userTask_draft", "majorDecisionDraftForm"),
				variables("draftText", "第一条 ……", "draftExplanation", "起草说明……", "investigationRecord", "调研……",
						"legalBasisCited", "《中华人民共和国道路交通安全法》"));

		// public comment, expert review and risk assessment side by side
		submitForm("zhangwei",
				formTask(instanceId, "zhangwei", "userTask_publishForComment", "majorDecisionCommentNoticeForm"),
				Map.of("commentChannels", RestClient.json(List.of("WEBSITE")), "commentPublishedOn",
						Map.of("value", TODAY.toString()), "commentPeriodDays", Map.of("value", 30), "commentMethods",
						Map.of("value", "电子邮件")));
		String selection = formTask(instanceId, "zhangwei", "userTask_selectExperts",
				"majorDecisionExpertSelectionForm");
		assertThat(as("zhangwei").get("/engine-rest/task/" + selection + "/form-variables").json().toString())
			.contains("gaoyan")
			.contains("城乡规划");
		submitForm("zhangwei", selection, Map.of("experts", RestClient.json(List.of("gaoyan")), "argumentationForm",
				Map.of("value", "WRITTEN"), "expertQuestion", Map.of("value", "必要性和可行性")));
		submitForm("gaoyan", formTask(instanceId, "gaoyan", "userTask_expertOpinion", "majorDecisionExpertOpinionForm"),
				variables("expertOpinion", "方案可行。", "expertSignature", true));
		submitForm("zhangwei",
				formTask(instanceId, "zhangwei", "userTask_riskAssessment", "majorDecisionRiskAssessmentForm"),
				variables("riskLevel", "LOW", "riskPoints", "无重大风险点", "riskMeasures", "加强宣传", "responsePlan", "设咨询窗口"));
		// the comment window closes (its timer job, run by the administrator here)
		executeJob(instanceId, "timer_commentPeriodEnds");
		submitForm("zhangwei",
				formTask(instanceId, "zhangwei", "userTask_summarizeComments", "majorDecisionCommentSummaryForm"),
				variables("commentsReceived", 5, "commentSummary", "意见汇总……", "commentAdoption", "采纳3条……", "draftText",
						"第一条（修改稿）……"));
		submitForm("zhangwei",
				formTask(instanceId, "zhangwei", "userTask_scheduleHearing", "majorDecisionHearingNoticeForm"),
				variables("hearingDate", TODAY.plusDays(20).toString(), "hearingPlace", "市政府第一会议室",
						"hearingNoticePublishedOn", TODAY.plusDays(1).toString(), "participantSelection", "公开报名、随机抽取",
						"participantList", "市民代表5名……", "materialsDeliveredOn", TODAY.plusDays(5).toString()));
		submitForm("zhangwei",
				formTask(instanceId, "zhangwei", "userTask_recordHearing", "majorDecisionHearingRecordForm"),
				variables("hearingHeldOn", TODAY.plusDays(20).toString(), "hearingRecord", "笔录……",
						"hearingRecordSigned", true, "hearingAdoption", "采纳……"));

		// the justice bureau reviews the draft (its own case, numbered after the
		// decision)
		String review = caseNumber + "-LR1";
		submitForm("sunli", reviewTask(review, "sunli"), variables("materialsComplete", "COMPLETE"));
		submitForm("wujun", reviewTask(review, "wujun"), variables("reviewer", "zhouqiang"));
		submitForm("zhouqiang", reviewTask(review, "zhouqiang"), variables("reviewAction", "CONCLUDE",
				"legalityConclusion", "LAWFUL", "legalityReasons", "未超越法定职权，已履行法定程序。", "legalBasis", "第27条"));
		submitForm("wujun", reviewTask(review, "wujun"), variables("signOffDecision", "APPROVE"));

		// the meeting, the report to the Party committee and the publication
		submitForm("zhangwei",
				formTask(instanceId, "zhangwei", "userTask_submitForMeeting", "majorDecisionMeetingSubmissionForm"),
				variables("expertAdoption", "已采纳", "riskReportSummary", "低风险", "submissionNote", "提请常务会议审议"));
		submitForm("chenjing", formTask(instanceId, "chenjing", "userTask_scheduleMeeting", "majorDecisionAgendaForm"),
				variables("meetingType", "EXECUTIVE", "meetingSession", "市政府第20次常务会议", "meetingDate",
						TODAY.plusDays(40).toString()));
		submitForm("chenjing", formTask(instanceId, "chenjing", "userTask_recordMeeting", "majorDecisionMeetingForm"),
				variables("attendees", "市长、副市长……", "participantOpinions", "均同意", "majorityOpinion", "APPROVED",
						"meetingDecision", "APPROVED", "meetingMinutes", "会议同意……"));
		assertThat(publicStatus(entry)).isEqualTo("已决定");
		submitForm("chenjing",
				formTask(instanceId, "chenjing", "userTask_reportToParty", "majorDecisionPartyReportForm"),
				variables("partyReportedOn", TODAY.plusDays(41).toString(), "partyReportOutcome", "AGREED",
						"partyReportNote", "同意"));
		String publication = formTask(instanceId, "chenjing", "userTask_publishDecision",
				"majorDecisionPublicationForm");
		assertThat(as("chenjing").get("/engine-rest/task/" + publication).json().path("due").asText()).isNotBlank();
		submitForm("chenjing", publication,
				Map.of("publicationChannels", RestClient.json(List.of("GAZETTE", "WEBSITE")), "publishedOn",
						Map.of("value", TODAY.plusDays(45).toString()), "documentNumber",
						Map.of("value", "示政发〔2026〕20号")));
		assertThat(publicStatus(entry)).isEqualTo("已公布");

		// execution, then the archive
		submitForm("zhangwei",
				formTask(instanceId, "zhangwei", "userTask_executionReport", "majorDecisionExecutionReportForm"),
				variables("reportedPeriod", "第一年", "executionProgress", "全部完成", "executionStatus", "COMPLETED",
						"evaluationTriggered", false));
		submitForm("zhangwei", formTask(instanceId, "zhangwei", "userTask_archive", "majorDecisionArchiveForm"),
				variables("archiveNumber", "WS-0001", "archivedMaterials", "全部材料……", "archiveComplete", true));

		// the auditor replays the history: every statutory step in the order the law
		// allows
		Response activities = as("hanxue").get("/engine-rest/history/activity-instance?processInstanceId=" + instanceId
				+ "&activityType=userTask&sortBy=startTime&sortOrder=asc");
		List<String> steps = activities.json().findValuesAsText("activityId");
		assertThat(steps).containsSubsequence("userTask_decideInitiation", "userTask_draft",
				"userTask_summarizeComments", "userTask_scheduleHearing", "userTask_recordHearing",
				"userTask_submitForMeeting", "userTask_scheduleMeeting", "userTask_recordMeeting",
				"userTask_reportToParty", "userTask_publishDecision", "userTask_executionReport", "userTask_archive");
		assertThat(steps.indexOf("userTask_riskAssessment")).isLessThan(steps.indexOf("userTask_submitForMeeting"));
		Response instance = as("hanxue").get("/engine-rest/history/process-instance/" + instanceId);
		assertThat(instance.json().path("state").asText()).isEqualTo("COMPLETED");
		Response tasks = as("hanxue").get("/engine-rest/history/task?processInstanceId=" + instanceId
				+ "&taskDefinitionKey=userTask_recordMeeting");
		assertThat(tasks.json().get(0).path("assignee").asText()).isEqualTo("chenjing");
	}

	@Test
	void shouldRefuseBadStartsWithClearMessagesAndKeepNothing() throws Exception {
		long entry = catalogEntry("示范市菜市场布局规划（" + System.nanoTime() + "）", false, false, false);
		long before = countInstances();

		// missing required fields
		Map<String, Object> missing = startVariables(entry);
		missing.remove("proposal");
		Response response = as("zhangwei").post(DEFINITION + "/submit-form", Map.of("variables", missing));
		assertThat(response.status()).isEqualTo(400);
		assertThat(response.json().path("message").asText()).contains("「决策建议」为必填项");

		// an unknown catalogue entry
		response = as("zhangwei").post(DEFINITION + "/submit-form", Map.of("variables", startVariables(987_654_321L)));
		assertThat(response.status()).isEqualTo(400);
		assertThat(response.json().path("message").asText()).contains("没有编号为“987654321”的事项");
		assertThat(countInstances()).isEqualTo(before);

		// a second start for an entry that is running: 409, naming the running case
		Response first = as("zhangwei").post(DEFINITION + "/submit-form", Map.of("variables", startVariables(entry)));
		assertThat(first.status()).isEqualTo(200);
		response = as("zhangwei").post(DEFINITION + "/start", Map.of("variables", startVariables(entry)));
		assertThat(response.status()).as(response.toString()).isEqualTo(409);
		assertThat(response.json().path("message").asText()).contains("不能重复启动")
			.contains(first.json().path("businessKey").asText());
		assertThat(countInstances()).isEqualTo(before + 1);

		// a shortened comment period without a reason
		String instanceId = first.json().path("id").asText();
		submitForm("zhaolei",
				formTask(instanceId, "zhaolei", "userTask_decideInitiation", "majorDecisionInitiationForm"),
				variables("initiationDecision", "START", "leadOffice", "dept-nrp", "initiationComment", "同意"));
		submitForm("zhangwei", formTask(instanceId, "zhangwei", "userTask_draft", "majorDecisionDraftForm"), variables(
				"draftText", "……", "draftExplanation", "……", "investigationRecord", "……", "legalBasisCited", "……"));
		String notice = formTask(instanceId, "zhangwei", "userTask_publishForComment",
				"majorDecisionCommentNoticeForm");
		response = as("zhangwei").post("/engine-rest/task/" + notice + "/submit-form",
				Map.of("variables",
						Map.of("commentChannels", RestClient.json(List.of("WEBSITE")), "commentPublishedOn",
								Map.of("value", TODAY.toString()), "commentPeriodDays", Map.of("value", 10),
								"commentMethods", Map.of("value", "电子邮件"))));
		assertThat(response.status()).isEqualTo(400);
		assertThat(response.json().path("message").asText()).contains("「缩短期限的理由」为必填项");
		assertThat(as("zhangwei").get("/engine-rest/task/" + notice).status()).isEqualTo(200);

		// another department sees none of it
		assertThat(as("wangfang").get("/engine-rest/task?processInstanceId=" + instanceId).json().size()).isZero();
	}

	private long catalogEntry(String title, boolean hearing, boolean experts, boolean risk) {
		Response created = as("chenjing").post("/api/decision-catalog",
				Map.of("year", TODAY.getYear(), "title", title, "category", "PUBLIC_POLICY", "leadOffice", "dept-nrp",
						"hearingRequired", hearing, "expertReviewRequired", experts, "riskAssessmentRequired", risk,
						"plannedTiming", "年内"));
		assertThat(created.status()).as(created.toString()).isEqualTo(201);
		return created.json().path("id").asLong();
	}

	private String publicStatus(long entry) {
		Response list = anonymous().get("/api/public/decision-catalog?year=" + TODAY.getYear());
		assertThat(list.status()).isEqualTo(200);
		for (JsonNode item : list.json()) {
			if (item.path("id").asLong() == entry) {
				return item.path("statusName").asText();
			}
		}
		throw new AssertionError("entry " + entry + " not in the public catalogue");
	}

	static Map<String, Object> startVariables(long entry) {
		Map<String, Object> variables = variables("startBasis", "CATALOG", "catalogEntryId", entry, "proposalSource",
				"DEPARTMENT", "proposal", "拟解决的问题……", "affectsEnterprises", false, "partyReportRequired", true,
				"postEvaluationRequired", false, "contactPerson", "张伟", "contactPhone", "0571-88886666");
		return variables;
	}

	private String reviewTask(String businessKey, String user) {
		Response tasks = as(user).get("/engine-rest/task?processInstanceBusinessKey=" + businessKey);
		assertThat(tasks.json().size()).as("%s sees the review task of %s: %s", user, businessKey, tasks).isEqualTo(1);
		return tasks.json().get(0).path("id").asText();
	}

	private void executeJob(String instanceId, String activityId) {
		Response jobs = as("demo")
			.get("/engine-rest/job?processInstanceId=" + instanceId + "&activityId=" + activityId);
		assertThat(jobs.json().size()).as("job of %s: %s", activityId, jobs).isEqualTo(1);
		Response executed = as("demo").post("/engine-rest/job/" + jobs.json().get(0).path("id").asText() + "/execute",
				Map.of());
		assertThat(executed.status()).as(executed.toString()).isEqualTo(204);
	}

	private long countInstances() {
		return as("demo").get("/engine-rest/history/process-instance/count?processDefinitionKey=major-decision")
			.json()
			.path("count")
			.asLong();
	}

}
