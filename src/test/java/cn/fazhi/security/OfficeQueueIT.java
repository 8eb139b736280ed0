package cn.fazhi.security;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import cn.fazhi.directory.DirectoryDocument;
import cn.fazhi.support.HttpIntegrationTest;
import cn.fazhi.support.RestClient;
import cn.fazhi.support.RestClient.Response;
import cn.fazhi.support.TestDatabases;
import cn.fazhi.system.engine.PostgresAuthorizationJoinPlugin;

import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import static cn.fazhi.support.RestClient.variables;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The office queue as Tasklist asks for it (candidate group, newest first, a page and its
 * count), with Camunda's authorization check: the legal-affairs office sees the reviews
 * of every department routed to it, the departments do not. On PostgreSQL the query runs
 * with the per-task authorization look-up of {@link PostgresAuthorizationJoinPlugin} (ADR
 * 0017), and must answer exactly as Camunda's own join.
 */
@DisplayName("本单位待办队列与案件列表：查询与授权")
class OfficeQueueIT extends HttpIntegrationTest {

	static final String QUEUE = "/engine-rest/task?candidateGroup=justice-bureau&sortBy=created&sortOrder=desc";

	static final String BOTH_GROUPS = "/engine-rest/task?candidateGroups=justice-bureau,justice-bureau-heads"
			+ "&sortBy=created&sortOrder=desc&maxResults=50";

	static final String COUNT = "/engine-rest/task/count?candidateGroup=justice-bureau";

	static final String CASES = "/engine-rest/process-instance?processDefinitionKey=legality-review&maxResults=500";

	static final String HISTORY = "/engine-rest/history/process-instance?processDefinitionKey=legality-review"
			+ "&sortBy=startTime&sortOrder=desc&maxResults=500";

	static final String SEARCH = "/api/audit/cases?procedure=legality-review&status=RUNNING";

	static final String HISTORY_COUNT = "/engine-rest/history/process-instance/count?processDefinitionKey=legality-review";

	@Autowired
	PostgresAuthorizationJoinPlugin plugin;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	TaskService taskService;

	@Autowired
	FilterService filterService;

