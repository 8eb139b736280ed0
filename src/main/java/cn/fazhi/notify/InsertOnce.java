package cn.fazhi.notify;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

import cn.fazhi.system.DatabaseLocks;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * An INSERT that does nothing when its unique key is already taken, and says whether it
 * inserted. It runs in the caller's transaction and never breaks it: on PostgreSQL a
 * failed statement aborts the whole transaction, so there it is
 * {@code ON CONFLICT DO NOTHING} (which also waits for a concurrent insert of the same
 * key and then does nothing); on H2 a plain insert whose duplicate-key error is caught,
 * since a failed statement leaves an H2 transaction intact.
 */
@Component
class InsertOnce {

	private final JdbcTemplate jdbc;

	private volatile Boolean postgres;

	InsertOnce(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * @param row column → value, in insert order
	 * @param key the columns of the unique key (all present in {@code row})
	 * @return whether the row was inserted
	 */
	boolean insert(String table, Map<String, ?> row, String... key) {
		Map<String, Object> values = new LinkedHashMap<>(row);
		String columns = String.join(", ", values.keySet());
		String marks = values.keySet().stream().map((column) -> "?").collect(Collectors.joining(", "));
		if (isPostgres()) {
			String sql = "insert into " + table + " (" + columns + ") values (" + marks + ") on conflict ("
					+ String.join(", ", key) + ") do nothing";
			return this.jdbc.update(sql, values.values().toArray()) == 1;
		}
		try {
			return this.jdbc.update("insert into " + table + " (" + columns + ") values (" + marks + ")",
					values.values().toArray()) == 1;
		}
		catch (DuplicateKeyException ex) {
			return false;
		}
	}

	private boolean isPostgres() {
		Boolean known = this.postgres;
		if (known == null) {
			known = Boolean.TRUE.equals(this.jdbc.execute((ConnectionCallback<Boolean>) DatabaseLocks::isPostgres));
			this.postgres = known;
		}
		return known;
	}

}
