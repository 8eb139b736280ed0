package cn.fazhi.audit;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

import cn.fazhi.audit.DecisionScenario.DecisionCase;
import cn.fazhi.decision.MajorDecisionModel.Elements;
import cn.fazhi.decision.MajorDecisionProcess;
import cn.fazhi.decision.catalog.DecisionCatalog;
import cn.fazhi.legalreview.LegalityReviewProcess;
import cn.fazhi.support.HttpIntegrationTest;
import cn.fazhi.support.RestClient.Response;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The auditor's view of a major decision, over HTTP on H2 and PostgreSQL: a decision with
 * a hearing, an expert and a legality review runs from proposal to archive (driven
 * in-process as the directory's people, the engine clock stepping through spring 2026),
 * then 韩雪 of the audit bureau replays it.
 */
@DisplayName("审计回溯：重大行政决策全过程")
class AuditIT extends HttpIntegrationTest {

	@Autowired
	MajorDecisionProcess process;

	@Autowired
	LegalityReviewProcess review;

	@Autowired
	DecisionCatalog catalog;

	@Autowired
	RuntimeService runtimeService;

	@Autowired
	TaskService taskService;

	@Autowired
	ManagementService managementService;

	@Autowired
	IdentityService identityService;

	@Autowired
	JdbcTemplate jdbc;

	/** The decision every test of this class audits: carried through once. */
	private static DecisionCase decided;

	@AfterEach
	void resetClock() {
		ClockUtil.reset();
	}

	@Test
	@DisplayName("审计人员回溯全过程：步骤、办理人、表单提交内容、合法性审查子案件；其他单位 403")
	void shouldReplayTheWholeCaseToAuditorsAndParticipantsOnly() {
		// given: a decision carried from proposal to archive
		DecisionCase decided = decided();

		// when: the auditor replays it
		Response response = as("hanxue").get("/api/audit/cases/" + decided.businessKey());

		// then: every statutory step in order, each with its article
		assertThat(response.status()).as(response.toString()).isEqualTo(200);
		JsonNode timeline = response.json();
		assertThat(timeline.path("businessKey").asText()).isEqualTo(decided.businessKey());
		assertThat(timeline.path("state").asText()).isEqualTo("COMPLETED");
		assertThat(timeline.path("model").path("key").asText()).isEqualTo("major-decision");
		assertThat(timeline.path("model").path("versionTag").asText()).isEqualTo("1.0");
		assertThat(timeline.path("model").path("sha256").asText()).hasSize(64);
		List<String> userTasks = timeline.path("steps")
			.findParents("activityType")
			.stream()
			.filter((step) -> "userTask".equals(step.path("activityType").asText()))
			.map((step) -> step.path("activityId").asText())
			.toList();
		assertThat(userTasks).containsSubsequence(Elements.DECIDE_INITIATION, Elements.DRAFT,
				Elements.SUMMARIZE_COMMENTS, Elements.SCHEDULE_HEARING, Elements.RECORD_HEARING,
				Elements.SUBMIT_FOR_MEETING, Elements.SCHEDULE_MEETING, Elements.RECORD_MEETING,
				Elements.PUBLISH_DECISION, Elements.EXECUTION_REPORT, Elements.ARCHIVE);
		JsonNode initiation = step(timeline, Elements.DECIDE_INITIATION);
		assertThat(initiation.path("name").asText()).isEqualTo("决策启动");
		assertThat(initiation.path("articles").toString()).contains("第11条");
		assertThat(initiation.path("actor").path("id").asText()).isEqualTo("zhaolei");
		assertThat(initiation.path("actor").path("name").asText()).isEqualTo("赵磊");
		assertThat(initiation.path("actor").path("officeName").asText()).isEqualTo("示范市人民政府办公室");
		assertThat(outcome(initiation, "initiationDecision")).isEqualTo("START");
		assertThat(initiation.path("outcome").get(0).path("label").asText()).isEqualTo("是否启动");
		assertThat(initiation.path("form").path("formId").asText()).isEqualTo("majorDecisionInitiationForm");
		assertThat(initiation.path("form").path("deploymentId").asText())
			.isEqualTo(timeline.path("model").path("deploymentId").asText());
		assertThat(initiation.path("form").path("sha256").asText()).hasSize(64);

		// and: the start form, the comment period, the meeting and who acted
		JsonNode start = step(timeline, "startEvent_decisionProposed");
		assertThat(start.path("actor").path("id").asText()).isEqualTo("zhangwei");
		assertThat(outcome(start, "startBasis")).isEqualTo("CATALOG");
		JsonNode notice = step(timeline, Elements.PUBLISH_FOR_COMMENT);
		assertThat(outcome(notice, "commentPeriodDays")).isEqualTo("30");
		assertThat(outcomeValue(notice, "commentChannels").toString()).isEqualTo("[\"WEBSITE\",\"NEW_MEDIA\"]");
		assertThat(notice.path("variableChanges").findValuesAsText("name")).contains("commentPeriodEndText");
		JsonNode meeting = step(timeline, Elements.RECORD_MEETING);
		assertThat(meeting.path("actor").path("id").asText()).isEqualTo("chenjing");
		assertThat(outcome(meeting, "meetingDecision")).isEqualTo("APPROVED");
		assertThat(step(timeline, Elements.COMMENT_PERIOD_ENDS).path("clockEvents").findValuesAsText("kind"))
			.contains("TIMER_FIRED");

		// and: the expert's signed opinion and the filed material
		JsonNode opinion = step(timeline, Elements.EXPERT_OPINION);
		assertThat(opinion.path("comments").get(0).path("author").path("id").asText()).isEqualTo("gaoyan");
		assertThat(opinion.path("comments").get(0).path("message").asText()).contains("方案可行");
		JsonNode material = timeline.path("attachments").get(0);
		assertThat(material.path("name").asText()).isEqualTo("起草说明.pdf");
		assertThat(material.path("size").asLong()).isEqualTo(DecisionScenario.MATERIAL.length);
		assertThat(material.path("sha256").asText()).isEqualTo(DeployedModels.sha256(DecisionScenario.MATERIAL));
		assertThat(material.path("uploadedBy").path("id").asText()).isEqualTo("zhangwei");

		// and: the legality review is nested as a case of its own, with its sign-off
		JsonNode review = step(timeline, Elements.LEGALITY_REVIEW).path("calledCase");
		assertThat(review.path("businessKey").asText()).isEqualTo(decided.businessKey() + "-LR1");
		assertThat(review.path("model").path("key").asText()).isEqualTo("legality-review");
		JsonNode signOff = step(review, "userTask_signOff");
		assertThat(signOff.path("actor").path("id").asText()).isEqualTo("wujun");
		assertThat(signOff.path("form").path("formId").asText()).isEqualTo("legalityReviewSignOffForm");
		assertThat(outcome(signOff, "signOffDecision")).isEqualTo("APPROVE");
		assertThat(step(review, "userTask_review").path("task").path("dueDate").isTextual()).isTrue();
		assertThat(step(review, "userTask_review").path("clockEvents").findValuesAsText("kind")).contains("TASK_DUE");

		// and: the people who took part see it too; another office does not
		assertThat(as("zhangwei").get("/api/audit/cases/" + decided.businessKey()).status()).isEqualTo(200);
		Response stranger = as("wangfang").get("/api/audit/cases/" + decided.businessKey());
		assertThat(stranger.status()).isEqualTo(403);
		assertThat(stranger.json().path("message").asText()).contains("您无权查阅案件");
		assertThat(as("hanxue").get("/api/audit/cases/MD-1999-9999").status()).isEqualTo(404);

		// and: the auditor pages draw the model the case ran on, from the application
		// alone
		assertThat(model("hanxue", decided.businessKey()).getStatusCode().value()).isEqualTo(200);
		assertThat(model("hanxue", decided.businessKey()).getBody()).contains("id=\"major-decision\"")
			.contains("userTask_recordMeeting");
		assertThat(model("wangfang", decided.businessKey()).getStatusCode().value()).isEqualTo(403);
		assertThat(this.rest.getForEntity("/audit/case.html", String.class).getBody()).contains("案件回溯")
			.contains("bpmn-viewer.production.min.js");
		assertThat(this.rest.getForEntity("/vendor/bpmn-js-18.31.1/bpmn-viewer.production.min.js", String.class)
			.getStatusCode()
			.value()).isEqualTo(200);
	}

	private ResponseEntity<String> model(String user, String businessKey) {
		HttpHeaders headers = new HttpHeaders();
		headers.setBasicAuth(user, "demo", StandardCharsets.UTF_8);
		// as the auditor pages ask: the model, or a refusal as JSON
		headers.setAccept(List.of(MediaType.APPLICATION_XML, MediaType.APPLICATION_JSON));
		return this.rest.exchange("/api/audit/cases/{key}/model", HttpMethod.GET, new HttpEntity<>(headers),
				String.class, businessKey);
	}

	@Test
	@DisplayName("审计链：历史记录完整；直接改动、删除、插入历史记录或改动审计链，每次都能发现并指出第一个断点")
	void shouldFindEveryChangeMadeToTheHistoryBehindTheSystemsBack() {
		// given: the decided case, intact
		DecisionCase decided = decided();
		String root = decided.processInstanceId();
		JsonNode intact = verify(decided);
		assertThat(intact.path("intact").asBoolean()).as(intact.toString()).isTrue();
		assertThat(intact.path("scope").asText()).isEqualTo("CASE");
		assertThat(intact.path("checkedLinks").asLong()).isGreaterThan(100);
		assertThat(intact.path("digest").asText()).hasSize(64);
		Response all = as("hanxue").get("/api/audit/verify");
		assertThat(all.json().path("intact").asBoolean()).as(all.toString()).isTrue();
		assertThat(as("zhangwei").get("/api/audit/verify").status()).isEqualTo(403);
		assertThat(as("zhangwei").get("/api/audit/verify?businessKey=" + decided.businessKey()).status())
			.isEqualTo(200);
		assertThat(as("wangfang").get("/api/audit/verify?businessKey=" + decided.businessKey()).status())
			.isEqualTo(403);

		// when: who recorded the meeting is rewritten (UPDATE)
		String meetingTask = this.jdbc.queryForObject(
				"select ID_ from ACT_HI_TASKINST where ROOT_PROC_INST_ID_ = ? and TASK_DEF_KEY_ = ?", String.class,
				root, Elements.RECORD_MEETING);
		this.jdbc.update("update ACT_HI_TASKINST set ASSIGNEE_ = ? where ID_ = ?", "wangfang", meetingTask);
		// then
		JsonNode broken = verify(decided).path("firstBroken");
		assertThat(broken.path("kind").asText()).isEqualTo("ROW_CHANGED");
		assertThat(broken.path("table").asText()).isEqualTo("ACT_HI_TASKINST");
		assertThat(broken.path("rowId").asText()).isEqualTo(meetingTask);
		assertThat(broken.path("linkId").asText()).startsWith(root + ":");
		assertThat(broken.path("row").path("ASSIGNEE_").asText()).isEqualTo("wangfang");
		assertThat(broken.path("expectedHash").asText()).isNotEqualTo(broken.path("actualHash").asText());
		this.jdbc.update("update ACT_HI_TASKINST set ASSIGNEE_ = ? where ID_ = ?", "chenjing", meetingTask);
		assertThat(verify(decided).path("intact").asBoolean()).isTrue();

		// when: the expert's signed opinion disappears (DELETE)
		Map<String, Object> opinion = this.jdbc.queryForMap("select * from ACT_HI_COMMENT where ROOT_PROC_INST_ID_ = ?",
				root);
		String opinionId = (String) value(opinion, "ID_");
		this.jdbc.update("delete from ACT_HI_COMMENT where ID_ = ?", opinionId);
		broken = verify(decided).path("firstBroken");
		assertThat(broken.path("kind").asText()).isEqualTo("ROW_DELETED");
		assertThat(broken.path("table").asText()).isEqualTo("ACT_HI_COMMENT");
		assertThat(broken.path("rowId").asText()).isEqualTo(opinionId);
		assertThat(broken.path("linkId").asText()).startsWith(root + ":");
		insertRow("ACT_HI_COMMENT", opinion);
		assertThat(verify(decided).path("intact").asBoolean()).isTrue();

		// when: a variable update is slipped in (INSERT)
		Map<String, Object> detail = this.jdbc.queryForMap(
				"select * from ACT_HI_DETAIL where ROOT_PROC_INST_ID_ = ? and NAME_ = ? and TYPE_ = ?", root,
				"commentPeriodDays", "VariableUpdate");
		Map<String, Object> forged = new java.util.LinkedHashMap<>(detail);
		forged.replaceAll((column, value) -> "ID_".equalsIgnoreCase(column) ? "forged-" + System.nanoTime()
				: "LONG_".equalsIgnoreCase(column) ? 10L : "TEXT_".equalsIgnoreCase(column) ? "10" : value);
		insertRow("ACT_HI_DETAIL", forged);
		broken = verify(decided).path("firstBroken");
		assertThat(broken.path("kind").asText()).isEqualTo("ROW_NOT_IN_CHAIN");
		assertThat(broken.path("rowId").asText()).isEqualTo(value(forged, "ID_"));
		assertThat(broken.path("row").path("NAME_").asText()).isEqualTo("commentPeriodDays");
		this.jdbc.update("delete from ACT_HI_DETAIL where ID_ = ?", value(forged, "ID_"));
		assertThat(verify(decided).path("intact").asBoolean()).isTrue();

		// when: the chain itself is edited: a link's recorded content, then a link
		// removed
		Map<String, Object> link = this.jdbc
			.queryForMap("select * from fz_audit_link where chain_key = ? and link_seq = 10", root);
		this.jdbc.update("update fz_audit_link set content_hash = ? where chain_key = ? and link_seq = 10",
				"f".repeat(64), root);
		broken = verify(decided).path("firstBroken");
		assertThat(broken.path("kind").asText()).isEqualTo("LINK_ALTERED");
		assertThat(broken.path("linkId").asText()).isEqualTo(root + ":10");
		this.jdbc.update("update fz_audit_link set content_hash = ? where chain_key = ? and link_seq = 10",
				value(link, "CONTENT_HASH"), root);
		this.jdbc.update("delete from fz_audit_link where chain_key = ? and link_seq = 10", root);
		broken = verify(decided).path("firstBroken");
		assertThat(broken.path("kind").asText()).isEqualTo("LINK_MISSING");
		assertThat(broken.path("linkId").asText()).isEqualTo(root + ":10");
		insertRow("fz_audit_link", link);

		// then: restored, the history is whole again
		JsonNode restored = verify(decided);
		assertThat(restored.path("intact").asBoolean()).as(restored.toString()).isTrue();
		assertThat(restored.path("digest").asText()).isEqualTo(intact.path("digest").asText());
	}

	@Test
	@DisplayName("合规检查：全过程合规的案件逐条 PASS；篡改历史使征求意见期限缩短且无理由，第15条 FAIL；按年度和承办单位批量检查")
	void shouldCheckTheCaseAgainstEveryStatutoryRuleWithItsEvidence() {
		// given
		DecisionCase decided = decided();

		// when: the auditor checks the case
		JsonNode report = compliance(decided);

		// then: every rule with its article and evidence
		assertThat(report.path("overall").asText()).as(report.toPrettyString()).isEqualTo("PASS");
		assertThat(rule(report, "MD-25").path("result").asText()).isEqualTo("PASS");
		assertThat(rule(report, "MD-25").path("article").asText()).isEqualTo("《重大行政决策程序暂行条例》第25条");
		assertThat(rule(report, "MD-25").path("evidence").findValuesAsText("kind")).contains("STEP", "VARIABLE");
		assertThat(rule(report, "MD-15").path("result").asText()).isEqualTo("PASS");
		assertThat(rule(report, "MD-16").path("result").asText()).isEqualTo("PASS");
		assertThat(rule(report, "MD-26").path("result").asText()).isEqualTo("PASS");
		assertThat(rule(report, "MD-26").path("explanation").asText()).contains("8 个工作日");
		assertThat(rule(report, "MD-30").path("result").asText()).isEqualTo("NOT_APPLICABLE");
		assertThat(rule(report, "MD-32").path("result").asText()).isEqualTo("PASS");
		assertThat(rule(report, "MD-33").path("result").asText()).isEqualTo("PASS");
		assertThat(rule(report, "DEADLINES").path("result").asText()).isEqualTo("PASS");
		assertThat(rule(report, "CHAIN").path("result").asText()).isEqualTo("PASS");
		JsonNode review = report.path("calledCases").get(0);
		assertThat(review.path("businessKey").asText()).isEqualTo(decided.businessKey() + "-LR1");
		assertThat(rule(review, "LR-26").path("article").asText()).startsWith("《重大行政决策程序暂行条例》第26条第2款");
		assertThat(rule(review, "LR-28").path("result").asText()).isEqualTo("PASS");
		assertThat(as("wangfang").get("/api/audit/cases/" + decided.businessKey() + "/compliance").status())
			.isEqualTo(403);

		// when: the history is changed to show a 10-day comment period without a reason
		String period = this.jdbc.queryForObject(
				"select ID_ from ACT_HI_DETAIL where ROOT_PROC_INST_ID_ = ? and NAME_ = ? " + "and TYPE_ = ?",
				String.class, decided.processInstanceId(), "commentPeriodDays", "VariableUpdate");
		this.jdbc.update("update ACT_HI_DETAIL set LONG_ = 10, TEXT_ = '10' where ID_ = ?", period);
		try {
			// then: Art 15 fails, and the chain shows the history was changed
			JsonNode tampered = compliance(decided);
			assertThat(tampered.path("overall").asText()).isEqualTo("FAIL");
			JsonNode art15 = rule(tampered, "MD-15");
			assertThat(art15.path("result").asText()).isEqualTo("FAIL");
			assertThat(art15.path("explanation").asText()).contains("10 日，少于 30 日").contains("未说明缩短期限的理由");
			assertThat(art15.path("evidence").findValuesAsText("name")).contains("commentPeriodDays");
			assertThat(rule(tampered, "CHAIN").path("result").asText()).isEqualTo("FAIL");
			assertThat(rule(tampered, "CHAIN").path("evidence").get(0).path("name").asText())
				.isEqualTo("ACT_HI_DETAIL");
		}
		finally {
			this.jdbc.update("update ACT_HI_DETAIL set LONG_ = 30, TEXT_ = '30' where ID_ = ?", period);
		}
		assertThat(compliance(decided).path("overall").asText()).isEqualTo("PASS");

		// when: the year of the lead office is checked
		Response year = as("hanxue").get("/api/audit/compliance?year=2026&office=dept-nrp");
		assertThat(year.status()).as(year.toString()).isEqualTo(200);
		JsonNode entry = null;
		for (JsonNode summary : year.json().path("cases")) {
			if (decided.businessKey().equals(summary.path("businessKey").asText())) {
				entry = summary;
			}
		}
		assertThat(entry).as("%s in %s", decided.businessKey(), year).isNotNull();
		assertThat(entry.path("overall").asText()).isEqualTo("PASS");
		assertThat(entry.path("failures").size()).isZero();
		assertThat(year.json().path("officeName").asText()).isEqualTo("示范市自然资源和规划局");
		assertThat(as("wangfang").get("/api/audit/compliance?year=2026&office=dept-nrp").body())
			.doesNotContain(decided.businessKey());
		Response badYear = as("hanxue").get("/api/audit/compliance?year=26");
		assertThat(badYear.status()).isEqualTo(400);
		assertThat(badYear.json().path("parameter").asText()).isEqualTo("year");
		Response badOffice = as("hanxue").get("/api/audit/compliance?year=2026&office=nowhere");
		assertThat(badOffice.status()).isEqualTo(400);
		assertThat(badOffice.json().path("message").asText()).contains("不在组织目录中");
	}

	private JsonNode compliance(DecisionCase decided) {
		Response response = as("hanxue").get("/api/audit/cases/" + decided.businessKey() + "/compliance");
		assertThat(response.status()).as(response.toString()).isEqualTo(200);
		return response.json();
	}

	private static JsonNode rule(JsonNode report, String id) {
		for (JsonNode rule : report.path("rules")) {
			if (id.equals(rule.path("id").asText())) {
				return rule;
			}
		}
		throw new AssertionError("no rule " + id + " in " + report.path("businessKey"));
	}

	private JsonNode verify(DecisionCase decided) {
		Response response = as("hanxue").get("/api/audit/verify?businessKey=" + decided.businessKey());
		assertThat(response.status()).as(response.toString()).isEqualTo(200);
		return response.json();
	}

	/** Column names are upper case on H2, lower case on PostgreSQL. */
	private static Object value(Map<String, Object> row, String column) {
		return row.entrySet()
			.stream()
			.filter((entry) -> entry.getKey().equalsIgnoreCase(column))
			.map(Map.Entry::getValue)
			.findFirst()
			.orElseThrow(() -> new AssertionError("no column " + column + " in " + row.keySet()));
	}

	private void insertRow(String table, Map<String, Object> row) {
		this.jdbc.update(
				"insert into " + table + " (" + String.join(", ", row.keySet()) + ") values ("
						+ String.join(", ", java.util.Collections.nCopies(row.size(), "?")) + ")",
				row.values().toArray());
	}

	private DecisionCase decided() {
		if (decided == null) {
			decided = scenario().decide("示范市停车设施管理办法（" + System.nanoTime() + "）");
		}
		return decided;
	}

	private DecisionScenario scenario() {
		return new DecisionScenario(this.process, this.review, this.catalog, this.runtimeService, this.taskService,
				this.managementService, this.identityService, this.rest);
	}

	private static JsonNode step(JsonNode timeline, String activityId) {
		for (JsonNode step : timeline.path("steps")) {
			if (activityId.equals(step.path("activityId").asText())) {
				return step;
			}
		}
		throw new AssertionError("no step " + activityId + " in " + timeline.path("businessKey"));
	}

	private static String outcome(JsonNode step, String key) {
		return outcomeValue(step, key).asText();
	}

	private static JsonNode outcomeValue(JsonNode step, String key) {
		for (JsonNode field : step.path("outcome")) {
			if (key.equals(field.path("key").asText())) {
				return field.path("value");
			}
		}
		throw new AssertionError("no outcome field " + key + " in step " + step.path("activityId"));
	}

}
