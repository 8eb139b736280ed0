package cn.fazhi.notify;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

import cn.fazhi.system.engine.Privileged;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Gathers what reminders, escalations, urges and digests say about an open task: the case
 * around it (the top-level instance's business key, 案号), the procedure, the matter's
 * title, the Tasklist link, and its {@link TaskRouting route}. Reads without the acting
 * user's authorization.
 */
@Component
class TaskFacts {

	/** Process variables that hold a matter's title, by procedure. */
	static final List<String> MATTER_VARIABLES = List.of("matterTitle", "decisionTitle");

	private static final int MAX_CALL_DEPTH = 20;

	private static final String NONE = "—";

	private final TaskService taskService;

	private final RuntimeService runtimeService;

	private final RepositoryService repositoryService;

	private final IdentityService identityService;

	private final TaskRouting routing;

	private final String baseUrl;

	/** Process definitions never change: their names are kept. */
	private final Map<String, String> procedureNames = new ConcurrentHashMap<>();

	TaskFacts(TaskService taskService, RuntimeService runtimeService, RepositoryService repositoryService,
			IdentityService identityService, TaskRouting routing,
			@Value("${fazhi.base-url:http://localhost:8080}") String baseUrl) {
		this.taskService = taskService;
		this.runtimeService = runtimeService;
		this.repositoryService = repositoryService;
		this.identityService = identityService;
		this.routing = routing;
		this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
	}

	/** The open task, read afresh; null once it is completed or deleted. */
	Task openTask(String taskId) {
		return privileged(() -> this.taskService.createTaskQuery().taskId(taskId).singleResult());
	}

	TaskNotice describe(Task task) {
		TaskRouting.Route route = this.routing.route(task);
		ProcessInstance top = topInstance(task.getProcessInstanceId());
		String caseNumber = (top == null || top.getBusinessKey() == null) ? NONE : top.getBusinessKey();
		String step = (task.getName() == null) ? task.getTaskDefinitionKey() : task.getName();
		return new TaskNotice(task.getId(), step, task.getDueDate(), task.getProcessInstanceId(),
				(top == null) ? null : top.getId(), caseNumber, procedure(task.getProcessDefinitionId()),
				matter(task.getProcessInstanceId()), route.text(), link(task.getId()), route.handlers(),
				route.offices());
	}

	/** The Tasklist page of a task. */
	String link(String taskId) {
		return this.baseUrl + "/camunda/app/tasklist/default/#/?task=" + taskId;
	}

	String tasklistLink() {
		return this.baseUrl + "/camunda/app/tasklist/default/";
	}

	private ProcessInstance topInstance(String processInstanceId) {
		if (processInstanceId == null) {
			return null;
		}
		ProcessInstance current = privileged(() -> this.runtimeService.createProcessInstanceQuery()
			.processInstanceId(processInstanceId)
			.singleResult());
		for (int depth = 0; current != null && depth < MAX_CALL_DEPTH; depth++) {
			String id = current.getId();
			ProcessInstance parent = privileged(
					() -> this.runtimeService.createProcessInstanceQuery().subProcessInstanceId(id).singleResult());
			if (parent == null) {
				return current;
			}
			current = parent;
		}
		return current;
	}

	private String procedure(String processDefinitionId) {
		if (processDefinitionId == null) {
			return NONE;
		}
		return this.procedureNames.computeIfAbsent(processDefinitionId, (id) -> {
			ProcessDefinition definition = privileged(() -> this.repositoryService.getProcessDefinition(id));
			return (definition.getName() == null) ? definition.getKey() : definition.getName();
		});
	}

	private String matter(String processInstanceId) {
		if (processInstanceId == null) {
			return NONE;
		}
		// all of the instance's variables, not those named: asked by names, H2 plans the
		// query on
		// the (task, name) index and reads every open case's variables of that name, 35
		// ms and
		// growing per reminder with 20,000 open cases (issue 8, docs/benchmarks.md); by
		// instance
		// it uses the instance's own index everywhere
		Map<String, Object> values = privileged(() -> this.runtimeService.getVariablesTyped(processInstanceId, false));
		return MATTER_VARIABLES.stream()
			.map(values::get)
			.filter((value) -> value != null && !String.valueOf(value).isBlank())
			.map(String::valueOf)
			.findFirst()
			.orElse(NONE);
	}

	private <T> T privileged(Supplier<T> work) {
		return Privileged.call(this.identityService, work);
	}

}
