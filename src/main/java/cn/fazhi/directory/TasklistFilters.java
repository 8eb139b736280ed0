package cn.fazhi.directory;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import cn.fazhi.directory.DirectoryDocument.Office;
import cn.fazhi.directory.DirectoryDocument.OfficeKind;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.task.TaskQuery;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The shared Tasklist filters, in Chinese. Camunda Tasklist lists tasks only through
 * filters; each filter is a saved task query evaluated with the reader's own permissions,
 * so "全部可见任务" shows a department only its own work.
 * <p>
 * Three filters are for everyone. Each office (except supervision offices, which never
 * act) also has "即将到期（office）" and "已超期（office）" (ADR 0011), readable by the office's
 * members only, over the tasks routed to the office or its heads and the reader's own
 * tasks. Their dates are expressions evaluated whenever a filter is opened: now on the
 * engine clock, and the end of the reminder lead period on the working-day calendar
 * ({@code workCalendar.periodEnd}, the bound the reminder scan uses too). Filters Fazhi
 * made for offices the directory no longer lists are deleted.
 */
@Component
class TasklistFilters {

	/** Process variables shown on every task card. */
	private static final List<Map<String, String>> CARD_VARIABLES = List
		.of(Map.of("name", "matterTitle", "label", "事项名称"), Map.of("name", "submittingOfficeName", "label", "报送单位"));

	private final FilterService filterService;

	private final TaskService taskService;

	private final AuthorizationService authorizationService;

	private final ManagedEntries managed;

	private final int leadWorkingDays;

	TasklistFilters(FilterService filterService, TaskService taskService, AuthorizationService authorizationService,
			ManagedEntries managed, @Value("${fazhi.reminders.lead-working-days:2}") int leadWorkingDays) {
		this.filterService = filterService;
		this.taskService = taskService;
		this.authorizationService = authorizationService;
		this.managed = managed;
		this.leadWorkingDays = leadWorkingDays;
	}

	static String dueSoonName(Office office) {
		return "即将到期（" + office.name() + "）";
	}

	static String overdueName(Office office) {
		return "已超期（" + office.name() + "）";
	}

	String sync(DirectoryDocument document) {
		Set<String> names = new LinkedHashSet<>();
		names.add(forEveryone("我的待办", -10, "已分配给我、由我办理的任务",
				this.taskService.createTaskQuery().taskAssigneeExpression("${currentUser()}").orderByDueDate().asc()));
		names.add(forEveryone("本单位待认领", -5, "发给我所在单位或角色、尚未认领的任务",
				this.taskService.createTaskQuery()
					.taskCandidateGroupInExpression("${currentUserGroups()}")
					.taskUnassigned()
					.orderByDueDate()
					.asc()));
		names.add(forEveryone("全部可见任务", 0, "我有权查看的全部任务（审计监督人员可查看全部任务，但不能办理）",
				this.taskService.createTaskQuery().orderByDueDate().asc()));
		for (Office office : document.offices()) {
			if (office.kind() == OfficeKind.SUPERVISION) {
				continue;
			}
			names.add(forOffice(office, dueSoonName(office), -4,
					"本单位办理期限在" + this.leadWorkingDays + "个工作日内（含今日）、尚未超期的任务",
					officeTasks(office).dueAfterExpression("${now()}")
						.dueBeforeExpression(
								"${workCalendar.periodEnd(now(), " + this.leadWorkingDays + ", 'WORKING_DAYS')}")));
			names.add(forOffice(office, overdueName(office), -3, "本单位已超过办理期限、尚未办结的任务",
					officeTasks(office).dueBeforeExpression("${now()}")));
		}
		int removed = 0;
		for (String name : this.managed.list(ManagedEntries.FILTER)) {
			if (!names.contains(name)) {
				Filter stale = this.filterService.createFilterQuery().filterName(name).singleResult();
				if (stale != null) {
					this.filterService.deleteFilter(stale.getId());
				}
				this.managed.remove(ManagedEntries.FILTER, name);
				removed++;
			}
		}
		return "filters " + names.size() + " -" + removed;
	}

	/**
	 * Tasks routed to the office or its heads (claimed or not), or assigned to the
	 * reader.
	 */
	private TaskQuery officeTasks(Office office) {
		return this.taskService.createTaskQuery()
			.or()
			.taskCandidateGroupIn(List.of(office.id(), office.headsGroupId()))
			.includeAssignedTasks()
			.taskAssigneeExpression("${currentUser()}")
			.endOr()
			.orderByDueDate()
			.asc();
	}

	private String forEveryone(String name, int priority, String description, TaskQuery query) {
		Filter filter = save(name, priority, description, query);
		grantRead(filter.getId(), Authorization.AUTH_TYPE_GLOBAL, null);
		return name;
	}

	private String forOffice(Office office, String name, int priority, String description, TaskQuery query) {
		Filter filter = save(name, priority, description, query);
		grantRead(filter.getId(), Authorization.AUTH_TYPE_GRANT, office.id());
		return name;
	}

	private Filter save(String name, int priority, String description, TaskQuery query) {
		Filter filter = this.filterService.createFilterQuery().filterName(name).singleResult();
		if (filter == null) {
			filter = this.filterService.newTaskFilter(name);
		}
		filter.setQuery(query);
		filter.setProperties(
				Map.of("priority", priority, "description", description, "refresh", true, "variables", CARD_VARIABLES));
		filter = this.filterService.saveFilter(filter);
		this.managed.add(ManagedEntries.FILTER, name);
		return filter;
	}

	/** READ for everyone (global) or for one office's members (a group grant). */
	private void grantRead(String filterId, int type, String groupId) {
		var query = this.authorizationService.createAuthorizationQuery()
			.authorizationType(type)
			.resourceType(Resources.FILTER)
			.resourceId(filterId);
		if (groupId != null) {
			query.groupIdIn(groupId);
		}
		if (query.count() > 0) {
			return;
		}
		Authorization authorization = this.authorizationService.createNewAuthorization(type);
		if (groupId == null) {
			authorization.setUserId(Authorization.ANY);
		}
		else {
			authorization.setGroupId(groupId);
		}
		authorization.setResource(Resources.FILTER);
		authorization.setResourceId(filterId);
		authorization.addPermission(Permissions.READ);
		this.authorizationService.saveAuthorization(authorization);
	}

}
