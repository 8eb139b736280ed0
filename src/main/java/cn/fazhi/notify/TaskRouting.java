package cn.fazhi.notify;

import java.time.Duration;
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
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

/**
 * Who a task concerns, from its identity links and the directory: who must act on it,
 * which offices it is routed to, and who supervises it (督办): the heads of those offices
 * and of the offices the directory names as their {@code supervisor}. Reads without the
 * acting user's authorization: routing must see the whole organisation.
 * <p>
 * Group members and mail addresses are remembered for {@link #REMEMBER}: a scan over
 * thousands of tasks asks about the same few groups again and again, and a change in
 * Camunda Admin may well wait a minute.
 */
@Component
class TaskRouting {

	static final Duration REMEMBER = Duration.ofMinutes(1);

	private final Map<String, Remembered<List<User>>> members = new ConcurrentHashMap<>();

	private final Map<String, Remembered<String>> emails = new ConcurrentHashMap<>();

	private final TaskService taskService;

	private final IdentityService identityService;

	private final Directory directory;

	TaskRouting(TaskService taskService, IdentityService identityService, Directory directory) {
		this.taskService = taskService;
		this.identityService = identityService;
		this.directory = directory;
	}

	/**
	 * @param handlers the assignee, else the candidate users and the members of the
	 * candidate groups (user ids, in order)
	 * @param offices candidate groups that are offices or their heads groups, and the
	 * assignee's office
	 * @param text the assignee, or the candidates, in words
	 */
	record Route(List<String> handlers, Set<String> offices, String text) {
	}

	/**
	 * @param heads user ids of the heads escalated to
	 * @param text e.g. "示范市司法局负责人（吴军）、示范市人民政府办公室负责人（赵磊）"
	 */
	record Escalation(List<String> heads, String text) {
	}

	Route route(Task task) {
		List<String> groups = new ArrayList<>();
		List<String> users = new ArrayList<>();
		for (IdentityLink link : privileged(() -> this.taskService.getIdentityLinksForTask(task.getId()))) {
			if (IdentityLinkType.CANDIDATE.equals(link.getType())) {
				if (link.getGroupId() != null) {
					groups.add(link.getGroupId());
				}
				if (link.getUserId() != null) {
					users.add(link.getUserId());
				}
			}
		}
		String assignee = task.getAssignee();
		return new Route(handlers(assignee, groups, users), offices(assignee, groups), text(assignee, groups, users));
	}

	/** The heads of the offices and of the offices supervising them. */
	Escalation escalation(Set<String> offices) {
		Set<String> heads = new LinkedHashSet<>();
		List<String> words = new ArrayList<>();
		for (String officeId : offices) {
			this.directory.office(officeId).ifPresent((office) -> {
				addHeads(office, heads, words);
				if (office.supervisor() != null) {
					this.directory.office(office.supervisor())
						.ifPresent((supervisor) -> addHeads(supervisor, heads, words));
				}
			});
		}
		return new Escalation(List.copyOf(heads), words.isEmpty() ? "（目录中未登记负责人）" : String.join("、", words));
	}

	/** Mail addresses of users, in their order; users without one are left out. */
	List<String> emails(Collection<String> userIds) {
		String[] unknown = userIds.stream()
			.filter((id) -> !fresh(this.emails.get(id)))
			.distinct()
			.toArray(String[]::new);
		if (unknown.length > 0) {
			Map<String, String> found = new LinkedHashMap<>();
			privileged(() -> this.identityService.createUserQuery().userIdIn(unknown).list())
				.forEach((user) -> found.put(user.getId(), user.getEmail()));
			for (String id : unknown) {
				this.emails.put(id, new Remembered<>(found.get(id)));
			}
		}
		return userIds.stream()
			.map((id) -> this.emails.get(id).value())
			.filter((mail) -> mail != null && !mail.isBlank())
			.distinct()
			.toList();
	}

	private List<User> members(String groupId) {
		Remembered<List<User>> known = this.members.get(groupId);
		if (fresh(known)) {
			return known.value();
		}
		List<User> users = this.directory.members(groupId);
		users.forEach((user) -> this.emails.put(user.getId(), new Remembered<>(user.getEmail())));
		this.members.put(groupId, new Remembered<>(users));
		return users;
	}

	private static boolean fresh(Remembered<?> known) {
		return known != null && System.nanoTime() - known.at() < REMEMBER.toNanos();
	}

	private void addHeads(Office office, Set<String> heads, List<String> words) {
		List<User> members = members(office.headsGroupId());
		members.forEach((user) -> heads.add(user.getId()));
		String names = String.join("、", members.stream().map(TaskRouting::name).toList());
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
			members(group).forEach((user) -> handlers.add(user.getId()));
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

	private String text(String assignee, List<String> groups, List<String> users) {
		if (assignee != null) {
			String office = this.directory.officeOf(assignee).map(this.directory::officeName).orElse(null);
			return this.directory.displayName(assignee) + ((office == null) ? "" : "（" + office + "）");
		}
		List<String> names = new ArrayList<>();
		if (!groups.isEmpty()) {
			Map<String, String> groupNames = new LinkedHashMap<>();
			privileged(() -> this.identityService.createGroupQuery().groupIdIn(groups.toArray(String[]::new)).list())
				.forEach((group) -> groupNames.put(group.getId(), groupName(group)));
			groups.forEach((group) -> names.add(groupNames.getOrDefault(group, group)));
		}
		users.forEach((user) -> names.add(this.directory.displayName(user)));
		return names.isEmpty() ? "（未指定）" : String.join("、", names) + "（待认领）";
	}

	private static String groupName(Group group) {
		return (group.getName() == null || group.getName().isBlank()) ? group.getId() : group.getName();
	}

	private static String name(User user) {
		String name = ((user.getFirstName() == null ? "" : user.getFirstName())
				+ (user.getLastName() == null ? "" : user.getLastName()))
			.strip();
		return name.isEmpty() ? user.getId() : name;
	}

	private <T> T privileged(Supplier<T> work) {
		return Privileged.call(this.identityService, work);
	}

	private record Remembered<T>(T value, long at) {

		Remembered(T value) {
			this(value, System.nanoTime());
		}

	}

}
