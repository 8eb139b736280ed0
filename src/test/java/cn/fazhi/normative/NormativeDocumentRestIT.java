package cn.fazhi.normative;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;

import cn.fazhi.support.HttpIntegrationTest;
import cn.fazhi.support.RestClient;
import cn.fazhi.support.RestClient.Response;

import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static cn.fazhi.support.RestClient.variables;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code normative-document} end to end through nothing but HTTP, as outside tools use
 * it: every step over the standard Camunda REST API — the start form from
 * {@code deployed-start-form}, each task's form from {@code /task/{id}/deployed-form},
 * each submitted by the person it is routed to — and the public register without login.
 * Runs on H2 and on PostgreSQL.
 */
@DisplayName("行政规范性文件：仅通过 HTTP 办理")
class NormativeDocumentRestIT extends HttpIntegrationTest {

	static final String DEFINITION = "/engine-rest/process-definition/key/normative-document";

	static final LocalDate TODAY = LocalDate.now(ZoneId.of("Asia/Shanghai"));

	@Autowired
	RuntimeService runtimeService;

	/** The other integration tests share this database: leave no open cases behind. */
	@AfterEach
	void cleanUp() {
		for (String key : List.of(NormativeDocumentModel.PROCESS_KEY, "legality-review")) {
			this.runtimeService.createProcessInstanceQuery()
				.processDefinitionKey(key)
				.list()
				.forEach((instance) -> this.runtimeService.deleteProcessInstance(instance.getId(), "test clean-up",
						true));
		}
	}

