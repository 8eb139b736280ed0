package cn.fazhi.bench;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import javax.sql.DataSource;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The size of one database: bytes on disk per table (with its indexes; H2's
 * {@code DISK_SPACE_USED}, PostgreSQL's {@code pg_total_relation_size}) and rows per
 * table. Compared before and after a batch of cases, it gives bytes and rows per case.
 */
final class Footprint {

	private final JdbcTemplate jdbc;

	private final boolean postgres;

	Footprint(DataSource dataSource) {
		this.jdbc = new JdbcTemplate(dataSource);
		this.postgres = Boolean.TRUE
			.equals(this.jdbc.execute((java.sql.Connection connection) -> connection.getMetaData()
				.getDatabaseProductName()
				.toLowerCase(Locale.ROOT)
				.contains("postgres")));
	}

	JdbcTemplate jdbc() {
		return this.jdbc;
	}

	/**
	 * A snapshot: bytes of the whole database (H2: its file after a checkpoint;
	 * PostgreSQL: {@code pg_database_size}), and bytes and rows of every table (H2 counts
	 * a table's data without its indexes).
	 */
	record Snapshot(long databaseBytes, Map<String, Long> bytes, Map<String, Long> rows) {

		long totalBytes() {
			return this.bytes.values().stream().mapToLong(Long::longValue).sum();
		}

		long rows(String prefix) {
			return this.rows.entrySet()
				.stream()
				.filter((entry) -> entry.getKey().startsWith(prefix))
				.mapToLong(Map.Entry::getValue)
				.sum();
		}

	}

	Snapshot snapshot() {
		Map<String, Long> bytes = new LinkedHashMap<>();
		Map<String, Long> rows = new LinkedHashMap<>();
		if (this.postgres) {
			this.jdbc.execute("checkpoint");
		}
		for (String table : tables()) {
			String name = table.toUpperCase(Locale.ROOT);
			String quoted = this.postgres ? table : "\"PUBLIC\".\"" + table + "\"";
			rows.put(name, this.jdbc.queryForObject("select count(*) from " + quoted, Long.class));
			bytes.put(name,
					this.postgres
							? this.jdbc.queryForObject("select pg_total_relation_size(?::regclass)", Long.class, table)
							: this.jdbc.queryForObject("select disk_space_used(?)", Long.class, quoted));
		}
		return new Snapshot(databaseBytes(), bytes, rows);
	}

	private long databaseBytes() {
		if (this.postgres) {
			return this.jdbc.queryForObject("select pg_database_size(current_database())", Long.class);
		}
		this.jdbc.execute("checkpoint sync");
		String url = this.jdbc.execute((java.sql.Connection connection) -> connection.getMetaData().getURL());
		String file = url.replaceFirst("^jdbc:h2:file:", "").replaceFirst(";.*$", "") + ".mv.db";
		try {
			return java.nio.file.Files.size(java.nio.file.Path.of(file));
		}
		catch (java.io.IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
	}

	/**
	 * Brings the planner's statistics up to date, as autovacuum (PostgreSQL) would within
	 * a minute or so of a bulk load: measured right after loading thousands of rows in
	 * seconds, the planner still believes the tables empty and picks nested loops (220 ms
	 * instead of 1 ms for a page of 50 tasks among 670).
	 */
	void analyze() {
		this.jdbc.execute("analyze");
	}

	/**
	 * What autovacuum's analysis does with its default settings on PostgreSQL: analyses
	 * each table changed by more than 50 rows plus a tenth of its rows since its last
	 * analysis. Returns the tables analysed.
	 */
	List<String> analyzeChangedTables() {
		List<String> tables = this.jdbc.queryForList(
				"select relname from pg_stat_user_tables where n_mod_since_analyze > 50 + 0.1 * n_live_tup",
				String.class);
		for (String table : tables) {
			this.jdbc.execute("analyze " + table);
		}
		return tables;
	}

	/** Whether PostgreSQL's autovacuum runs on this server. */
	boolean autovacuum() {
		return "on".equals(this.jdbc.queryForObject("show autovacuum", String.class));
	}

	/** History rows per table (ACT_HI_*), for the report. */
	Map<String, Long> historyRows() {
		Map<String, Long> rows = new LinkedHashMap<>();
		snapshot().rows().forEach((table, count) -> {
			if (table.startsWith("ACT_HI_")) {
				rows.put(table, count);
			}
		});
		return rows;
	}

	String version() {
		return this.postgres ? this.jdbc.queryForObject("show server_version", String.class)
				: "H2 " + this.jdbc.queryForObject("select h2version()", String.class);
	}

	private List<String> tables() {
		return this.postgres
				? this.jdbc.queryForList("select tablename from pg_tables where schemaname = current_schema()",
						String.class)
				: this.jdbc.queryForList(
						"select table_name from information_schema.tables where table_schema = 'PUBLIC' and table_type = 'BASE TABLE'",
						String.class);
	}

}
