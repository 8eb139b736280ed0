package cn.fazhi.support;

import org.camunda.community.process_test_coverage.core.engine.ExcludeFromProcessCoverage;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Base of the tests that use the application over HTTP on a random port, like an outside
 * client. Run twice by the build: on H2 and on the local PostgreSQL
 * ({@link TestDatabases}).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@ExcludeFromProcessCoverage
public abstract class HttpIntegrationTest {

	@Autowired
	protected TestRestTemplate rest;

	@DynamicPropertySource
	static void database(DynamicPropertyRegistry registry) {
		TestDatabases.register(registry);
	}

	protected RestClient as(String user) {
		return RestClient.as(this.rest, user);
	}

	protected RestClient anonymous() {
		return RestClient.anonymous(this.rest);
	}

}
