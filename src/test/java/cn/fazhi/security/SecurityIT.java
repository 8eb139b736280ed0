package cn.fazhi.security;

import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

import cn.fazhi.support.HttpIntegrationTest;
import cn.fazhi.support.RestClient;
import cn.fazhi.support.RestClient.Response;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import static cn.fazhi.support.RestClient.variables;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Who may do what, proved over HTTP as the directory's demo people: authentication of the
 * REST APIs, department isolation, the legal-affairs office's review tasks, the auditors'
 * read-only access and the administrators' rights.
 */
@DisplayName("安全：认证与授权")
class SecurityIT extends HttpIntegrationTest {

	String instanceId;

	String supplementTask;

	/** A review submitted by 张伟 (自然资源和规划局), sent back to his office for supplements. */
	@BeforeEach
	void caseOfTheNaturalResourcesBureau() {
		Response started = as("zhangwei").post("/engine-rest/process-definition/key/legality-review/submit-form",
				Map.of("variables",
						variables("matterTitle", "示范市城市绿线管理办法", "matterType", "NORMATIVE_DOCUMENT", "draftSummary",
								"第一条……", "legalBasisCited", "《城市绿线管理办法》", "proceduresPerformed", "已征求意见",
								"contactPerson", "张伟", "contactPhone", "0571-88886666")));
		assertThat(started.status()).as(started.toString()).isEqualTo(200);
		this.instanceId = started.json().path("id").asText();
		String intake = onlyTask(as("sunli"));
		Response sentBack = as("sunli").post("/engine-rest/task/" + intake + "/submit-form",
				Map.of("variables", variables("materialsComplete", "INCOMPLETE", "missingItems", "起草说明")));
		assertThat(sentBack.status()).as(sentBack.toString()).isEqualTo(204);
		this.supplementTask = onlyTask(as("zhangwei"));
	}

	@Test
	void shouldRequireAuthenticationOnTheEngineRestApi() {
		Response anonymous = anonymous().get("/engine-rest/engine");
		assertThat(anonymous.status()).isEqualTo(401);
		assertThat(anonymous.headers().getFirst("WWW-Authenticate")).startsWith("Basic realm=\"Fazhi\"");
		assertThat(anonymous.json().path("message").asText()).contains("需要登录");
		// (a wrong password delays the account's next login: Camunda's brute-force
		// protection)
		assertThat(RestClient.as(this.rest, "chenjing", "wrong").get("/engine-rest/engine").status()).isEqualTo(401);
		assertThat(RestClient.as(this.rest, "nobody", "demo").get("/engine-rest/engine").status()).isEqualTo(401);
		assertThat(as("demo").get("/engine-rest/engine").status()).isEqualTo(200);
		assertThat(anonymous().get("/engine-rest/task").status()).isEqualTo(401);
		assertThat(anonymous().get("/engine-rest/user").status()).isEqualTo(401);
	}

	@Test
	void shouldRequireAuthenticationOnFazhiApiButNotOnPublicPages() {
		assertThat(anonymous().get("/api/calendar/days/2025-10-08").status()).isEqualTo(401);
		assertThat(as("zhangwei").get("/api/calendar/days/2025-10-08").status()).isEqualTo(200);
		assertThat(anonymous().get("/camunda/app/tasklist/").status()).isEqualTo(200);
		assertThat(anonymous().get("/actuator/health").status()).isEqualTo(200);
	}

	@Test
	void shouldShowADepartmentOnlyItsOwnTasksAndCases() {
		// the office's own staff and head see the task and the case
		assertThat(taskIds(as("zhangwei"))).contains(this.supplementTask);
		assertThat(taskIds(as("lina"))).contains(this.supplementTask);
		assertThat(as("lina").get("/engine-rest/process-instance/" + this.instanceId).status()).isEqualTo(200);
		assertThat(as("lina").get("/engine-rest/history/process-instance/" + this.instanceId).status()).isEqualTo(200);
		// another department sees neither and cannot act on them
		assertThat(taskIds(as("wangfang"))).doesNotContain(this.supplementTask);
		assertThat(as("wangfang").get("/engine-rest/task/" + this.supplementTask).status()).isIn(403, 404);
		assertThat(as("wangfang").get("/engine-rest/process-instance/" + this.instanceId).status()).isIn(403, 404);
		assertThat(as("wangfang").get("/engine-rest/history/process-instance/" + this.instanceId).status()).isIn(403,
				404);
		assertThat(
				as("wangfang").post("/engine-rest/task/" + this.supplementTask + "/claim", Map.of("userId", "wangfang"))
					.status())
			.isEqualTo(403);
		assertThat(as("wangfang")
			.post("/engine-rest/task/" + this.supplementTask + "/complete",
					Map.of("variables", variables("supplementDescription", "x", "draftSummary", "y")))
			.status()).isEqualTo(403);
		// the justice bureau, which routed it there, still sees the case it takes part in
		assertThat(as("sunli").get("/engine-rest/process-instance/" + this.instanceId).status()).isEqualTo(200);
	}