	@Test
	void shouldCarryADocumentFromItsStartFormToFiledAndRegisteredThroughItsDeployedForms() throws Exception {
		// 张伟 of the natural resources bureau fetches the start form and starts drafting
		String title = "示范市矿产资源开发利用管理办法（" + System.nanoTime() + "）";
		RestClient zhangwei = as("zhangwei");
		Response form = zhangwei.get(DEFINITION + "/deployed-start-form");
		assertThat(form.status()).isEqualTo(200);
		assertThat(form.json().path("id").asText()).isEqualTo("normativeDocumentStartForm");
		Response started = zhangwei.post(DEFINITION + "/submit-form", Map.of("variables", startVariables(title)));
		assertThat(started.status()).as(started.toString()).isEqualTo(200);
		String instanceId = started.json().path("id").asText();
		String caseNumber = started.json().path("businessKey").asText();
		assertThat(caseNumber).matches("ND-\\d{4}-\\d{4}");

		// drafting, public comment (its window closed by the timer job), summary
		submitForm("zhangwei", formTask(instanceId, "zhangwei", "userTask_draft", "normativeDocumentDraftForm"),
				variables("draftingDecision", "PROCEED", "draftText", "第一条 ……", "draftExplanation", "起草说明……",
						"legalBasisCited", "《矿产资源法》", "necessityAssessment", "必要、可行、合法", "commentExempt", false));
		submitForm("zhangwei",
				formTask(instanceId, "zhangwei", "userTask_publishForComment", "normativeDocumentCommentNoticeForm"),
				Map.of("commentChannels", RestClient.json(List.of("WEBSITE")), "commentPublishedOn",
						Map.of("value", TODAY.toString()), "commentPeriodDays", Map.of("value", 30), "commentMethods",
						Map.of("value", "电子邮件")));
		executeJob(instanceId, "timer_commentPeriodEnds");
		submitForm("zhangwei",
				formTask(instanceId, "zhangwei", "userTask_summarizeComments", "normativeDocumentCommentSummaryForm"),
				variables("commentsReceived", 3, "commentSummary", "意见汇总……", "commentAdoption", "均已采纳",
						"adoptionFeedbackPublished", true, "draftText", "第一条（修改稿）……"));

		// the justice bureau's review, a case of its own
		String review = caseNumber + "-LR1";
		submitForm("sunli", reviewTask(review, "sunli"), variables("materialsComplete", "COMPLETE"));
		submitForm("wujun", reviewTask(review, "wujun"), variables("reviewer", "zhouqiang"));
		submitForm("zhouqiang", reviewTask(review, "zhouqiang"), variables("reviewAction", "CONCLUDE",
				"legalityConclusion", "LAWFUL", "legalityReasons", "合法。", "legalBasis", "国办发〔2018〕115号"));
		submitForm("wujun", reviewTask(review, "wujun"), variables("signOffDecision", "APPROVE"));

		// the executive meeting of the city government
		submitForm("zhangwei",
				formTask(instanceId, "zhangwei", "userTask_submitForDeliberation", "normativeDocumentSubmissionForm"),
				variables("submissionNote", "提请审议"));
		String agenda = formTask(instanceId, "chenjing", "userTask_scheduleMeeting", "normativeDocumentAgendaForm");
		assertThat(as("chenjing").get("/engine-rest/task/" + agenda + "/form-variables").json().toString())
			.contains("EXECUTIVE")
			.doesNotContain("OFFICE_MEETING");
		submitForm("chenjing", agenda, variables("meetingType", "EXECUTIVE", "meetingSession", "市政府第20次常务会议",
				"meetingDate", TODAY.toString()));
		submitForm("chenjing",
				formTask(instanceId, "chenjing", "userTask_recordMeeting", "normativeDocumentMeetingForm"),
				variables("attendees", "……", "deliberationOpinions", "同意", "meetingDecision", "APPROVED",
						"meetingMinutes", "会议同意……"));

		// unified registration, numbering and publication by the secretariat
		String registration = formTask(instanceId, "chenjing", "userTask_register",
				"normativeDocumentRegistrationForm");
		assertThat(as("chenjing").get("/engine-rest/task/" + registration).json().path("due").asText()).isNotBlank();
		submitForm("chenjing", registration,
				variables("signedBy", "赵磊", "signedOn", TODAY.toString(), "documentText", "正式文本……"));
		submitForm("chenjing", formTask(instanceId, "chenjing", "userTask_publish", "normativeDocumentPublicationForm"),
				Map.of("publicationChannels", RestClient.json(List.of("GAZETTE", "WEBSITE")), "publishedOn",
						Map.of("value", TODAY.toString()), "effectiveDate",
						Map.of("value", TODAY.plusDays(30).toString())));

		// the public finds it without login
		Response found = anonymous().get("/api/public/normative-documents?q=" + title);
		assertThat(found.status()).isEqualTo(200);
		assertThat(found.json()).hasSize(1);
		JsonNode document = found.json().get(0);
		assertThat(document.path("documentNumber").asText()).matches("示政规〔\\d{4}〕\\d+号");
		assertThat(document.path("statusName").asText()).isEqualTo("有效");
		assertThat(document.path("validUntil").asText())
			.isEqualTo(TODAY.plusDays(30).minusDays(1).plusYears(5).toString());

		// filing with the provincial government and the city people's congress
		submitForm("chenjing",
				formTask(instanceId, "chenjing", "userTask_fileWithGovernment", "normativeDocumentFileGovernmentForm"),
				filing("government"));
		submitForm("qianyu", formTask(instanceId, "qianyu", "userTask_receiveGovernmentFiling",
				"normativeDocumentReceiveGovernmentForm"), receipt("government"));
		submitForm("qianyu",
				formTask(instanceId, "qianyu", "userTask_reviewGovernmentFiling",
						"normativeDocumentReviewGovernmentForm"),
				variables("governmentReviewResult", "NO_ISSUES", "governmentReviewOpinion", "未发现问题"));
		submitForm("chenjing",
				formTask(instanceId, "chenjing", "userTask_fileWithCongress", "normativeDocumentFileCongressForm"),
				filing("congress"));
		submitForm("linhai", formTask(instanceId, "linhai", "userTask_receiveCongressFiling",
				"normativeDocumentReceiveCongressForm"), receipt("congress"));
		submitForm("linhai",
				formTask(instanceId, "linhai", "userTask_reviewCongressFiling", "normativeDocumentReviewCongressForm"),
				variables("congressReviewResult", "NO_ISSUES", "congressReviewOpinion", "未发现问题"));

		// the case now keeps the document's validity; the filing periods were met
		Response activities = as("hanxue").get("/engine-rest/history/activity-instance?processInstanceId=" + instanceId
				+ "&sortBy=startTime&sortOrder=asc");
		assertThat(activities.json().findValuesAsText("activityId")).containsSubsequence("userTask_draft",
				"userTask_summarizeComments", "callActivity_legalityReview", "userTask_recordMeeting",
				"userTask_register", "serviceTask_assignNumbers", "userTask_publish", "serviceTask_startValidity",
				"timer_evaluationStarts");
		Response deadlines = zhangwei.get("/api/cases/" + caseNumber + "/deadlines");
		assertThat(deadlines.status()).isEqualTo(200);
		assertThat(deadlines.json().toString()).contains("ND_FILING_GOVERNMENT", "ND_FILING_CONGRESS", "ND_VALIDITY",
				"ND_EXPIRY_EVALUATION");
		// another department sees none of it
		assertThat(as("wangfang").get("/engine-rest/task?processInstanceId=" + instanceId).json().size()).isZero();
	}

