package cn.fazhi.directory;

import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

import cn.fazhi.directory.DirectoryDocument.Office;
import cn.fazhi.directory.DirectoryDocument.Person;
import cn.fazhi.system.engine.Privileged;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.springframework.stereotype.Component;

/**
 * The organisation directory at run time: the loaded {@link DirectoryDocument} for what
 * only it knows (office kinds, supervisors, heads, experts' fields) and Camunda identity
 * for membership, so that people added by hand in Camunda Admin are found too.
 * <p>
 * Identity queries here run without the caller's authorization: routing must see the
 * whole organisation even when the acting user may not list other offices' people.
 */
@Component
public class Directory {

	private final DirectoryDocument document;

	private final IdentityService identityService;

	Directory(DirectoryProperties properties, IdentityService identityService) {
		this.document = DirectoryLoader.load(properties.location());
		this.identityService = identityService;
	}

	public DirectoryDocument document() {
		return this.document;
	}

	public String version() {
		return this.document.version();
	}

	public List<Office> offices() {
		return this.document.offices();
	}

	public Optional<Office> office(String officeId) {
		return this.document.offices().stream().filter((office) -> office.id().equals(officeId)).findFirst();
	}

	public Optional<Person> person(String userId) {
		return this.document.people().stream().filter((person) -> person.id().equals(userId)).findFirst();
	}

	/** The office a person belongs to: their group of type {@code OFFICE}. */
	public Optional<String> officeOf(String userId) {
		if (userId == null) {
			return Optional.empty();
		}
		return privileged(() -> this.identityService.createGroupQuery()
			.groupMember(userId)
			.groupType(DirectoryDocument.GROUP_TYPE_OFFICE)
			.orderByGroupId()
			.asc()
			.list()
			.stream()
			.map(Group::getId)
			.findFirst());
	}

	/** Members of a group (an office, a heads group or a role), ordered by id. */
	public List<User> members(String groupId) {
		return privileged(
				() -> this.identityService.createUserQuery().memberOfGroup(groupId).orderByUserId().asc().list());
	}

	public boolean isMember(String userId, String groupId) {
		return userId != null && privileged(
				() -> this.identityService.createUserQuery().userId(userId).memberOfGroup(groupId).count() > 0);
	}

	/**
	 * Display name of a user: the Chinese full name, or the id if the user is unknown.
	 */
	public String displayName(String userId) {
		User user = privileged(() -> this.identityService.createUserQuery().userId(userId).singleResult());
		if (user == null) {
			return userId;
		}
		String first = user.getFirstName() == null ? "" : user.getFirstName();
		String last = user.getLastName() == null ? "" : user.getLastName();
		String name = (first + last).strip();
		return name.isEmpty() ? userId : name;
	}

	private <T> T privileged(Supplier<T> query) {
		return Privileged.call(this.identityService, query);
	}

	public String officeName(String officeId) {
		return office(officeId).map(Office::name).orElse(officeId);
	}

}
