package cn.fazhi.notify;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The SQL of the mail outbox ({@code fz_mail_outbox}, V6__notify.sql). Claiming is one
 * conditional UPDATE per row, so that of two nodes (or two threads) exactly one gets a
 * row and only that one sends it.
 */
@Component
class OutboxStore {

	private static final String TABLE = "fz_mail_outbox";

	private static final String COLUMNS = "id, dedup_key, recipients, subject, body, status, attempts, next_attempt_at, "
			+ "last_error, created_at, sent_at";

	/** Due: waiting and its time has come, or claimed by a node that did not finish. */
	private static final String DUE = "((status = 'PENDING' and next_attempt_at <= ?) "
			+ "or (status = 'SENDING' and claimed_until < ?))";

	private final JdbcTemplate jdbc;

	private final InsertOnce insertOnce;

	OutboxStore(JdbcTemplate jdbc, InsertOnce insertOnce) {
		this.jdbc = jdbc;
		this.insertOnce = insertOnce;
	}

	/**
	 * @return false if a mail with this key exists already
	 */
	boolean insert(String dedupKey, List<String> recipients, String subject, String body, Instant now) {
		Map<String, Object> row = new LinkedHashMap<>();
		row.put("dedup_key", dedupKey);
		row.put("recipients", String.join(",", recipients));
		row.put("subject", subject);
		row.put("body", body);
		row.put("status", OutboxMail.PENDING);
		row.put("attempts", 0);
		row.put("next_attempt_at", utc(now));
		row.put("created_at", utc(now));
		return this.insertOnce.insert(TABLE, row, "dedup_key");
	}

	List<Long> due(Instant now, int limit) {
		return this.jdbc.queryForList(
				"select id from " + TABLE + " where " + DUE + " order by id fetch first " + limit + " rows only",
				Long.class, utc(now), utc(now));
	}

	boolean claim(long id, String node, Instant now, Instant until) {
		return this.jdbc.update("update " + TABLE + " set status = 'SENDING', claimed_by = ?, claimed_until = ? "
				+ "where id = ? and " + DUE, node, utc(until), id, utc(now), utc(now)) == 1;
	}

	OutboxMail load(long id) {
		return this.jdbc.queryForObject("select " + COLUMNS + " from " + TABLE + " where id = ?", OutboxStore::mail,
				id);
	}

	OutboxMail find(String dedupKey) {
		List<OutboxMail> found = this.jdbc.query("select " + COLUMNS + " from " + TABLE + " where dedup_key = ?",
				OutboxStore::mail, dedupKey);
		return found.isEmpty() ? null : found.get(0);
	}

	void sent(long id, String node, int attempts, Instant now) {
		this.jdbc.update("update " + TABLE + " set status = 'SENT', attempts = ?, sent_at = ?, claimed_by = null, "
				+ "claimed_until = null where id = ? and claimed_by = ?", attempts, utc(now), id, node);
	}

	/** A failed attempt: try again at {@code next}, or give up when it is null. */
	void failed(long id, String node, int attempts, Instant next, String error) {
		if (next == null) {
			this.jdbc.update(
					"update " + TABLE + " set status = 'FAILED', attempts = ?, last_error = ?, "
							+ "claimed_by = null, claimed_until = null where id = ? and claimed_by = ?",
					attempts, error, id, node);
			return;
		}
		this.jdbc.update(
				"update " + TABLE + " set status = 'PENDING', attempts = ?, next_attempt_at = ?, "
						+ "last_error = ?, claimed_by = null, claimed_until = null where id = ? and claimed_by = ?",
				attempts, utc(next), error, id, node);
	}

	/** The newest mails with a status, at most {@code limit}. */
	List<OutboxMail> list(String status, int limit) {
		return this.jdbc.query("select " + COLUMNS + " from " + TABLE
				+ " where status = ? order by id desc fetch first " + limit + " rows only", OutboxStore::mail, status);
	}

	private static OutboxMail mail(ResultSet rs, int row) throws SQLException {
		return new OutboxMail(rs.getLong("id"), rs.getString("dedup_key"),
				Arrays.asList(rs.getString("recipients").split(",")), rs.getString("subject"), rs.getString("body"),
				rs.getString("status"), rs.getInt("attempts"), instant(rs, "next_attempt_at"),
				rs.getString("last_error"), instant(rs, "created_at"), instant(rs, "sent_at"));
	}

	static OffsetDateTime utc(Instant instant) {
		return instant.atOffset(ZoneOffset.UTC);
	}

	static Instant instant(ResultSet rs, String column) throws SQLException {
		OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
		return (value == null) ? null : value.toInstant();
	}

}