	@Test
	void shouldRefuseBadInputWithClearMessagesAndKeepNothing() throws Exception {
		long before = countInstances();
		// a required field is missing
		Map<String, Object> missing = startVariables("示范市……办法");
		missing.remove("documentTitle");
		Response response = as("zhangwei").post(DEFINITION + "/submit-form", Map.of("variables", missing));
		assertThat(response.status()).isEqualTo(400);
		assertThat(response.json().path("message").asText()).contains("「文件名称」为必填项");
		// a variable the form does not have (the routing is not the client's to set)
		Map<String, Object> smuggled = startVariables("示范市……办法");
		smuggled.put("draftingOffice", Map.of("value", "dept-edu"));
		response = as("zhangwei").post(DEFINITION + "/start", Map.of("variables", smuggled));
		assertThat(response.status()).isEqualTo(400);
		assertThat(response.json().path("message").asText()).contains("表单中没有字段“draftingOffice”");
		// the auditor may not start a case
		response = as("hanxue").post(DEFINITION + "/submit-form", Map.of("variables", startVariables("示范市……办法")));
		assertThat(response.status()).isEqualTo(403);
		assertThat(countInstances()).isEqualTo(before);
		// a running case: a shortened comment period without its reason
		Response started = as("zhangwei").post(DEFINITION + "/submit-form",
				Map.of("variables", startVariables("示范市地质灾害防治办法（" + System.nanoTime() + "）")));
		String instanceId = started.json().path("id").asText();
		submitForm("zhangwei", formTask(instanceId, "zhangwei", "userTask_draft", "normativeDocumentDraftForm"),
				variables("draftingDecision", "PROCEED", "draftText", "……", "draftExplanation", "……", "legalBasisCited",
						"……", "necessityAssessment", "……", "commentExempt", false));
		String notice = formTask(instanceId, "zhangwei", "userTask_publishForComment",
				"normativeDocumentCommentNoticeForm");
		response = as("zhangwei").post("/engine-rest/task/" + notice + "/submit-form",
				Map.of("variables",
						Map.of("commentChannels", RestClient.json(List.of("WEBSITE")), "commentPublishedOn",
								Map.of("value", TODAY.toString()), "commentPeriodDays", Map.of("value", 10),
								"commentMethods", Map.of("value", "电子邮件"))));
		assertThat(response.status()).isEqualTo(400);
		assertThat(response.json().path("message").asText()).contains("「缩短期限的理由」为必填项");
		assertThat(as("zhangwei").get("/engine-rest/task/" + notice).status()).isEqualTo(200);
		assertThat(as("zhangwei").get("/api/cases/" + started.json().path("businessKey").asText() + "/deadlines")
			.json()
			.toString()).doesNotContain("ND_COMMENT_PERIOD");
	}

