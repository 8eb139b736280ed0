package cn.fazhi.security;

import java.util.List;

import cn.fazhi.security.AuthenticatedGroupsPlugin.AuthenticatedGroupsManager;
import cn.fazhi.support.FazhiSpringTest;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationManager;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

@FazhiSpringTest
@DisplayName("授权检查：按用户所在组检查，不读取全部授权")
class AuthenticatedGroupsPluginTest {

	@Autowired
	ProcessEngineConfigurationImpl configuration;

	@Autowired
	AuthorizationService authorizationService;

	private Authorization grant;

	@AfterEach
	void removeGrant() {
		if (this.grant != null) {
			this.authorizationService.deleteAuthorization(this.grant.getId());
		}
	}

	@Test
	@DisplayName("每次操作使用用户所在的全部组，不再逐次读取授权表中的所有组")
	void shouldCheckWithTheUsersGroupsAsTheyAre() {
		// when: the engine opens its authorization manager for a command
		AuthorizationManager manager = this.configuration.getCommandExecutorTxRequired()
			.execute((context) -> context.getAuthorizationManager());

		// then: it is Fazhi's, which needs no query to know the groups to check
		assertThat(manager).isInstanceOf(AuthenticatedGroupsManager.class);
		assertThat(manager.filterAuthenticatedGroupIds(List.of("justice-bureau", "no-grants", "justice-bureau")))
			.containsExactly("justice-bureau", "no-grants");
		assertThat(manager.filterAuthenticatedGroupIds(null)).isEmpty();
	}

	@Test
	@DisplayName("多出的无授权组不改变检查结果")
	void shouldAnswerAsCamundaWithGroupsThatHoldNoGrant() {
		// given: one group holds READ on one filter
		this.grant = this.authorizationService.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
		this.grant.setGroupId("justice-bureau");
		this.grant.setResource(Resources.FILTER);
		this.grant.setResourceId("authenticated-groups-test");
		this.grant.addPermission(Permissions.READ);
		this.authorizationService.saveAuthorization(this.grant);

		// then: a group without grants neither adds nor takes away
		assertThat(isAllowed(List.of("no-grants", "justice-bureau"))).isTrue();
		assertThat(isAllowed(List.of("justice-bureau"))).isTrue();
		assertThat(isAllowed(List.of("no-grants"))).isFalse();
		assertThat(isAllowed(List.of())).isFalse();
	}

	private boolean isAllowed(List<String> groups) {
		return this.authorizationService.isUserAuthorized("someone-without-grants", groups, Permissions.READ,
				Resources.FILTER, "authenticated-groups-test");
	}

}
