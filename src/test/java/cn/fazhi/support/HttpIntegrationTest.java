package cn.fazhi.support;

import java.util.Map;

import org.camunda.community.process_test_coverage.core.engine.ExcludeFromProcessCoverage;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

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

	/**
	 * The one open task of a step that the user sees in a case, checked to come with the
	 * expected Camunda Form from {@code /task/{id}/deployed-form}, as a client would load
	 * it.
	 */
	protected String formTask(String instanceId, String user, String taskKey, String expectedForm) {
		RestClient.Response tasks = as(user)
			.get("/engine-rest/task?processInstanceId=" + instanceId + "&taskDefinitionKey=" + taskKey);
		assertThat(tasks.status()).isEqualTo(200);
		assertThat(tasks.json().size()).as("%s sees task %s of %s: %s", user, taskKey, instanceId, tasks).isEqualTo(1);
		String taskId = tasks.json().get(0).path("id").asText();
		RestClient.Response form = as(user).get("/engine-rest/task/" + taskId + "/deployed-form");
		assertThat(form.status()).as(form.toString()).isEqualTo(200);
		assertThat(form.json().path("id").asText()).isEqualTo(expectedForm);
		return taskId;
	}

	/** Submits a task's form as the user, expecting Camunda's 204. */
	protected void submitForm(String user, String taskId, Map<String, Object> variables) {
		RestClient.Response response = as(user).post("/engine-rest/task/" + taskId + "/submit-form",
				Map.of("variables", variables));
		assertThat(response.status()).as("%s submits %s: %s", user, taskId, response).isEqualTo(204);
	}

}
