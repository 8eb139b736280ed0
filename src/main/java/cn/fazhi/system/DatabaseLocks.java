package cn.fazhi.system;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.concurrent.locks.ReentrantLock;
import java.util.zip.CRC32;

import javax.sql.DataSource;

import org.springframework.stereotype.Component;

/**
 * Runs start-up work (directory load, seeding) on one node at a time.
 * <p>
 * On PostgreSQL a session-level advisory lock named after the work is held on a
 * connection of its own for the duration, so two nodes starting together never both
 * create the same users. On H2 (one process per database file) a JVM lock suffices.
 */
@Component
public class DatabaseLocks {

	private final DataSource dataSource;

	private final ReentrantLock localLock = new ReentrantLock();

	public DatabaseLocks(DataSource dataSource) {
		this.dataSource = dataSource;
	}

	public void runExclusively(String name, Runnable work) {
		this.localLock.lock();
		try (Connection connection = this.dataSource.getConnection()) {
			if (!isPostgres(connection)) {
				work.run();
				return;
			}
			long key = keyOf(name);
			boolean autoCommit = connection.getAutoCommit();
			connection.setAutoCommit(true);
			execute(connection, "select pg_advisory_lock(?)", key);
			try {
				work.run();
			}
			finally {
				unlock(connection, key, autoCommit);
			}
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Cannot take the database lock '" + name + "': " + ex.getMessage(), ex);
		}
		finally {
			this.localLock.unlock();
		}
	}

	public static boolean isPostgres(Connection connection) throws SQLException {
		return connection.getMetaData().getDatabaseProductName().toLowerCase().contains("postgres");
	}

	static long keyOf(String name) {
		CRC32 crc = new CRC32();
		crc.update(("fazhi:" + name).getBytes(StandardCharsets.UTF_8));
		return crc.getValue();
	}

	/**
	 * A lock that cannot be released must not go back to the pool: the session is ended
	 * instead.
	 */
	private static void unlock(Connection connection, long key, boolean autoCommit) throws SQLException {
		try {
			execute(connection, "select pg_advisory_unlock(?)", key);
			connection.setAutoCommit(autoCommit);
		}
		catch (SQLException ex) {
			connection.abort(Runnable::run);
			throw ex;
		}
	}

	private static void execute(Connection connection, String sql, long key) throws SQLException {
		try (PreparedStatement statement = connection.prepareStatement(sql)) {
			statement.setLong(1, key);
			statement.execute();
		}
	}

}