	@Test
	void shouldGiveTheLegalAffairsOfficeItsReviewTasks() {
		// when the department supplies the materials, the review is back at the justice
		// bureau's intake
		Response supplied = as("zhangwei").post("/engine-rest/task/" + this.supplementTask + "/submit-form",
				Map.of("variables", variables("supplementDescription", "已补充起草说明", "draftSummary", "第一条（修改稿）")));
		assertThat(supplied.status()).as(supplied.toString()).isEqualTo(204);
		String intake = onlyTask(as("sunli"));
		assertThat(taskIds(as("zhouqiang"))).contains(intake);
		assertThat(taskIds(as("zhangwei"))).doesNotContain(intake);
		assertThat(taskIds(as("hegang"))).doesNotContain(intake);
		// a staff member may claim and do a task, but not rewrite its deadline or routing
		assertThat(as("sunli").post("/engine-rest/task/" + intake + "/claim", Map.of("userId", "sunli")).status())
			.isEqualTo(204);
		assertThat(as("sunli")
			.put("/engine-rest/task/" + intake, Map.of("name", "改名", "due", "2099-01-01T00:00:00.000+0800"))
			.status()).isEqualTo(403);
		assertThat(as("sunli")
			.post("/engine-rest/task/" + intake + "/identity-links", Map.of("groupId", "dept-edu", "type", "candidate"))
			.status()).isEqualTo(403);
	}

	@Test
	void shouldLetAuditorsReadEverythingButChangeNothing() {
		RestClient auditor = as("hanxue");
		assertThat(taskIds(auditor)).contains(this.supplementTask);
		assertThat(auditor.get("/engine-rest/history/process-instance/" + this.instanceId).status()).isEqualTo(200);
		assertThat(auditor.get("/engine-rest/history/task?processInstanceId=" + this.instanceId).json().size())
			.isGreaterThanOrEqualTo(2);
		assertThat(auditor.get("/engine-rest/history/user-operation?processInstanceId=" + this.instanceId).status())
			.isEqualTo(200);
		assertThat(auditor.get("/engine-rest/process-instance/" + this.instanceId + "/variables").status())
			.isEqualTo(200);

		assertThat(auditor.post("/engine-rest/task/" + this.supplementTask + "/claim", Map.of("userId", "hanxue"))
			.status()).isEqualTo(403);
		assertThat(auditor.post("/engine-rest/task/" + this.supplementTask + "/complete", Map.of()).status())
			.isEqualTo(403);
		assertThat(auditor
			.put("/engine-rest/task/" + this.supplementTask + "/variables/draftSummary", Map.of("value", "篡改"))
			.status()).isEqualTo(403);
		assertThat(auditor
			.put("/engine-rest/process-instance/" + this.instanceId + "/variables/draftSummary", Map.of("value", "篡改"))
			.status()).isEqualTo(403);
		assertThat(auditor.delete("/engine-rest/process-instance/" + this.instanceId).status()).isEqualTo(403);
		assertThat(auditor.delete("/engine-rest/history/process-instance/" + this.instanceId).status()).isEqualTo(403);
		assertThat(auditor.post("/engine-rest/process-definition/key/legality-review/start", Map.of()).status())
			.isEqualTo(403);
		assertThat(auditor
			.post("/engine-rest/user/create",
					Map.of("profile", Map.of("id", "intruder"), "credentials", Map.of("password", "x")))
			.status()).isEqualTo(403);
	}

	@Test
	void shouldLetAdministratorsAdministrate() {
		RestClient admin = as("demo");
		Response created = admin.post("/engine-rest/user/create",
				Map.of("profile",
						Map.of("id", "tempuser", "firstName", "临时", "lastName", "", "email",
								"temp@demo-city.fazhi.example"),
						"credentials", Map.of("password", "temp-password-2026")));
		assertThat(created.status()).as(created.toString()).isEqualTo(204);
		assertThat(RestClient.as(this.rest, "tempuser", "temp-password-2026").get("/engine-rest/engine").status())
			.isEqualTo(200);
		assertThat(admin.delete("/engine-rest/user/tempuser").status()).isEqualTo(204);
		assertThat(admin.get("/engine-rest/authorization?groupId=auditors").json().size()).isGreaterThan(5);
		assertThat(as("zhangwei").delete("/engine-rest/process-instance/" + this.instanceId).status()).isEqualTo(403);
		assertThat(admin.delete("/engine-rest/process-instance/" + this.instanceId).status()).isEqualTo(204);
	}

	private String onlyTask(RestClient client) {
		Response tasks = client.get("/engine-rest/task?processInstanceId=" + this.instanceId);
		assertThat(tasks.json().size()).as(tasks.toString()).isEqualTo(1);
		return tasks.json().get(0).path("id").asText();
	}

	private java.util.List<String> taskIds(RestClient client) {
		JsonNode tasks = client.get("/engine-rest/task?processInstanceId=" + this.instanceId).json();
		return tasks.findValuesAsText("id");
	}

}
