package cn.fazhi.support;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * The database of the integration tests: embedded H2 by default, or, when the build runs
 * them with {@code -Dfazhi.test.database=postgres} (the second failsafe execution), a
 * fresh database on the local PostgreSQL server, created for this JVM and dropped at its
 * end.
 * <p>
 * Testcontainers needs a Docker engine and embedded PostgreSQL refuses to run as root, so
 * the tests use the server every development and CI machine runs at 127.0.0.1:5432.
 */
public final class TestDatabases {

	static final String START_COMMAND = "pg_ctlcluster --skip-systemctl-redirect $(ls /etc/postgresql) main start";

	private static String postgresUrl;

	private TestDatabases() {
	}

	public static boolean isPostgres() {
		return "postgres".equals(System.getProperty("fazhi.test.database"));
	}

	public static void register(DynamicPropertyRegistry registry) {
		if (!isPostgres()) {
			return;
		}
		String url = postgresDatabase();
		registry.add("spring.datasource.url", () -> url);
		registry.add("spring.datasource.username", TestDatabases::user);
		registry.add("spring.datasource.password", () -> "");
	}

	/**
	 * A new, empty database on the local server (for tests that need one of their own).
	 */
	public static String createPostgresDatabase(String prefix) {
		String name = prefix + "_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
		try (Connection admin = connect(serverUrl() + "postgres"); Statement statement = admin.createStatement()) {
			statement.execute("create database " + name);
		}
		catch (SQLException ex) {
			throw unreachable(ex);
		}
		Runtime.getRuntime().addShutdownHook(new Thread(() -> drop(name)));
		return serverUrl() + name;
	}

	public static String user() {
		return System.getProperty("fazhi.test.pg.user", "postgres");
	}

	private static synchronized String postgresDatabase() {
		if (postgresUrl == null) {
			postgresUrl = createPostgresDatabase("fazhi_it");
		}
		return postgresUrl;
	}

	private static String serverUrl() {
		return System.getProperty("fazhi.test.pg.url", "jdbc:postgresql://127.0.0.1:5432/");
	}

	private static Connection connect(String url) throws SQLException {
		return DriverManager.getConnection(url, user(), "");
	}

	private static void drop(String name) {
		try (Connection admin = connect(serverUrl() + "postgres"); Statement statement = admin.createStatement()) {
			statement.execute("drop database if exists " + name + " with (force)");
		}
		catch (SQLException ex) {
			System.err.println("Could not drop test database " + name + ": " + ex.getMessage());
		}
	}

	private static IllegalStateException unreachable(SQLException ex) {
		return new IllegalStateException("The integration tests need the local PostgreSQL server at " + serverUrl()
				+ " (user " + user() + ", trust authentication), but it is not reachable: " + ex.getMessage()
				+ "\nStart it with:  " + START_COMMAND, ex);
	}

}
