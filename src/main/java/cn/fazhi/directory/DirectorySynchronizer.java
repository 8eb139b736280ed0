package cn.fazhi.directory;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import cn.fazhi.directory.DirectoryDocument.Office;
import cn.fazhi.directory.DirectoryDocument.Person;
import cn.fazhi.directory.DirectoryDocument.Role;
import cn.fazhi.system.DatabaseLocks;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.boot.sql.init.dependency.DependsOnDatabaseInitialization;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Applies {@code directory.yaml} to Camunda identity and authorizations at every start,
 * before the server takes requests: groups for offices, heads and roles; users with their
 * memberships; the permissions of each profile; the shared Tasklist filters.
 * <p>
 * Idempotent and convergent: what is missing is created, what changed is updated, and
 * what Fazhi created earlier but the file no longer lists is removed (bookkept in
 * {@code fz_dir_managed}; users, groups and grants made by hand in Camunda Admin are
 * never touched). Passwords of existing users are never overwritten. Runs under a
 * database lock so that two nodes starting together do not both create the same user.
 */
@Component
@DependsOnDatabaseInitialization
class DirectorySynchronizer implements InitializingBean {

	static final String ADMIN_GROUP = "camunda-admin";

	private static final Logger log = LoggerFactory.getLogger(DirectorySynchronizer.class);

	private final Directory directory;

	private final IdentityService identityService;

	private final DemoProperties demo;

	private final AdminProperties admin;

	private final ManagedEntries managed;

	private final AuthorizationSync authorizations;

	private final TasklistFilters filters;

	private final DatabaseLocks locks;

	private final JdbcTemplate jdbc;

	private final List<StartupCheck> checks;

	DirectorySynchronizer(Directory directory, IdentityService identityService, DemoProperties demo,
			AdminProperties admin, ManagedEntries managed, AuthorizationSync authorizations, TasklistFilters filters,
			DatabaseLocks locks, JdbcTemplate jdbc, List<StartupCheck> checks) {
		this.directory = directory;
		this.identityService = identityService;
		this.demo = demo;
		this.admin = admin;
		this.managed = managed;
		this.authorizations = authorizations;
		this.filters = filters;
		this.locks = locks;
		this.jdbc = jdbc;
		this.checks = checks;
	}

	@Override
	public void afterPropertiesSet() {
		this.locks.runExclusively("directory", this::synchronize);
		this.checks.forEach(StartupCheck::check);
	}

	void synchronize() {
		synchronize(this.directory.document());
	}

	/** Applies the given directory; returns what changed, as recorded in fz_dir_sync. */
	String synchronize(DirectoryDocument document) {
		Map<String, Group> groups = desiredGroups(document);
		Map<String, DesiredUser> users = desiredUsers(document);
		List<String> summary = new ArrayList<>();
		summary.add(syncGroups(groups));
		summary.add(syncUsers(users));
		summary.add(syncMemberships(users, groups.keySet()));
		summary.add(this.authorizations.sync(document));
		summary.add(this.filters.sync(document));
		String text = String.join("; ", summary);
		this.jdbc.update("insert into fz_dir_sync (version, synced_at, summary) values (?, ?, ?)", document.version(),
				Timestamp.from(Instant.now()), text.length() > 2000 ? text.substring(0, 2000) : text);
		log.info("Organisation directory {} applied: {}", document.version(), text);
		return text;
	}

	private Map<String, Group> desiredGroups(DirectoryDocument document) {
		Map<String, Group> groups = new LinkedHashMap<>();
		for (Office office : document.offices()) {
			groups.put(office.id(), group(office.id(), office.name(), DirectoryDocument.GROUP_TYPE_OFFICE));
			groups.put(office.headsGroupId(),
					group(office.headsGroupId(), office.name() + "负责人", DirectoryDocument.GROUP_TYPE_ROLE));
		}
		for (Role role : document.roles()) {
			String type = (role.type() == null) ? DirectoryDocument.GROUP_TYPE_ROLE : role.type();
			groups.put(role.id(), group(role.id(), role.name(), type));
		}
		return groups;
	}

	private Group group(String id, String name, String type) {
		Group group = this.identityService.newGroup(id);
		group.setName(name);
		group.setType(type);
		return group;
	}