	@Test
	void shouldNumberFiftyDocumentsRegisteredAtOnceWithoutGapsOrDuplicates() throws Exception {
		// given: fifty approved documents of the housing bureau waiting to be registered
		List<String> instances = new ArrayList<>();
		for (int i = 0; i < 50; i++) {
			instances.add(approvedDocument("示范市物业服务收费管理办法（" + i + "）"));
		}
		List<String> tasks = new ArrayList<>();
		for (String instance : instances) {
			tasks.add(formTask(instance, "liuyang", "userTask_register", "normativeDocumentRegistrationForm"));
		}
		// when: 刘洋 of the housing bureau registers all fifty at the same moment
		CyclicBarrier together = new CyclicBarrier(tasks.size());
		ExecutorService threads = Executors.newFixedThreadPool(tasks.size());
		List<Future<Integer>> answers = new ArrayList<>();
		for (String task : tasks) {
			answers.add(threads.submit(() -> {
				together.await(30, TimeUnit.SECONDS);
				return as("liuyang")
					.post("/engine-rest/task/" + task + "/submit-form",
							Map.of("variables",
									variables("signedBy", "局长", "signedOn", TODAY.toString(), "documentText", "正式文本")))
					.status();
			}));
		}
		threads.shutdown();
		assertThat(threads.awaitTermination(180, TimeUnit.SECONDS)).isTrue();
		for (Future<Integer> answer : answers) {
			assertThat(answer.get()).isEqualTo(204);
		}
		// then: fifty distinct consecutive document numbers
		List<Integer> sequence = new ArrayList<>();
		for (String instance : instances) {
			String number = (String) this.runtimeService.getVariable(instance, "documentNumber");
			assertThat(number).matches("示建规〔\\d{4}〕\\d+号");
			sequence.add(Integer.valueOf(number.replaceAll(".*〕(\\d+)号", "$1")));
		}
		int first = sequence.stream().mapToInt(Integer::intValue).min().orElseThrow();
		assertThat(sequence).doesNotHaveDuplicates()
			.containsExactlyInAnyOrderElementsOf(java.util.stream.IntStream.range(first, first + 50).boxed().toList());
	}

	static Map<String, Object> startVariables(String title) {
		return variables("documentTitle", title, "issuerType", "GOVERNMENT", "draftingPurpose", "规范……", "affectsMarket",
				false, "contactPerson", "张伟", "contactPhone", "0571-88886666");
	}

	private static Map<String, Object> filing(String track) throws Exception {
		return Map.of(track + "FiledOn", Map.of("value", TODAY.toString()), track + "FilingMaterials",
				RestClient.json(List.of("REPORT", "TEXT", "EXPLANATION", "BASIS")));
	}

	private static Map<String, Object> receipt(String track) {
		return variables(track + "Receipt", "REGISTERED", track + "ReceiptNumber", "BA-" + track, track + "ReceivedOn",
				TODAY.toString());
	}

	/** A departmental document of 住房和城乡建设局 the meeting approved (set up directly). */
	private String approvedDocument(String title) {
		Map<String, Object> variables = new HashMap<>();
		variables.put("documentTitle", title);
		variables.put("issuerType", "DEPARTMENT");
		variables.put("issuer", "dept-hcd");
		variables.put("issuerName", "示范市住房和城乡建设局");
		variables.put("draftingOffice", "dept-hcd");
		variables.put("validityClock", NormativeClocks.VALIDITY);
		variables.put("documentRouting", new HashMap<>(Map.of("deliberationGroup", "dept-hcd", "registrarGroup",
				"dept-hcd", "governmentFilingGroup", "justice-bureau", "congressFilingRequired", false)));
		return this.runtimeService.createProcessInstanceByKey(NormativeDocumentModel.PROCESS_KEY)
			.businessKey("ND-IT-" + System.nanoTime())
			.setVariables(variables)
			.startBeforeActivity(NormativeDocumentModel.Elements.REGISTER)
			.execute()
			.getId();
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
		return as("demo").get("/engine-rest/history/process-instance/count?processDefinitionKey=normative-document")
			.json()
			.path("count")
			.asLong();
	}

}
