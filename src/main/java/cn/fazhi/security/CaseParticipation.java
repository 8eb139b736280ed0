package cn.fazhi.security;

import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.Set;

import cn.fazhi.directory.Directory;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.HistoricProcessInstancePermissions;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.task.IdentityLink;
import org.springframework.stereotype.Component;

/**
 * Lets everyone who takes part in a case see it: the person who starts it and their
 * office, and every office, role or person a task of the case is routed to, get READ on
 * the process instance and its history, for the instance and every instance that called
 * it. Camunda itself grants only the task (DefaultAuthorizationProvider), not the case
 * around it.
 * <p>
 * Runtime grants disappear with the instance; history grants stay, so that a department
 * can look back at its own cases.
 */
@Component
class CaseParticipation {

	private final AuthorizationService authorizationService;

	private final Directory directory;

	CaseParticipation(AuthorizationService authorizationService, Directory directory) {
		this.authorizationService = authorizationService;
		this.directory = directory;
	}

	/** Process start: the starting user and their office. */
	void onStart(DelegateExecution execution) {
		Authentication authentication = Context.getCommandContext().getAuthentication();
		if (authentication == null || authentication.getUserId() == null) {
			return;
		}
		String userId = authentication.getUserId();
		Set<String> groups = new LinkedHashSet<>();
		this.directory.officeOf(userId).ifPresent(groups::add);
		grant((ExecutionEntity) execution.getProcessInstance(), Set.of(userId), groups);
	}

	/** Task created or assigned: its candidates and its assignee. */
	void onTask(DelegateTask task) {
		Set<String> users = new LinkedHashSet<>();
		Set<String> groups = new LinkedHashSet<>();
		if (task.getAssignee() != null) {
			users.add(task.getAssignee());
		}
		for (IdentityLink link : task.getCandidates()) {
			if (link.getUserId() != null) {
				users.add(link.getUserId());
			}
			if (link.getGroupId() != null) {
				groups.add(link.getGroupId());
			}
		}
		grant((ExecutionEntity) task.getExecution().getProcessInstance(), users, groups);
	}

	/**
	 * Task completed: a task completed without being claimed first (allowed to candidates
	 * over REST) is assigned to whoever completes it, so that history always names the
	 * person who acted.
	 */
	void onComplete(DelegateTask task) {
		Authentication authentication = Context.getCommandContext().getAuthentication();
		if (task.getAssignee() == null && authentication != null && authentication.getUserId() != null) {
			task.setAssignee(authentication.getUserId());
		}
	}

	/**
	 * Grants are a consequence of the step the user takes, not an operation of theirs:
	 * they are written without user operation log entries. Logged, they wrote dozens of
	 * op-log rows per case (7,344 in one benchmark run of about 200 major decisions and
	 * reconsiderations), each with its audit-chain link, for nothing an auditor reads:
	 * the case's replay shows the step itself (issue 8, docs/benchmarks.md).
	 */
	private void grant(ExecutionEntity instance, Set<String> users, Set<String> groups) {
		CommandContext commandContext = Context.getCommandContext();
		boolean logging = commandContext.isUserOperationLogEnabled();
		commandContext.disableUserOperationLog();
		try {
			grantWithoutLog(instance, users, groups);
		}
		finally {
			if (logging) {
				commandContext.enableUserOperationLog();
			}
		}
	}

	private void grantWithoutLog(ExecutionEntity instance, Set<String> users, Set<String> groups) {
		Context.getCommandContext().runWithoutAuthorization(() -> {
			for (ExecutionEntity current = instance; current != null; current = superInstance(current)) {
				String id = current.getProcessInstanceId();
				for (String user : users) {
					ensure(user, null, Resources.PROCESS_INSTANCE, id, Permissions.READ);
					ensure(user, null, Resources.HISTORIC_PROCESS_INSTANCE, id,
							HistoricProcessInstancePermissions.READ);
				}
				for (String group : groups) {
					ensure(null, group, Resources.PROCESS_INSTANCE, id, Permissions.READ);
					ensure(null, group, Resources.HISTORIC_PROCESS_INSTANCE, id,
							HistoricProcessInstancePermissions.READ);
				}
			}
			return null;
		});
	}

	/**
	 * Grants made earlier in the same command are not in the database yet, only in its
	 * cache.
	 */
	private static boolean grantedInThisCommand(String userId, String groupId, Resource resource, String resourceId) {
		return Context.getCommandContext()
			.getDbEntityManager()
			.getCachedEntitiesByType(AuthorizationEntity.class)
			.stream()
			.anyMatch((cached) -> cached.getAuthorizationType() == Authorization.AUTH_TYPE_GRANT
					&& cached.getResourceType() == resource.resourceType() && resourceId.equals(cached.getResourceId())
					&& Objects.equals(userId, cached.getUserId()) && Objects.equals(groupId, cached.getGroupId()));
	}

	private static ExecutionEntity superInstance(ExecutionEntity instance) {
		ExecutionEntity superExecution = instance.getProcessInstance().getSuperExecution();
		return (superExecution == null) ? null : superExecution.getProcessInstance();
	}

	private void ensure(String userId, String groupId, Resource resource, String resourceId, Permission permission) {
		if (grantedInThisCommand(userId, groupId, resource, resourceId)) {
			return;
		}
		var query = this.authorizationService.createAuthorizationQuery()
			.authorizationType(Authorization.AUTH_TYPE_GRANT)
			.resourceType(resource)
			.resourceId(resourceId);
		boolean present = (userId != null) ? query.userIdIn(userId).count() > 0 : query.groupIdIn(groupId).count() > 0;
		if (present) {
			return;
		}
		Authorization authorization = this.authorizationService.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
		authorization.setUserId(userId);
		authorization.setGroupId(groupId);
		authorization.setResource(resource);
		authorization.setResourceId(resourceId);
		authorization.addPermission(permission);
		this.authorizationService.saveAuthorization(authorization);
	}

}
