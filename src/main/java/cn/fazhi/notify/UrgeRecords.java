package cn.fazhi.notify;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The record of urges ({@code fz_task_urge}) and their rate limit
 * ({@code fz_task_urge_gate}), both written in the transaction of the urge.
 */
@Component
class UrgeRecords {

	static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy年M月d日 HH:mm");

	private final JdbcTemplate jdbc;

	private final InsertOnce insertOnce;

	private final ReminderSettings settings;

	private final ZoneId zone;

	UrgeRecords(JdbcTemplate jdbc, InsertOnce insertOnce, ReminderSettings settings,
			@Value("${fazhi.calendar.zone:Asia/Shanghai}") ZoneId zone) {
		this.jdbc = jdbc;
		this.insertOnce = insertOnce;
		this.settings = settings;
		this.zone = zone;
	}

	/**
	 * Lets one urge of the task through per interval: the first ever inserts the gate
	 * row, later ones must move it forward with a conditional update, which of two
	 * concurrent urges only one can do.
	 * @throws UrgeTooSoonException when the task was urged less than the interval ago
	 */
	void passGate(String taskId, Instant now) {
		Duration interval = this.settings.urgeInterval();
		Instant next = now.plus(interval);
		Map<String, Object> row = new LinkedHashMap<>();
		row.put("task_id", taskId);
		row.put("next_allowed_at", OutboxStore.utc(next));
		if (this.insertOnce.insert("fz_task_urge_gate", row, "task_id")) {
			return;
		}
		if (this.jdbc.update(
				"update fz_task_urge_gate set next_allowed_at = ? where task_id = ? and next_allowed_at <= ?",
				OutboxStore.utc(next), taskId, OutboxStore.utc(now)) == 1) {
			return;
		}
		Instant allowed = this.jdbc.queryForObject("select next_allowed_at from fz_task_urge_gate where task_id = ?",
				(rs, rowNumber) -> OutboxStore.instant(rs, "next_allowed_at"), taskId);
		throw new UrgeTooSoonException(Duration.between(now, allowed), "该任务已于" + text(allowed.minus(interval)) + "催办过，每"
				+ text(interval) + "只能催办一次，请于" + text(allowed) + "以后再催办");
	}

	void add(Urge urge, String processInstanceId, List<String> recipients) {
		this.jdbc.update(
				"insert into fz_task_urge (task_id, task_name, process_instance_id, business_key, urged_by, "
						+ "urged_by_name, urged_at, message, recipients) values (?, ?, ?, ?, ?, ?, ?, ?, ?)",
				urge.taskId(), urge.taskName(), processInstanceId, urge.businessKey(), urge.urgedBy(),
				urge.urgedByName(), urge.urgedAt(), urge.message(), String.join(",", recipients));
	}

	/** The urges of a task, oldest first. */
	List<Urge> list(String taskId) {
		return this.jdbc.query(
				"select task_id, task_name, business_key, urged_by, urged_by_name, urged_at, message "
						+ "from fz_task_urge where task_id = ? order by urged_at, id",
				(rs, rowNumber) -> new Urge(rs.getString("task_id"), rs.getString("task_name"),
						rs.getString("business_key"), rs.getString("urged_by"), rs.getString("urged_by_name"),
						OutboxStore.instant(rs, "urged_at").atZone(this.zone).toOffsetDateTime(),
						rs.getString("message")),
				taskId);
	}

	String text(Instant instant) {
		return TIME.format(instant.atZone(this.zone));
	}

	static String text(Duration duration) {
		long hours = duration.toHours();
		long minutes = duration.toMinutesPart();
		if (hours == 0) {
			return Math.max(minutes, 1) + "分钟";
		}
		return hours + "小时" + ((minutes == 0) ? "" : minutes + "分钟");
	}

}
