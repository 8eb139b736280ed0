package cn.fazhi.bench;

import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.zaxxer.hikari.HikariDataSource;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.StandaloneProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.jobexecutor.JobExecutor;
import org.camunda.bpm.engine.impl.persistence.StrongUuidGenerator;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.builder.AbstractActivityBuilder;
import org.camunda.bpm.model.bpmn.builder.AbstractFlowNodeBuilder;
import org.camunda.bpm.model.bpmn.builder.ProcessBuilder;
import org.camunda.bpm.model.bpmn.instance.EndEvent;
import org.camunda.bpm.model.bpmn.instance.TerminateEventDefinition;

/**
 * Raw Camunda: a plain engine of the same version in the same JVM, on its own database of
 * the same kind, with the defaults a Camunda user starts from except history level
 * {@code full} (Fazhi's level, so that the ratio shows what Fazhi adds, not what the
 * history level costs) and the same connection pool. Its models have the shape of Fazhi's
 * paths (the same number of user tasks, call activities, embedded sub-processes, parallel
 * branches and timers, see {@link #shapes()}), with no listeners, forms, rules or
 * authorization. Each task is completed with five short text variables, about what a
 * Fazhi form submits.
 */
final class RawCamunda implements AutoCloseable {

	static final String DECISION = "raw-major-decision";

	static final String RECONSIDERATION = "raw-reconsideration";

	static final String REVIEW = "raw-review";

	static final String DEADLINE = "raw-deadline";

	static final String OFFICE = "justice-bureau";

	static final String DEADLINE_OFFICE = "reconsideration-office";

	/** A task that stays open until its scope ends: never completed by the drivers. */
	static final String STANDING = "adjustOrStop";

	private final ProcessEngine engine;

	private final HikariDataSource dataSource;

	RawCamunda(String jdbcUrl, String user) {
		StandaloneProcessEngineConfiguration configuration = new StandaloneProcessEngineConfiguration();
		configuration.setProcessEngineName("raw-camunda");
		// the same pool as Fazhi's (Spring Boot's HikariCP, 10 connections): with
		// Camunda's own
		// MyBatis pool, 10 job threads on 2 cores held connections past its 20 s checkout
		// limit,
		// the pool invalidated them and jobs failed (a full-size run, 2026-12-02)
		HikariDataSource dataSource = new HikariDataSource();
		dataSource.setJdbcUrl(jdbcUrl);
		dataSource.setUsername(user);
		dataSource.setPassword("");
		dataSource.setMaximumPoolSize(10);
		dataSource.setPoolName("raw-camunda");
		if (jdbcUrl.startsWith("jdbc:postgresql:")) {
			// the session settings Fazhi's pool has (PostgresSessionSettings, ADR 0017)
			dataSource.setConnectionInitSql("SET jit = off");
		}
		this.dataSource = dataSource;
		configuration.setDataSource(dataSource);
		// the id generator Camunda recommends for production and the Spring Boot starter
		// sets for
		// Fazhi: with the default database id blocks, ten job threads queued on the block
		// row, jobs
		// failed, and each failure's own transaction waited for a connection (a full-size
		// run)
		configuration.setIdGenerator(new StrongUuidGenerator());
		configuration.setDatabaseSchemaUpdate("true");
		configuration.setHistory("full");
		configuration.setJobExecutorActivate(false);
		configuration.setDefaultSerializationFormat("application/json");
		this.engine = configuration.buildProcessEngine();
		deploy();
	}

	ProcessEngine engine() {
		return this.engine;
	}

	RuntimeService runtime() {
		return this.engine.getRuntimeService();
	}

	TaskService tasks() {
		return this.engine.getTaskService();
	}

	HistoryService history() {
		return this.engine.getHistoryService();
	}

	ManagementService management() {
		return this.engine.getManagementService();
	}

	JobExecutor jobExecutor() {
		return ((ProcessEngineConfigurationImpl) this.engine.getProcessEngineConfiguration()).getJobExecutor();
	}

	private void deploy() {
		this.engine.getRepositoryService()
			.createDeployment()
			.name("raw-camunda-benchmark")
			.addModelInstance(DECISION + ".bpmn", decision())
			.addModelInstance(RECONSIDERATION + ".bpmn", reconsideration())
			.addModelInstance(REVIEW + ".bpmn", review())
			.addModelInstance(DEADLINE + ".bpmn", deadline())
			.deploy();
	}

	/**
	 * The major decision without optional steps: 10 tasks of the decision (one of them in
	 * the execution sub-process, one behind the comment window's timer in the
	 * argumentation sub-process, which forks in parallel) and the 4 of the legality
	 * review it calls.
	 */
	private static BpmnModelInstance decision() {
		ProcessBuilder process = Bpmn.createExecutableProcess(DECISION).camundaHistoryTimeToLive(36500);
		AbstractFlowNodeBuilder<?, ?> flow = process.startEvent();
		flow = tasks(flow, "initiate", "draft", "publishForComment");
		flow = flow.subProcess("argumentation")
			.embeddedSubProcess()
			.startEvent()
			.parallelGateway("fork")
			.intermediateCatchEvent("commentPeriodEnds")
			.timerWithDate("${commentEnds}")
			.userTask("summarizeComments")
			.camundaCandidateGroups(OFFICE)
			.parallelGateway("join")
			.endEvent()
			.moveToNode("fork")
			.connectTo("join")
			.subProcessDone();
		flow = flow.callActivity("legalityReview")
			.calledElement(REVIEW)
			.camundaInBusinessKey("${execution.processBusinessKey}");
		flow = tasks(flow, "submitForMeeting", "scheduleMeeting", "recordMeeting", "publishDecision");
		flow = flow.subProcess("execution")
			.embeddedSubProcess()
			.startEvent()
			.parallelGateway("executionFork")
			.userTask("executionReport")
			.camundaCandidateGroups(OFFICE)
			.endEvent("executionCompleted")
			.moveToNode("executionFork")
			.userTask(STANDING)
			.camundaCandidateGroups(OFFICE)
			.endEvent()
			.subProcessDone();
		BpmnModelInstance model = tasks(flow, "archive").endEvent().done();
		// the report ends the execution sub-process and with it the standing task
		EndEvent completed = model.getModelElementById("executionCompleted");
		completed.getEventDefinitions().add(model.newInstance(TerminateEventDefinition.class));
		return model;
	}

