package cn.fazhi.security;

import java.util.ArrayList;
import java.util.List;

import cn.fazhi.FazhiApplication;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.community.process_test_coverage.core.engine.ExcludeFromProcessCoverage;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Real start-ups in production mode (demo off), each on an empty in-memory database:
 * refused with a default administrator password, and without any demo person when it
 * starts. Runs in a JVM of its own (failsafe execution "integration-nodes").
 */
@ExcludeFromProcessCoverage
class ProductionModeNodesIT {

	@Test
	void shouldNotStartInProductionModeWithADefaultAdministratorPassword() {
		// when / then: a real start-up, demo off, administrator password "demo"
		assertThatThrownBy(() -> start("fazhi.demo.enabled=false", "fazhi.admin.id=admin", "fazhi.admin.password=demo"))
			.hasStackTraceContaining("FAZHI_ADMIN_PASSWORD 未设置、少于 12 位或是默认密码");
	}

	@Test
	void shouldStartInProductionModeWithoutDemoPeople() {
		// when
		try (ConfigurableApplicationContext production = start("fazhi.demo.enabled=false", "fazhi.admin.id=admin",
				"fazhi.admin.password=correct-horse-battery")) {
			IdentityService identity = production.getBean(IdentityService.class);
			// then: the administrator exists, none of the demo people do
			assertThat(identity.checkPassword("admin", "correct-horse-battery")).isTrue();
			assertThat(identity.createUserQuery().memberOfGroup("camunda-admin").list()).extracting("id")
				.containsExactly("admin");
			assertThat(identity.createUserQuery().userId("zhangwei").count()).isZero();
			assertThat(identity.createGroupQuery().groupId("justice-bureau").count()).isOne();
		}
	}

	/**
	 * A second application, configured by command-line arguments (they beat the profiles'
	 * files).
	 */
	private static ConfigurableApplicationContext start(String... properties) {
		List<String> arguments = new ArrayList<>(
				List.of("--server.port=0", "--camunda.bpm.process-engine-name=production",
						"--spring.datasource.url=jdbc:h2:mem:production-" + System.nanoTime() + ";DB_CLOSE_DELAY=-1"));
		for (String property : properties) {
			arguments.add("--" + property);
		}
		return new SpringApplicationBuilder(FazhiApplication.class).profiles("test")
			.run(arguments.toArray(String[]::new));
	}

}
