package cn.fazhi.directory;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import cn.fazhi.directory.DirectoryDocument.Grant;
import cn.fazhi.directory.DirectoryDocument.Office;
import cn.fazhi.directory.DirectoryDocument.Person;
import cn.fazhi.support.FazhiSpringTest;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The directory is applied idempotently and convergently: a second load changes nothing,
 * a changed file is applied in full, entries removed from the file disappear, and what an
 * administrator made by hand stays.
 */
@FazhiSpringTest
class DirectorySynchronizerTest {

	@Autowired
	DirectorySynchronizer synchronizer;

	@Autowired
	Directory directory;

	@Autowired
	IdentityService identityService;

	@Autowired
	AuthorizationService authorizationService;

	@AfterEach
	void restoreTheDirectory() {
		this.synchronizer.synchronize(this.directory.document());
		if (this.identityService.createUserQuery().userId("manual").count() > 0) {
			this.identityService.deleteUser("manual");
		}
	}

	@Test
	void shouldChangeNothingWhenTheSameDirectoryIsLoadedAgain() {
		// given
		long users = this.identityService.createUserQuery().count();
		long authorizations = this.authorizationService.createAuthorizationQuery().count();
		// when
		String summary = this.synchronizer.synchronize(this.directory.document());
		// then
		assertThat(summary).contains("groups +0 ~0 -0", "users +0 ~0 -0", "memberships +0 -0", "(~0 -0)");
		assertThat(this.identityService.createUserQuery().count()).isEqualTo(users);
		assertThat(this.authorizationService.createAuthorizationQuery().count()).isEqualTo(authorizations);
	}

	@Test
	void shouldApplyEveryKindOfChangeAndLeaveManualEntriesAlone() {
		// given: an administrator created a user by hand in Camunda Admin
		User manual = this.identityService.newUser("manual");
		manual.setFirstName("手工");
		this.identityService.saveUser(manual);
		this.identityService.createMembership("manual", "dept-edu");
		// and the directory changes: 张伟 renamed and moved, 王芳 leaves, a new office, 审计
		// loses Cockpit
		DirectoryDocument original = this.directory.document();
		List<Person> people = new ArrayList<>();
		for (Person person : original.people()) {
			if (person.id().equals("zhangwei")) {
				people.add(new Person("zhangwei", "张伟（调任）", "dept-hcd", "zhang.wei@demo-city.fazhi.example", List.of(),
						true, List.of(), true));
			}
			else if (!person.id().equals("wangfang")) {
				people.add(person);
			}
		}
		List<Office> offices = new ArrayList<>(original.offices());
		offices.add(new Office("dept-ep", "示范市生态环境局", DirectoryDocument.OfficeKind.DEPARTMENT, "gov-office",
				List.of("staff")));
		Map<String, List<Grant>> profiles = new HashMap<>(original.profiles());
		profiles.put("auditor",
				original.profiles().get("auditor").stream().filter((g) -> !"cockpit".equals(g.id())).toList());
		DirectoryDocument changed = new DirectoryDocument("test-2", original.government(), offices, original.roles(),
				profiles, people);
		// when
		String summary = this.synchronizer.synchronize(changed);
		// then
		assertThat(summary).contains("groups +2", "users +0 ~1 -1");
		User zhangwei = this.identityService.createUserQuery().userId("zhangwei").singleResult();
		assertThat(zhangwei.getFirstName()).isEqualTo("张伟（调任）");
		assertThat(zhangwei.getEmail()).isEqualTo("zhang.wei@demo-city.fazhi.example");
		assertThat(groupsOf("zhangwei")).containsExactlyInAnyOrder("dept-hcd", "dept-hcd-heads");
		assertThat(this.identityService.createUserQuery().userId("wangfang").count()).isZero();
		assertThat(this.identityService.createGroupQuery().groupId("dept-ep").singleResult().getName())
			.isEqualTo("示范市生态环境局");
		assertThat(cockpitGrants("auditors")).isZero();
		assertThat(groupsOf("manual")).containsExactly("dept-edu");
		assertThat(this.identityService.checkPassword("zhangwei", "demo")).isTrue();
	}

	@Test
	void shouldGiveEveryPersonANameAnOfficeAndAnEmail() {
		for (Person person : this.directory.document().people()) {
			User user = this.identityService.createUserQuery().userId(person.id()).singleResult();
			assertThat(user.getFirstName()).isEqualTo(person.name());
			assertThat(user.getEmail()).contains("@");
			assertThat(this.directory.officeOf(person.id())).contains(person.office());
		}
	}

	private List<String> groupsOf(String userId) {
		return this.identityService.createGroupQuery()
			.groupMember(userId)
			.list()
			.stream()
			.map((g) -> g.getId())
			.toList();
	}

	private long cockpitGrants(String groupId) {
		return this.authorizationService.createAuthorizationQuery()
			.authorizationType(Authorization.AUTH_TYPE_GRANT)
			.groupIdIn(groupId)
			.resourceType(Resources.APPLICATION)
			.resourceId("cockpit")
			.count();
	}

}
