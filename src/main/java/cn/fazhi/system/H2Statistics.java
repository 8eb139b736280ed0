package cn.fazhi.system;

import java.sql.Connection;
import java.sql.SQLException;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Keeps the embedded H2 database's planner statistics current (ADR 0018).
 * <p>
 * H2 chooses an index by the selectivity it keeps per column, and it collects that only
 * by {@code ANALYZE}. Its own automatic analysis runs after a number of row changes that
 * doubles after every run, and a table analysed while empty keeps the default
 * selectivity. Camunda's runtime variables churn that way (every step inserts and deletes
 * them): in a benchmark database that was never analysed, reading one case's variables
 * ({@code EXECUTION_ID_ = ? and TASK_ID_ is null}) went through the {@code TASK_ID_}
 * index and read every process variable of every open case: 937 ms with 128,000 of them,
 * 3 ms after {@code ANALYZE}. Every step, timer and reminder reads variables that way, so
 * an office's H2 database slowed down with each open case (issue 8, docs/benchmarks.md
 * change 11). PostgreSQL's autovacuum analyses on its own; nothing is done there.
 */
@Component
@EnableScheduling
class H2Statistics {

	private static final Logger log = LoggerFactory.getLogger(H2Statistics.class);

	private final JdbcTemplate jdbc;

	private final boolean h2;

	H2Statistics(DataSource dataSource, JdbcTemplate jdbc) {
		this.jdbc = jdbc;
		this.h2 = isH2(dataSource);
	}

	/**
	 * Analyses every table (H2 reads a sample of each): 0.5–1.3 s on a copy of a 1.8 GB
	 * benchmark database on two cores.
	 */
	@Scheduled(initialDelayString = "${fazhi.h2.analyze-initial-delay:PT1M}",
			fixedDelayString = "${fazhi.h2.analyze-interval:PT10M}")
	void analyze() {
		if (!this.h2) {
			return;
		}
		long start = System.nanoTime();
		this.jdbc.execute("ANALYZE");
		log.debug("H2 statistics refreshed in {} ms", (System.nanoTime() - start) / 1_000_000);
	}

	private static boolean isH2(DataSource dataSource) {
		try (Connection connection = dataSource.getConnection()) {
			return "H2".equals(connection.getMetaData().getDatabaseProductName());
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Cannot tell which database Fazhi runs on", ex);
		}
	}

}
