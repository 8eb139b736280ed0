package cn.fazhi.system.engine;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

import javax.sql.DataSource;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Serialises the engine's schema creation across nodes on PostgreSQL.
 * <p>
 * With {@code camunda.bpm.database.schema-update: true}, two nodes starting at the same
 * moment on an empty database both run the create scripts, and the second fails with
 * {@code duplicate key value violates unique constraint "pg_type_typname_nsp_index"}
 * (STACK.md §3 item 6). This plugin takes a session-level advisory lock once the
 * configuration is complete ({@code postInit}, before the engine and its schema are
 * built) and releases it once the engine, and thus the schema, exists
 * ({@code postProcessEngineBuild}); the second node waits, then finds the schema in
 * place. On H2 (a file database used by one process) it does nothing.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
public class SchemaLockPlugin extends AbstractProcessEnginePlugin {

	/** Arbitrary but fixed advisory-lock key ("fazhi" in ASCII). */
	static final long LOCK_KEY = 0x66617a6869L;

	private static final Logger log = LoggerFactory.getLogger(SchemaLockPlugin.class);

	private Connection lockConnection;

	@Override
	public void postInit(ProcessEngineConfigurationImpl configuration) {
		DataSource dataSource = configuration.getDataSource();
		try {
			Connection connection = dataSource.getConnection();
			if (!connection.getMetaData().getDatabaseProductName().toLowerCase().contains("postgres")) {
				connection.close();
				return;
			}
			connection.setAutoCommit(true);
			try (Statement statement = connection.createStatement()) {
				log.info("Waiting for the schema lock (pg_advisory_lock {})", LOCK_KEY);
				statement.execute("select pg_advisory_lock(" + LOCK_KEY + ")");
			}
			this.lockConnection = connection;
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Cannot take the schema lock on the database: " + ex.getMessage(), ex);
		}
	}

	@Override
	public void postProcessEngineBuild(ProcessEngine processEngine) {
		release();
	}

	void release() {
		if (this.lockConnection == null) {
			return;
		}
		Connection connection = this.lockConnection;
		this.lockConnection = null;
		try (connection; Statement statement = connection.createStatement()) {
			statement.execute("select pg_advisory_unlock(" + LOCK_KEY + ")");
			log.info("Schema lock released");
		}
		catch (SQLException ex) {
			// ending the database session releases the lock: drop the connection, do not
			// pool it
			log.warn("Releasing the schema lock failed, aborting its connection: {}", ex.getMessage());
			try {
				connection.abort(Runnable::run);
			}
			catch (SQLException abortFailure) {
				ex.addSuppressed(abortFailure);
				throw new IllegalStateException("Cannot release the schema lock", ex);
			}
		}
	}

}
