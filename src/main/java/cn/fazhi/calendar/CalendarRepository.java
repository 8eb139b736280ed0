package cn.fazhi.calendar;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * Loaded holiday notices in {@code fz_cal_year} and their days in {@code fz_cal_day}.
 */
@Repository
class CalendarRepository {

	private final JdbcTemplate jdbc;

	CalendarRepository(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	List<HolidayEntry> days() {
		return this.jdbc.query("select cal_date, kind, name from fz_cal_day order by cal_date",
				(rs, row) -> new HolidayEntry(rs.getDate("cal_date").toLocalDate(),
						DayKind.valueOf(rs.getString("kind")), rs.getString("name")));
	}

	List<CalendarYear> years() {
		return this.jdbc.query(
				"select cal_year, notice, loaded_at, loaded_by, holidays, makeup_workdays from fz_cal_year order by cal_year",
				(rs, row) -> new CalendarYear(rs.getInt("cal_year"), false, rs.getString("notice"),
						rs.getTimestamp("loaded_at").toInstant(), rs.getString("loaded_by"), rs.getInt("holidays"),
						rs.getInt("makeup_workdays")));
	}

	/** Changes whenever a year is loaded anywhere: lets other nodes notice an upload. */
	String version() {
		return this.jdbc.queryForObject("select count(*), max(loaded_at) from fz_cal_year",
				(rs, row) -> rs.getLong(1) + "@" + rs.getTimestamp(2));
	}

	boolean hasYear(int year) {
		Integer count = this.jdbc.queryForObject("select count(*) from fz_cal_year where cal_year = ?", Integer.class,
				year);
		return count != null && count > 0;
	}

	/** Replaces one year's days in one transaction. */
	@Transactional
	CalendarYear replaceYear(int year, List<HolidayEntry> entries, String notice, String loadedBy) {
		this.jdbc.update("delete from fz_cal_day where cal_year = ?", year);
		this.jdbc.update("delete from fz_cal_year where cal_year = ?", year);
		int holidays = (int) entries.stream().filter((entry) -> entry.kind() == DayKind.HOLIDAY).count();
		int makeup = entries.size() - holidays;
		Instant now = Instant.now();
		this.jdbc.update(
				"insert into fz_cal_year (cal_year, notice, loaded_at, loaded_by, holidays, makeup_workdays) values (?, ?, ?, ?, ?, ?)",
				year, notice, Timestamp.from(now), loadedBy, holidays, makeup);
		this.jdbc.batchUpdate("insert into fz_cal_day (cal_date, kind, name, cal_year) values (?, ?, ?, ?)", entries,
				100, (statement, entry) -> {
					statement.setObject(1, entry.date());
					statement.setString(2, entry.kind().name());
					statement.setString(3, entry.name());
					statement.setInt(4, year);
				});
		return new CalendarYear(year, false, notice, now, loadedBy, holidays, makeup);
	}

}
