package cn.fazhi.system;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletContextEvent;

import cn.fazhi.FazhiApplication;
import cn.fazhi.support.TestDatabases;

import org.camunda.bpm.engine.rest.impl.FetchAndLockContextListener;
import org.camunda.community.process_test_coverage.core.engine.ExcludeFromProcessCoverage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;

/**
 * Two nodes starting at the same moment on an empty PostgreSQL database: both must come
 * up, with one engine schema, one deployment and one copy of every directory entry
 * (STACK.md §3 item 6 saw the second node die on a DDL race). Always on the local
 * PostgreSQL server, in a JVM of its own (failsafe execution "integration-nodes").
 */
@ExcludeFromProcessCoverage
class ConcurrentStartNodesIT {

	final List<ConfigurableApplicationContext> nodes = new ArrayList<>();

	/**
	 * Camunda's REST API keeps one long-polling thread per JVM in a static field and
	 * starts it without synchronisation (FetchAndLockContextListener), so two web
	 * applications starting at the same instant in one JVM — which only this test does;
	 * real nodes are separate JVMs — may both try to start it
	 * (IllegalThreadStateException). Starting it once beforehand keeps the race this test
	 * is about: the database schema.
	 */
	private static void startRestLongPollingOnce() {
		new FetchAndLockContextListener().contextInitialized(new ServletContextEvent(mock(ServletContext.class)));
	}

	/**
	 * Spring Boot initialises logging at each application's start, and two starting in
	 * one JVM at the same instant can race on Logback's shared context (a
	 * {@code ConcurrentModificationException} in {@code LoggerContext.putProperty}, seen
	 * once in CI). Real nodes are separate JVMs; the nodes here keep the JVM's logging as
	 * it is, so the race this test is about stays the database schema.
	 */
	private static void keepTheJvmsLogging() {
		System.setProperty(LoggingSystem.SYSTEM_PROPERTY, LoggingSystem.NONE);
	}

	@AfterEach
	void stopNodes() {
		this.nodes.forEach(ConfigurableApplicationContext::close);
		System.clearProperty(LoggingSystem.SYSTEM_PROPERTY);
	}

	@Test
	void shouldStartTwoNodesTogetherOnAnEmptyDatabase() throws Exception {
		// given
		String url = TestDatabases.createPostgresDatabase("race");
		startRestLongPollingOnce();
		keepTheJvmsLogging();
		CountDownLatch go = new CountDownLatch(1);
		// when
		List<CompletableFuture<ConfigurableApplicationContext>> starting = new ArrayList<>();
		for (String node : List.of("node1", "node2")) {
			starting.add(CompletableFuture.supplyAsync(() -> {
				await(go);
				return new SpringApplicationBuilder(FazhiApplication.class).profiles("test")
					.run("--spring.datasource.url=" + url, "--spring.datasource.username=" + TestDatabases.user(),
							"--spring.datasource.password=", "--server.port=0",
							"--camunda.bpm.process-engine-name=" + node);
			}));
		}
		go.countDown();
		for (CompletableFuture<ConfigurableApplicationContext> node : starting) {
			this.nodes.add(node.get(180, TimeUnit.SECONDS));
		}
		// then
		assertThat(this.nodes).allMatch(ConfigurableApplicationContext::isActive);
		try (Connection connection = DriverManager.getConnection(url, TestDatabases.user(), "")) {
			assertThat(count(connection, "select count(*) from act_re_deployment where name_ = 'fazhi'")).isEqualTo(1);
			assertThat(count(connection, "select count(*) from act_ge_schema_log")).isGreaterThanOrEqualTo(1);
			assertThat(count(connection, "select count(*) from act_id_user where id_ = 'demo'")).isEqualTo(1);
			assertThat(count(connection, "select count(*) from fz_dir_sync")).isEqualTo(2);
			assertThat(count(connection, "select count(*) from fz_cal_year")).isEqualTo(3);
			assertThat(count(connection,
					"select count(*) from (select group_id_, resource_type_, resource_id_ from act_ru_authorization "
							+ "where group_id_ is not null group by group_id_, resource_type_, resource_id_, type_ having count(*) > 1) d"))
				.isZero();
		}
	}

	private static long count(Connection connection, String sql) throws SQLException {
		try (Statement statement = connection.createStatement(); ResultSet result = statement.executeQuery(sql)) {
			result.next();
			return result.getLong(1);
		}
	}

	private static void await(CountDownLatch latch) {
		try {
			latch.await();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

}
