package cn.fazhi.directory;

import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.task.TaskQuery;
import org.springframework.stereotype.Component;

/**
 * The shared Tasklist filters, in Chinese, readable by everyone. Camunda Tasklist lists
 * tasks only through filters; each filter is a saved task query evaluated with the
 * reader's own permissions, so "全部可见任务" shows a department only its own work.
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

	TasklistFilters(FilterService filterService, TaskService taskService, AuthorizationService authorizationService,
			ManagedEntries managed) {
		this.filterService = filterService;
		this.taskService = taskService;
		this.authorizationService = authorizationService;
		this.managed = managed;
	}

	String sync() {
		save("我的待办", -10, "已分配给我、由我办理的任务",
				this.taskService.createTaskQuery().taskAssigneeExpression("${currentUser()}").orderByDueDate().asc());
		save("本单位待认领", -5, "发给我所在单位或角色、尚未认领的任务",
				this.taskService.createTaskQuery()
					.taskCandidateGroupInExpression("${currentUserGroups()}")
					.taskUnassigned()
					.orderByDueDate()
					.asc());
		save("全部可见任务", 0, "我有权查看的全部任务（审计监督人员可查看全部任务，但不能办理）", this.taskService.createTaskQuery().orderByDueDate().asc());
		return "filters 3";
	}

	private void save(String name, int priority, String description, TaskQuery query) {
		Filter filter = this.filterService.createFilterQuery().filterName(name).singleResult();
		if (filter == null) {
			filter = this.filterService.newTaskFilter(name);
		}
		filter.setQuery(query);
		filter.setProperties(
				Map.of("priority", priority, "description", description, "refresh", true, "variables", CARD_VARIABLES));
		this.filterService.saveFilter(filter);
		this.managed.add(ManagedEntries.FILTER, name);
		grantReadToEveryone(filter.getId());
	}

	private void grantReadToEveryone(String filterId) {
		boolean granted = this.authorizationService.createAuthorizationQuery()
			.authorizationType(Authorization.AUTH_TYPE_GLOBAL)
			.resourceType(Resources.FILTER)
			.resourceId(filterId)
			.count() > 0;
		if (!granted) {
			Authorization authorization = this.authorizationService
				.createNewAuthorization(Authorization.AUTH_TYPE_GLOBAL);
			authorization.setUserId(Authorization.ANY);
			authorization.setResource(Resources.FILTER);
			authorization.setResourceId(filterId);
			authorization.addPermission(Permissions.READ);
			this.authorizationService.saveAuthorization(authorization);
		}
	}

}