	private Map<String, DesiredUser> desiredUsers(DirectoryDocument document) {
		Map<String, DesiredUser> users = new LinkedHashMap<>();
		for (Person person : document.people()) {
			if (person.demo() && !this.demo.enabled()) {
				continue;
			}
			Set<String> memberOf = new LinkedHashSet<>();
			memberOf.add(person.office());
			if (person.head()) {
				memberOf.add(person.office() + DirectoryDocument.HEADS_SUFFIX);
			}
			memberOf.addAll(person.roles());
			String password = person.demo() ? this.demo.password() : null;
			users.put(person.id(), new DesiredUser(person.id(), person.name(), person.email(), password, memberOf));
		}
		if (this.admin.isConfigured() && !users.containsKey(this.admin.id())) {
			users.put(this.admin.id(), new DesiredUser(this.admin.id(), "系统管理员", this.admin.email(),
					this.admin.password(), Set.of(ADMIN_GROUP)));
		}
		return users;
	}

	private String syncGroups(Map<String, Group> desired) {
		int created = 0;
		int updated = 0;
		for (Group wanted : desired.values()) {
			Group existing = this.identityService.createGroupQuery().groupId(wanted.getId()).singleResult();
			if (existing == null) {
				this.identityService.saveGroup(wanted);
				created++;
			}
			else if (!Objects.equals(existing.getName(), wanted.getName())
					|| !Objects.equals(existing.getType(), wanted.getType())) {
				existing.setName(wanted.getName());
				existing.setType(wanted.getType());
				this.identityService.saveGroup(existing);
				updated++;
			}
			this.managed.add(ManagedEntries.GROUP, wanted.getId());
		}
		int removed = 0;
		for (String id : this.managed.list(ManagedEntries.GROUP)) {
			if (!desired.containsKey(id)) {
				this.identityService.deleteGroup(id);
				this.managed.remove(ManagedEntries.GROUP, id);
				removed++;
			}
		}
		return "groups +" + created + " ~" + updated + " -" + removed;
	}

	private String syncUsers(Map<String, DesiredUser> desired) {
		int created = 0;
		int updated = 0;
		for (DesiredUser wanted : desired.values()) {
			User existing = this.identityService.createUserQuery().userId(wanted.id()).singleResult();
			if (existing == null) {
				User user = this.identityService.newUser(wanted.id());
				user.setFirstName(wanted.name());
				user.setLastName("");
				user.setEmail(wanted.email());
				if (wanted.password() != null && !wanted.password().isEmpty()) {
					user.setPassword(wanted.password());
				}
				this.identityService.saveUser(user);
				created++;
			}
			else if (!Objects.equals(existing.getFirstName(), wanted.name())
					|| !Objects.equals(existing.getEmail(), wanted.email())) {
				existing.setFirstName(wanted.name());
				existing.setLastName("");
				existing.setEmail(wanted.email());
				this.identityService.saveUser(existing);
				updated++;
			}
			this.managed.add(ManagedEntries.USER, wanted.id());
		}
		int removed = 0;
		for (String id : this.managed.list(ManagedEntries.USER)) {
			if (!desired.containsKey(id)) {
				this.identityService.deleteUser(id);
				this.managed.remove(ManagedEntries.USER, id);
				removed++;
			}
		}
		return "users +" + created + " ~" + updated + " -" + removed;
	}

	private String syncMemberships(Map<String, DesiredUser> users, Set<String> managedGroups) {
		int added = 0;
		int removed = 0;
		for (DesiredUser user : users.values()) {
			Set<String> current = new LinkedHashSet<>();
			this.identityService.createGroupQuery()
				.groupMember(user.id())
				.list()
				.forEach((group) -> current.add(group.getId()));
			for (String groupId : user.memberOf()) {
				if (!current.contains(groupId)) {
					this.identityService.createMembership(user.id(), groupId);
					added++;
				}
			}
			for (String groupId : current) {
				if (managedGroups.contains(groupId) && !user.memberOf().contains(groupId)) {
					this.identityService.deleteMembership(user.id(), groupId);
					removed++;
				}
			}
		}
		return "memberships +" + added + " -" + removed;
	}

	private record DesiredUser(String id, String name, String email, String password, Set<String> memberOf) {
	}

}
