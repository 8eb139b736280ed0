package cn.fazhi.notify;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

import cn.fazhi.directory.Directory;
import cn.fazhi.directory.DirectoryDocument;
import cn.fazhi.directory.DirectoryDocument.Office;
import cn.fazhi.system.engine.Privileged;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Gathers what reminders, escalations, urges and digests say about a task, and who they
 * go to, from the engine (identity links, the case around the task) and the directory
 * (offices, their heads and supervising offices). Reads without the acting user's
 * authorization: routing must see the whole organisation.
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

	private final Directory directory;

	private final String baseUrl;

	private final Map<String, String> procedureNames = new ConcurrentHashMap<>();

	TaskFacts(TaskService taskService, RuntimeService runtimeService, RepositoryService repositoryService,
			IdentityService identityService, Directory directory,
			@Value("${fazhi.base-url:http://localhost:8080}") String baseUrl) {
		this.taskService = taskService;
		this.runtimeService = runtimeService;
		this.repositoryService = repositoryService;
		this.identityService = identityService;
		this.directory = directory;
		this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
	}

	/** The open task, read afresh; null once it is completed or deleted. */
	Task openTask(String taskId) {
		return privileged(() -> this.taskService.createTaskQuery().taskId(taskId).singleResult());
	}

	TaskNotice describe(Task task) {
		List<IdentityLink> links = privileged(() -> this.taskService.getIdentityLinksForTask(task.getId()));
		List<String> groups = new ArrayList<>();
		List<String> users = new ArrayList<>();
		for (IdentityLink link : links) {
			if (IdentityLinkType.CANDIDATE.equals(link.getType())) {
				if (link.getGroupId() != null) {
					groups.add(link.getGroupId());
				}
				if (link.getUserId() != null) {
					users.add(link.getUserId());
				}
			}
		}
		ProcessInstance top = topInstance(task.getProcessInstanceId());
		String caseNumber = (top == null || top.getBusinessKey() == null) ? NONE : top.getBusinessKey();
		return new TaskNotice(task.getId(), (task.getName() == null) ? task.getTaskDefinitionKey() : task.getName(),
				task.getDueDate(), task.getProcessInstanceId(), (top == null) ? null : top.getId(), caseNumber,
				procedure(task.getProcessDefinitionId()), matter(task.getProcessInstanceId()),
				routedTo(task.getAssignee(), groups, users), link(task.getId()),
				handlers(task.getAssignee(), groups, users), offices(task.getAssignee(), groups));
	}

	/** The Tasklist page of a task. */
	String link(String taskId) {
		return this.baseUrl + "/camunda/app/tasklist/default/#/?task=" + taskId;
	}

	String tasklistLink() {
		return this.baseUrl + "/camunda/app/tasklist/default/";
	}

	/**
	 * Heads of the task's offices and of the offices supervising them (督办), in words and
	 * as user ids.
	 */
	Escalation escalation(TaskNotice notice) {
		Set<String> heads = new LinkedHashSet<>();
		List<String> words = new ArrayList<>();
		for (String officeId : notice.offices()) {
			Office office = this.directory.office(officeId).orElse(null);
			if (office == null) {
				continue;
			}
			addHeads(office, heads, words);
			if (office.supervisor() != null) {
				this.directory.office(office.supervisor())
					.ifPresent((supervisor) -> addHeads(supervisor, heads, words));
			}
		}
		return new Escalation(List.copyOf(heads), words.isEmpty() ? "（目录中未登记负责人）" : String.join("、", words));
	}

	/**
	 * Who may urge the task (督办): the heads of its offices and of the offices supervising
	 * them.
	 */
	Set<String> supervisors(TaskNotice notice) {
		return new LinkedHashSet<>(escalation(notice).heads());
	}

	/** Mail addresses of users, in their order; users without one are left out. */
	List<String> emails(Collection<String> userIds) {
		if (userIds.isEmpty()) {
			return List.of();
		}
		Map<String, String> byId = new LinkedHashMap<>();
		privileged(() -> this.identityService.createUserQuery().userIdIn(userIds.toArray(String[]::new)).list())
			.forEach((user) -> byId.put(user.getId(), user.getEmail()));
		return userIds.stream().map(byId::get).filter((mail) -> mail != null && !mail.isBlank()).distinct().toList();
	}

	String displayName(String userId) {
		return this.directory.displayName(userId);
	}

	private void addHeads(Office office, Set<String> heads, List<String> words) {
		List<User> members = this.directory.members(office.headsGroupId());
		members.forEach((user) -> heads.add(user.getId()));
		String names = String.join("、", members.stream().map((user) -> name(user)).toList());
		String text = office.name() + "负责人" + (names.isEmpty() ? "" : "（" + names + "）");
		if (!words.contains(text)) {
			words.add(text);
		}
	}

	private List<String> handlers(String assignee, List<String> groups, List<String> users) {
		if (assignee != null) {
			return List.of(assignee);
		}
		Set<String> handlers = new LinkedHashSet<>(users);
		for (String group : groups) {
			this.directory.members(group).forEach((user) -> handlers.add(user.getId()));
		}
		return List.copyOf(handlers);
	}

	private Set<String> offices(String assignee, List<String> groups) {
		Set<String> offices = new LinkedHashSet<>();
		for (String group : groups) {
			String officeId = group.endsWith(DirectoryDocument.HEADS_SUFFIX)
					? group.substring(0, group.length() - DirectoryDocument.HEADS_SUFFIX.length()) : group;
			if (this.directory.office(officeId).isPresent()) {
				offices.add(officeId);
			}
		}
		this.directory.officeOf(assignee).ifPresent(offices::add);
		return offices;
	}

	private String routedTo(String assignee, List<String> groups, List<String> users) {
		if (assignee != null) {
			String office = this.directory.officeOf(assignee).map(this.directory::officeName).orElse(null);
			return displayName(assignee) + ((office == null) ? "" : "（" + office + "）");
		}
		List<String> names = new ArrayList<>();
		if (!groups.isEmpty()) {
			Map<String, String> groupNames = new LinkedHashMap<>();
			privileged(() -> this.identityService.createGroupQuery().groupIdIn(groups.toArray(String[]::new)).list())
				.forEach((group) -> groupNames.put(group.getId(), groupName(group)));
			groups.forEach((group) -> names.add(groupNames.getOrDefault(group, group)));
		}
		users.forEach((user) -> names.add(displayName(user)));
		return names.isEmpty() ? "（未指定）" : String.join("、", names) + "（待认领）";
	}

	private static String groupName(Group group) {
		return (group.getName() == null || group.getName().isBlank()) ? group.getId() : group.getName();
	}

	private static String name(User user) {
		String first = (user.getFirstName() == null) ? "" : user.getFirstName();
		String last = (user.getLastName() == null) ? "" : user.getLastName();
		String name = (first + last).strip();
		return name.isEmpty() ? user.getId() : name;
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
		Map<String, Object> values = privileged(
				() -> this.runtimeService.getVariables(processInstanceId, MATTER_VARIABLES));
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

	/**
	 * @param heads user ids of the heads escalated to
	 * @param text e.g. "示范市司法局负责人（吴军）、示范市人民政府办公室负责人（赵磊）"
	 */
	record Escalation(List<String> heads, String text) {
	}

}