	/**
	 * The ordinary reconsideration path: 10 tasks; three carry interrupting boundary
	 * timers (acceptance deemed, correction/reply and decision periods) that are created
	 * and cancelled as the case moves on.
	 */
	private static BpmnModelInstance reconsideration() {
		ProcessBuilder process = Bpmn.createExecutableProcess(RECONSIDERATION).camundaHistoryTimeToLive(36500);
		AbstractFlowNodeBuilder<?, ?> flow = process.startEvent();
		flow = timed(flow, "acceptanceReview");
		flow = tasks(flow, "chooseProcedure", "sendCopy");
		flow = timed(flow, "respondentReply");
		flow = tasks(flow, "handleCase", "hearOpinions", "proposeDecision", "approveDecision", "serveDecision",
				"supervisePerformance");
		return flow.endEvent().done();
	}

	/**
	 * The legality review as called and as listed: four tasks, the first for the office.
	 */
	private static BpmnModelInstance review() {
		ProcessBuilder process = Bpmn.createExecutableProcess(REVIEW).camundaHistoryTimeToLive(36500);
		AbstractFlowNodeBuilder<?, ?> flow = process.startEvent();
		flow = tasks(flow, "checkMaterials", "assignReviewer", "review", "signOff");
		return flow.endEvent().done();
	}

	/**
	 * One task with an interrupting statutory timer that leads to the next task; routed
	 * to another office than the task list's, like Fazhi's reconsideration office.
	 */
	private static BpmnModelInstance deadline() {
		return Bpmn.createExecutableProcess(DEADLINE)
			.camundaHistoryTimeToLive(36500)
			.startEvent()
			.userTask("acceptanceReview")
			.camundaCandidateGroups(DEADLINE_OFFICE)
			.boundaryEvent("deemedAccepted")
			.timerWithDate("${due}")
			.userTask("chooseProcedure")
			.camundaCandidateGroups(DEADLINE_OFFICE)
			.endEvent()
			.moveToActivity("acceptanceReview")
			.connectTo("chooseProcedure")
			.done();
	}

	private static AbstractFlowNodeBuilder<?, ?> tasks(AbstractFlowNodeBuilder<?, ?> flow, String... ids) {
		for (String id : ids) {
			flow = flow.userTask(id).camundaCandidateGroups(OFFICE);
		}
		return flow;
	}

	private static AbstractFlowNodeBuilder<?, ?> timed(AbstractFlowNodeBuilder<?, ?> flow, String id) {
		AbstractActivityBuilder<?, ?> task = flow.userTask(id)
			.camundaCandidateGroups(OFFICE)
			.boundaryEvent(id + "Timer")
			.timerWithDate("${due}")
			.endEvent(id + "TimedOut")
			.moveToActivity(id);
		return task;
	}

	/** Variables of a start: about what a Fazhi start form holds. */
	static Map<String, Object> startVariables(int index) {
		Map<String, Object> variables = new HashMap<>(formVariables());
		variables.put("matterTitle", "基准测试事项" + index);
		variables.put("contactPerson", "张伟");
		variables.put("contactPhone", "0571-88886666");
		variables.put("due", new Date(System.currentTimeMillis() + 365L * 24 * 3600 * 1000));
		variables.put("commentEnds", new Date(System.currentTimeMillis() + 30L * 24 * 3600 * 1000));
		return variables;
	}

	/** Five short texts: what a task's form submits. */
	static Map<String, Object> formVariables() {
		return Map.of("opinion", "经审查，未超越法定职权，已履行法定程序。", "basis", "《重大行政决策程序暂行条例》第27条", "note", "同意", "reviewer",
				"zhouqiang", "outcome", "APPROVE");
	}

	/**
	 * Runs one case of a model to its end, as Fazhi's drivers do: find the open task of
	 * the case (or the timer waiting in it), complete it with the form's variables.
	 * @return the number of tasks completed
	 */
	int runCase(String processKey, String businessKey) {
		ProcessInstance instance = runtime().startProcessInstanceByKey(processKey, businessKey, startVariables(0));
		int completed = 0;
		while (true) {
			List<Task> open = tasks().createTaskQuery()
				.processInstanceBusinessKey(businessKey)
				.list()
				.stream()
				.filter((task) -> !STANDING.equals(task.getTaskDefinitionKey()))
				.toList();
			if (!open.isEmpty()) {
				tasks().complete(open.get(0).getId(), formVariables());
				completed++;
				continue;
			}
			Job timer = management().createJobQuery().processInstanceId(instance.getId()).timers().singleResult();
			if (timer != null) {
				management().executeJob(timer.getId());
				continue;
			}
			HistoricProcessInstance ended = history().createHistoricProcessInstanceQuery()
				.processInstanceId(instance.getId())
				.singleResult();
			if (ended.getEndTime() == null) {
				throw new IllegalStateException("raw case " + businessKey + " is stuck");
			}
			return completed;
		}
	}

	@Override
	public void close() {
		this.engine.close();
		this.dataSource.close();
	}

}
