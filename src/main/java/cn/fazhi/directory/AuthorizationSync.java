package cn.fazhi.directory;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import cn.fazhi.directory.DirectoryDocument.Grant;
import cn.fazhi.directory.DirectoryDocument.Office;
import cn.fazhi.directory.DirectoryDocument.Role;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.impl.cfg.auth.PermissionProvider;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.stereotype.Component;

/**
 * Grants each directory group the Camunda permissions of its profiles, exactly: missing
 * grants are created, extra permissions on a managed grant are taken away, and grants the
 * directory no longer lists are deleted.
 */
@Component
class AuthorizationSync {

	private final AuthorizationService authorizationService;

	private final PermissionProvider permissionProvider;

	private final ManagedEntries managed;

	AuthorizationSync(AuthorizationService authorizationService, ProcessEngineConfigurationImpl configuration,
			ManagedEntries managed) {
		this.authorizationService = authorizationService;
		this.permissionProvider = configuration.getPermissionProvider();
		this.managed = managed;
	}

	String sync(DirectoryDocument document) {
		Map<String, DesiredGrant> desired = desiredGrants(document);
		int changed = 0;
		for (DesiredGrant grant : desired.values()) {
			if (apply(grant)) {
				changed++;
			}
			this.managed.add(ManagedEntries.AUTHORIZATION, grant.key());
		}
		int removed = 0;
		for (String key : this.managed.list(ManagedEntries.AUTHORIZATION)) {
			if (!desired.containsKey(key)) {
				String[] parts = key.split("\\|", 3);
				find(parts[0], Integer.parseInt(parts[1]), parts[2])
					.forEach((authorization) -> this.authorizationService.deleteAuthorization(authorization.getId()));
				this.managed.remove(ManagedEntries.AUTHORIZATION, key);
				removed++;
			}
		}
		return "grants " + desired.size() + " (~" + changed + " -" + removed + ")";
	}

	private Map<String, DesiredGrant> desiredGrants(DirectoryDocument document) {
		Map<String, DesiredGrant> desired = new LinkedHashMap<>();
		for (Office office : document.offices()) {
			addProfiles(desired, office.id(), office.profiles(), document);
		}
		for (Role role : document.roles()) {
			addProfiles(desired, role.id(), role.profiles(), document);
		}
		return desired;
	}

	private void addProfiles(Map<String, DesiredGrant> desired, String groupId, List<String> profiles,
			DirectoryDocument document) {
		for (String profile : profiles) {
			for (Grant grant : document.profiles().get(profile)) {
				for (Resource resource : resources(grant.resource())) {
					DesiredGrant wanted = new DesiredGrant(groupId, resource, grant.id(), new TreeSet<>());
					DesiredGrant merged = desired.computeIfAbsent(wanted.key(), (key) -> wanted);
					for (String permission : grant.permissions()) {
						merged.permissions().add(permission);
					}
				}
			}
		}
	}

	private static List<Resource> resources(String name) {
		if ("*".equals(name)) {
			return Arrays.asList(Resources.values());
		}
		try {
			return List.of(Resources.valueOf(name));
		}
		catch (IllegalArgumentException ex) {
			throw new IllegalStateException("Directory grants name an unknown Camunda resource: " + name, ex);
		}
	}

	/**
	 * @return whether anything had to change
	 */
	private boolean apply(DesiredGrant grant) {
		Permission[] wanted = grant.permissions()
			.stream()
			.map((name) -> permission(name, grant.resource()))
			.toArray(Permission[]::new);
		List<Authorization> existing = find(grant.groupId(), grant.resource().resourceType(), grant.resourceId());
		Authorization authorization;
		if (existing.isEmpty()) {
			authorization = this.authorizationService.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
			authorization.setGroupId(grant.groupId());
			authorization.setResource(grant.resource());
			authorization.setResourceId(grant.resourceId());
		}
		else {
			authorization = existing.get(0);
			existing.subList(1, existing.size())
				.forEach((duplicate) -> this.authorizationService.deleteAuthorization(duplicate.getId()));
			if (samePermissions(authorization, wanted, grant.resource())) {
				return existing.size() > 1;
			}
		}
		authorization.setPermissions(wanted);
		this.authorizationService.saveAuthorization(authorization);
		return true;
	}

	private boolean samePermissions(Authorization authorization, Permission[] wanted, Resource resource) {
		Set<String> have = new TreeSet<>();
		for (Permission permission : authorization
			.getPermissions(this.permissionProvider.getPermissionsForResource(resource.resourceType()))) {
			have.add(permission.getName());
		}
		Set<String> want = new TreeSet<>();
		for (Permission permission : wanted) {
			want.add(permission.getName());
		}
		if (want.contains("ALL")) {
			return have.contains("ALL");
		}
		have.remove("NONE");
		return have.equals(want);
	}

	private Permission permission(String name, Resource resource) {
		try {
			return this.permissionProvider.getPermissionForName(name, resource.resourceType());
		}
		catch (RuntimeException ex) {
			throw new IllegalStateException(
					"Directory grants unknown permission " + name + " on " + resource.resourceName(), ex);
		}
	}

	private List<Authorization> find(String groupId, int resourceType, String resourceId) {
		return new ArrayList<>(this.authorizationService.createAuthorizationQuery()
			.authorizationType(Authorization.AUTH_TYPE_GRANT)
			.groupIdIn(groupId)
			.resourceType(resourceType)
			.resourceId(resourceId)
			.list());
	}

	private record DesiredGrant(String groupId, Resource resource, String resourceId, Set<String> permissions) {

		String key() {
			return this.groupId + "|" + this.resource.resourceType() + "|" + this.resourceId;
		}

	}

}
