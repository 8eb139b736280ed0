package cn.fazhi.support;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * The database of the integration tests: embedded H2 by default, or, when the build runs
 * them with {@code -Dfazhi.test.database=postgres} (the second failsafe execution), a
 * fresh database on the local PostgreSQL server, created for this JVM.
 * <p>
 * Testcontainers needs a Docker engine and embedded PostgreSQL refuses to run as root, so
 * the tests use the server every development and CI machine runs at 127.0.0.1:5432.
 */
public final class TestDatabases {

	static final String START_COMMAND = "pg_ctlcluster --skip-systemctl-redirect $(ls /etc/postgresql) main start";

	/**
	 * Every database the tests create starts with this, so that stale ones can be found.
	 */
	static final String PREFIX = "fazhi_test_";

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
	 * Test databases of earlier runs that nobody uses any more are dropped first:
	 * dropping at JVM exit would race with the application's own shutdown.
	 */
	public static String createPostgresDatabase(String prefix) {
		return createPostgresDatabases(prefix).get(0);
	}

	/**
	 * New, empty databases on the local server, one per prefix, created together (a
	 * database created but not yet connected to would count as stale for a later call).
	 */
	public static List<String> createPostgresDatabases(String... prefixes) {
		List<String> urls = new ArrayList<>();
		try (Connection admin = connect(serverUrl() + "postgres"); Statement statement = admin.createStatement()) {
			dropUnused(admin);
			for (String prefix : prefixes) {
				String name = PREFIX + prefix + "_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
				statement.execute("create database " + name);
				urls.add(serverUrl() + name);
			}
		}
		catch (SQLException ex) {
			throw unreachable(ex);
		}
		return urls;
	}

	public static String user() {
		return System.getProperty("fazhi.test.pg.user", "postgres");
	}

	private static synchronized String postgresDatabase() {
		if (postgresUrl == null) {
			postgresUrl = createPostgresDatabase("it");
		}
		return postgresUrl;
	}

	private static String serverUrl() {
		return System.getProperty("fazhi.test.pg.url", "jdbc:postgresql://127.0.0.1:5432/");
	}

	private static Connection connect(String url) throws SQLException {
		return DriverManager.getConnection(url, user(), "");
	}

	private static void dropUnused(Connection admin) throws SQLException {
		List<String> stale = new ArrayList<>();
		try (Statement statement = admin.createStatement();
				ResultSet databases = statement.executeQuery(
						"select datname from pg_database where datname like '" + PREFIX + "%' and datname not in "
								+ "(select datname from pg_stat_activity where datname is not null)")) {
			while (databases.next()) {
				stale.add(databases.getString(1));
			}
		}
		for (String name : stale) {
			try (Statement statement = admin.createStatement()) {
				statement.execute("drop database if exists " + name);
			}
			catch (SQLException ex) {
				// taken into use meanwhile (another test JVM): a later run drops it
			}
		}
	}

	private static IllegalStateException unreachable(SQLException ex) {
		return new IllegalStateException("The integration tests need the local PostgreSQL server at " + serverUrl()
				+ " (user " + user() + ", trust authentication), but it is not reachable: " + ex.getMessage()
				+ "\nStart it with:  " + START_COMMAND, ex);
	}

}