	@Test
	void shouldShowTheLegalAffairsOfficeItsQueueAndNoOneElse() {
		long rewritesBefore = this.plugin.rewrites();
		long pagedBefore = this.plugin.pagedFromIndex();
		List<String> started = new ArrayList<>();
		for (String user : List.of("zhangwei", "wangfang", "zhangwei")) {
			started.add(startReview(user, "示范市排队测试办法（" + started.size() + "）"));
		}
		RestClient office = as("sunli");

		List<String> queue = instancesOf(office.get(QUEUE + "&maxResults=50"));
		assertThat(queue).containsAll(started);
		assertThat(office.get(COUNT).json().path("count").asLong()).isEqualTo(queue.size());
		// newest first: the last review started heads the first page of one
		assertThat(instancesOf(office.get(QUEUE + "&firstResult=0&maxResults=1")))
			.containsExactly(started.get(started.size() - 1));
		// a review routed to the office and to its heads is listed once (Camunda's
		// "distinct"; on PostgreSQL the page read from the index, ADR 0017)
		String newest = started.get(started.size() - 1);
		Task routedTwice = this.taskService.createTaskQuery().processInstanceId(newest).singleResult();
		this.taskService.addCandidateGroup(routedTwice.getId(), "justice-bureau" + DirectoryDocument.HEADS_SUFFIX);
		List<String> bothGroups = instancesOf(office.get(BOTH_GROUPS));
		assertThat(bothGroups).containsAll(started).doesNotHaveDuplicates().hasSameSizeAs(queue).startsWith(newest);
		// Tasklist's filter 本单位待认领 (her groups, unclaimed, due date first)
		String unclaimed = this.filterService.createFilterQuery().filterName("本单位待认领").singleResult().getId();
		List<String> filtered = instancesOf(office.get("/engine-rest/filter/" + unclaimed + "/list?maxResults=50"));
		assertThat(filtered).containsAll(started).doesNotHaveDuplicates();
		// a department asking for the legal-affairs office's queue sees none of it, not
		// even
		// the reviews it submitted itself
		for (String user : List.of("zhangwei", "wangfang")) {
			assertThat(instancesOf(as(user).get(QUEUE + "&maxResults=50"))).as(user).isEmpty();
			assertThat(as(user).get(COUNT).json().path("count").asLong()).as(user).isZero();
		}
		// each department lists its own cases, running and in history, and nobody else's
		List<String> zhangwei = List.of(started.get(0), started.get(2));
		assertThat(instanceIds(as("zhangwei").get(CASES))).containsAll(zhangwei).doesNotContain(started.get(1));
		assertThat(instanceIds(as("zhangwei").get(HISTORY))).containsAll(zhangwei).doesNotContain(started.get(1));
		assertThat(instanceIds(as("wangfang").get(HISTORY))).contains(started.get(1))
			.doesNotContainAnyElementsOf(zhangwei);
		assertThat(as("wangfang").get(HISTORY_COUNT).json().path("count").asLong())
			.isEqualTo(instanceIds(as("wangfang").get(HISTORY)).size());
		// the audit case search: by office, with each case's office and state
		String wangfangCase = businessKey(started.get(1));
		Response mine = as("zhangwei").get(SEARCH + "&office=dept-nrp");
		assertThat(mine.status()).as(mine.toString()).isEqualTo(200);
		assertThat(mine.json().findValuesAsText("businessKey"))
			.contains(businessKey(started.get(0)), businessKey(started.get(2)))
			.doesNotContain(wangfangCase);
		assertThat(mine.json().findValuesAsText("office")).containsOnly("dept-nrp");
		assertThat(mine.json().findValuesAsText("status")).containsOnly("RUNNING");
		Response auditor = as("hanxue").get(SEARCH + "&office=dept-edu");
		assertThat(auditor.json().findValuesAsText("businessKey")).contains(wangfangCase);
		assertThat(auditor.json().findValuesAsText("officeName")).containsOnly("示范市教育局");
		assertThat(as("wangfang").get(SEARCH).json().findValuesAsText("businessKey")).contains(wangfangCase)
			.doesNotContain(businessKey(started.get(0)));
		if (TestDatabases.isPostgres()) {
			assertThat(this.plugin.rewrites()).as("task queries answered with the per-task look-up")
				.isGreaterThan(rewritesBefore);
			assertThat(this.plugin.pagedFromIndex()).as("task list pages read from the index")
				.isGreaterThan(pagedBefore);
			long beforeHistory = this.plugin.rewrites();
			as("wangfang").get(HISTORY);
			assertThat(this.plugin.rewrites()).as("the history list answered with the per-row look-up")
				.isGreaterThan(beforeHistory);
			long beforeCases = this.plugin.rewrites();
			as("wangfang").get(CASES);
			assertThat(this.plugin.rewrites()).as("the case list answered with the per-row look-up")
				.isGreaterThan(beforeCases);
			// Tasklist's filters by due date have an index to read their page from
			assertThat(this.jdbc.queryForObject("select count(*) from pg_indexes where indexname = ?", Long.class,
					"fz_idx_task_due_date"))
				.isOne();
			// and no just-in-time compilation of their overestimated plans
			assertThat(this.jdbc.queryForObject("show jit", String.class)).isEqualTo("off");
		}
		else {
			assertThat(this.plugin.rewrites()).isZero();
			assertThat(this.plugin.pagedFromIndex()).isZero();
		}
	}

	private String startReview(String user, String title) {
		Response started = as(user).post("/engine-rest/process-definition/key/legality-review/submit-form",
				Map.of("variables",
						variables("matterTitle", title, "matterType", "NORMATIVE_DOCUMENT", "draftSummary", "第一条……",
								"legalBasisCited", "《城市绿线管理办法》", "proceduresPerformed", "已征求意见", "contactPerson", "联系人",
								"contactPhone", "0571-88886666")));
		assertThat(started.status()).as(started.toString()).isEqualTo(200);
		return started.json().path("id").asText();
	}

	private String businessKey(String instanceId) {
		return as("hanxue").get("/engine-rest/history/process-instance/" + instanceId)
			.json()
			.path("businessKey")
			.asText();
	}

	private static List<String> instanceIds(Response instances) {
		assertThat(instances.status()).as(instances.toString()).isEqualTo(200);
		return instances.json().findValuesAsText("id");
	}

	private static List<String> instancesOf(Response tasks) {
		assertThat(tasks.status()).as(tasks.toString()).isEqualTo(200);
		return tasks.json().findValuesAsText("processInstanceId");
	}

}
