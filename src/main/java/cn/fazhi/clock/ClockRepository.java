package cn.fazhi.clock;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import cn.fazhi.calendar.PeriodUnit;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/**
 * Tables {@code fz_legal_clock}, {@code fz_clock_event} and {@code fz_clock_binding}
 * (V7). Every write happens in the caller's transaction — the engine's, when a process
 * step starts or closes a clock — so a step and its clocks commit or roll back together.
 */
@Repository
class ClockRepository {

	private static final String COLUMNS = "id, process_instance_id, root_process_instance_id, business_key, code, variant, "
			+ "name, article, kind, unit, period_length, start_day, due_day, clock_status, paused_since, paused_days, "
			+ "extension_days, extension_count, max_extension, pausable, provisional, created_at, closed_at";

	private final JdbcTemplate jdbc;

	ClockRepository(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	long insert(LegalClock clock) {
		GeneratedKeyHolder key = new GeneratedKeyHolder();
		this.jdbc.update((connection) -> {
			var statement = connection.prepareStatement("insert into fz_legal_clock (process_instance_id, "
					+ "root_process_instance_id, business_key, code, variant, name, article, kind, unit, period_length, "
					+ "start_day, due_day, clock_status, paused_days, extension_days, extension_count, max_extension, "
					+ "pausable, provisional, created_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, 0, 0, ?, ?, ?, ?)",
					new String[] { "id" });
			statement.setString(1, clock.processInstanceId());
			statement.setString(2, clock.rootProcessInstanceId());
			statement.setString(3, clock.businessKey());
			statement.setString(4, clock.code());
			statement.setString(5, clock.variant());
			statement.setString(6, clock.name());
			statement.setString(7, clock.article());
			statement.setString(8, clock.kind());
			statement.setString(9, clock.unit().name());
			statement.setInt(10, clock.length());
			statement.setDate(11, Date.valueOf(clock.start()));
			statement.setDate(12, Date.valueOf(clock.due()));
			statement.setString(13, clock.status());
			statement.setInt(14, clock.maxExtension());
			statement.setBoolean(15, clock.pausable());
			statement.setBoolean(16, clock.provisional());
			statement.setTimestamp(17, Timestamp.from(clock.createdAt()));
			return statement;
		}, key);
		return key.getKey().longValue();
	}

	Optional<LegalClock> find(long id) {
		return this.jdbc.query("select " + COLUMNS + " from fz_legal_clock where id = ?", ClockRepository::map, id)
			.stream()
			.findFirst();
	}

	/** The open clock of this code in this process instance, if any. */
	Optional<LegalClock> open(String processInstanceId, String code) {
		return this.jdbc
			.query("select " + COLUMNS + " from fz_legal_clock where process_instance_id = ? and code = ? "
					+ "and clock_status in ('RUNNING', 'PAUSED') order by id desc", ClockRepository::map,
					processInstanceId, code)
			.stream()
			.findFirst();
	}

	List<LegalClock> openOfInstance(String processInstanceId) {
		return this.jdbc.query(
				"select " + COLUMNS + " from fz_legal_clock where process_instance_id = ? "
						+ "and clock_status in ('RUNNING', 'PAUSED') order by id",
				ClockRepository::map, processInstanceId);
	}

	List<LegalClock> ofInstance(String processInstanceId) {
		return this.jdbc.query("select " + COLUMNS + " from fz_legal_clock where process_instance_id = ? order by id",
				ClockRepository::map, processInstanceId);
	}

	List<LegalClock> ofRoot(String rootProcessInstanceId) {
		return this.jdbc.query(
				"select " + COLUMNS + " from fz_legal_clock where root_process_instance_id = ? order by start_day, id",
				ClockRepository::map, rootProcessInstanceId);
	}

	List<LegalClock> openProvisional() {
		return this.jdbc.query("select " + COLUMNS + " from fz_legal_clock where provisional = true "
				+ "and clock_status in ('RUNNING', 'PAUSED') order by id", ClockRepository::map);
	}

	void updateDue(long id, LocalDate due, boolean provisional) {
		this.jdbc.update("update fz_legal_clock set due_day = ?, provisional = ? where id = ?", Date.valueOf(due),
				provisional, id);
	}

	void pause(long id, LocalDate since) {
		this.jdbc.update("update fz_legal_clock set clock_status = 'PAUSED', paused_since = ? where id = ?",
				Date.valueOf(since), id);
	}

	void resume(long id, int pausedDays, LocalDate due, boolean provisional) {
		this.jdbc.update(
				"update fz_legal_clock set clock_status = 'RUNNING', paused_since = null, "
						+ "paused_days = paused_days + ?, due_day = ?, provisional = ? where id = ?",
				pausedDays, Date.valueOf(due), provisional, id);
	}

	void extend(long id, int days, LocalDate due, boolean provisional) {
		this.jdbc.update(
				"update fz_legal_clock set extension_days = extension_days + ?, "
						+ "extension_count = extension_count + 1, due_day = ?, provisional = ? where id = ?",
				days, Date.valueOf(due), provisional, id);
	}

	void close(long id, String status, Instant at) {
		this.jdbc.update("update fz_legal_clock set clock_status = ?, closed_at = ? where id = ?", status,
				Timestamp.from(at), id);
	}

	void event(long clockId, String type, Instant at, String actor, String reason, LocalDate oldDue, LocalDate newDue,
			Integer days) {
		this.jdbc.update(
				"insert into fz_clock_event (clock_id, event_type, occurred_at, actor, reason, old_due, "
						+ "new_due, days) values (?, ?, ?, ?, ?, ?, ?, ?)",
				clockId, type, Timestamp.from(at), actor, reason, (oldDue == null) ? null : Date.valueOf(oldDue),
				(newDue == null) ? null : Date.valueOf(newDue), days);
	}

	List<ClockEvent> events(long clockId) {
		return this.jdbc.query(
				"select event_type, occurred_at, actor, reason, old_due, new_due, days "
						+ "from fz_clock_event where clock_id = ? order by id",
				(rs, row) -> new ClockEvent(rs.getString(1), rs.getTimestamp(2).toInstant(), rs.getString(3),
						rs.getString(4), day(rs, 5), day(rs, 6), (Integer) rs.getObject(7)),
				clockId);
	}

	/** Remembers that an element's due date or timer follows the clock. */
	void bind(long clockId, String processInstanceId, String activityId, String kind) {
		Integer present = this.jdbc.queryForObject(
				"select count(*) from fz_clock_binding where clock_id = ? and activity_id = ?", Integer.class, clockId,
				activityId);
		if (present == 0) {
			this.jdbc.update("insert into fz_clock_binding (clock_id, process_instance_id, activity_id, binding_kind) "
					+ "values (?, ?, ?, ?)", clockId, processInstanceId, activityId, kind);
		}
	}

	List<Binding> bindings(long clockId) {
		return this.jdbc.query(
				"select process_instance_id, activity_id, binding_kind from fz_clock_binding where clock_id = ?",
				(rs, row) -> new Binding(rs.getString(1), rs.getString(2), rs.getString(3)), clockId);
	}

	private static LegalClock map(ResultSet rs, int row) throws SQLException {
		Timestamp closed = rs.getTimestamp("closed_at");
		return new LegalClock(rs.getLong("id"), rs.getString("process_instance_id"),
				rs.getString("root_process_instance_id"), rs.getString("business_key"), rs.getString("code"),
				rs.getString("variant"), rs.getString("name"), rs.getString("article"), rs.getString("kind"),
				PeriodUnit.valueOf(rs.getString("unit")), rs.getInt("period_length"), day(rs, "start_day"),
				day(rs, "due_day"), rs.getString("clock_status"), day(rs, "paused_since"), rs.getInt("paused_days"),
				rs.getInt("extension_days"), rs.getInt("extension_count"), rs.getInt("max_extension"),
				rs.getBoolean("pausable"), rs.getBoolean("provisional"), rs.getTimestamp("created_at").toInstant(),
				(closed == null) ? null : closed.toInstant());
	}

	private static LocalDate day(ResultSet rs, String column) throws SQLException {
		Date date = rs.getDate(column);
		return (date == null) ? null : date.toLocalDate();
	}

	private static LocalDate day(ResultSet rs, int column) throws SQLException {
		Date date = rs.getDate(column);
		return (date == null) ? null : date.toLocalDate();
	}

	record Binding(String processInstanceId, String activityId, String kind) {

	}

}
