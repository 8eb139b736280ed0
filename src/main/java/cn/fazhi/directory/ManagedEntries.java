package cn.fazhi.directory;

import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Which identity entries Fazhi created from the directory ({@code fz_dir_managed}), so
 * that it removes only its own when the directory drops them.
 */
@Component
class ManagedEntries {

	static final String USER = "USER";

	static final String GROUP = "GROUP";

	static final String AUTHORIZATION = "AUTHORIZATION";

	static final String FILTER = "FILTER";

	private final JdbcTemplate jdbc;

	ManagedEntries(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	List<String> list(String kind) {
		return this.jdbc.queryForList("select entity_key from fz_dir_managed where kind = ? order by entity_key",
				String.class, kind);
	}

	void add(String kind, String key) {
		Integer present = this.jdbc.queryForObject(
				"select count(*) from fz_dir_managed where kind = ? and entity_key = ?", Integer.class, kind, key);
		if (present == null || present == 0) {
			this.jdbc.update("insert into fz_dir_managed (kind, entity_key) values (?, ?)", kind, key);
		}
	}

	void remove(String kind, String key) {
		this.jdbc.update("delete from fz_dir_managed where kind = ? and entity_key = ?", kind, key);
	}

}
