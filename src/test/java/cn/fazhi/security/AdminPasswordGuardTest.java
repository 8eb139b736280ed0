package cn.fazhi.security;

import cn.fazhi.directory.AdminProperties;
import cn.fazhi.directory.DemoProperties;
import cn.fazhi.support.FazhiSpringTest;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Production mode (demo off) refuses to run with a default administrator password, and
 * says why.
 */
@FazhiSpringTest
class AdminPasswordGuardTest {

	@Autowired
	IdentityService identityService;

	@Autowired
	ProcessEngineConfigurationImpl configuration;

	@Test
	void shouldAllowDemoPasswordsInDemoMode() {
		AdminPasswordGuard guard = guard(true, null, null);
		assertThatCode(guard::check).doesNotThrowAnyException();
	}

	@Test
	void shouldRefuseAnAdministratorWhoseStoredPasswordIsADefault() {
		// given: the demo administrator demo/demo is in the database, and demo mode is
		// off
		AdminPasswordGuard guard = guard(false, "admin", "a-long-and-unusual-secret");
		// when / then
		assertThatThrownBy(guard::check).hasMessageContaining("生产模式")
			.hasMessageContaining("管理员 demo 仍在使用默认密码")
			.hasMessageContaining("Refusing to start in production mode");
		// and the check counts no failed login against the real account
		assertThat(this.identityService.checkPassword("demo", "demo")).isTrue();
	}

	@Test
	void shouldRefuseAWeakConfiguredAdministratorPassword() {
		assertThatThrownBy(guard(false, "admin", "demo")::check).hasMessageContaining("FAZHI_ADMIN_PASSWORD");
		assertThatThrownBy(guard(false, "admin", "short")::check).hasMessageContaining("FAZHI_ADMIN_PASSWORD");
	}

	private AdminPasswordGuard guard(boolean demo, String adminId, String adminPassword) {
		return new AdminPasswordGuard(new DemoProperties(demo, "demo"),
				new AdminProperties(adminId, adminPassword, null), this.identityService, this.configuration);
	}

}
