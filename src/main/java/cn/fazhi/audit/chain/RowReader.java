package cn.fazhi.audit.chain;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;

import org.springframework.jdbc.core.RowMapper;

/**
 * Reads a chained row into the column values its canonical content is made of. The same
 * reader runs when a link is written (inside the writing transaction) and when the chain
 * is verified, so both see the database's own representation of every value:
 * <ul>
 * <li>timestamps as {@code yyyy-MM-ddTHH:mm:ss.SSSSSS} wall-clock time, read without any
 * time-zone conversion (a server moved to another zone verifies the same);</li>
 * <li>binary columns (byte array contents, comment texts) as {@code sha256:} and the hex
 * SHA-256 of the bytes;</li>
 * <li>numbers in plain decimal notation without trailing zeros; booleans as
 * true/false;</li>
 * <li>everything else as the driver's string.</li>
 * </ul>
 * {@code REMOVAL_TIME_} is left out: history cleanup bookkeeping, not case content
 * (cleanup is off, ADR 0004). Fazhi writes it with each row (removal-time strategy
 * {@code start}), but an administrator may recompute it for a whole case in bulk
 * ({@code HistoryService#setRemovalTimeToHistoricProcessInstances}), and Camunda's
 * default strategy sets it on every row of a case when the case ends.
 */
final class RowReader implements RowMapper<SortedMap<String, String>> {

	static final RowReader INSTANCE = new RowReader();

	static final Set<String> EXCLUDED = Set.of("REMOVAL_TIME_");

	private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSS");

	@Override
	public SortedMap<String, String> mapRow(ResultSet rs, int rowNum) throws SQLException {
		ResultSetMetaData meta = rs.getMetaData();
		SortedMap<String, String> columns = new TreeMap<>();
		for (int i = 1; i <= meta.getColumnCount(); i++) {
			String name = meta.getColumnLabel(i).toUpperCase(Locale.ROOT);
			if (!EXCLUDED.contains(name)) {
				String value = value(rs, i, meta.getColumnType(i));
				if (value != null) {
					columns.put(name, value);
				}
			}
		}
		return columns;
	}

	private static String value(ResultSet rs, int i, int type) throws SQLException {
		switch (type) {
			case Types.TIMESTAMP -> {
				LocalDateTime time = rs.getObject(i, LocalDateTime.class);
				return (time == null) ? null : TIMESTAMP.format(time);
			}
			case Types.TIMESTAMP_WITH_TIMEZONE -> {
				OffsetDateTime time = rs.getObject(i, OffsetDateTime.class);
				return (time == null) ? null : TIMESTAMP.format(time.withOffsetSameInstant(ZoneOffset.UTC)) + "Z";
			}
			case Types.DATE -> {
				LocalDate date = rs.getObject(i, LocalDate.class);
				return (date == null) ? null : date.toString();
			}
			case Types.TIME -> {
				LocalTime time = rs.getObject(i, LocalTime.class);
				return (time == null) ? null : time.toString();
			}
			case Types.BINARY, Types.VARBINARY, Types.LONGVARBINARY, Types.BLOB -> {
				byte[] bytes = rs.getBytes(i);
				return (bytes == null) ? null : "sha256:" + Canonical.sha256(bytes);
			}
			case Types.BIT, Types.BOOLEAN -> {
				boolean value = rs.getBoolean(i);
				return rs.wasNull() ? null : Boolean.toString(value);
			}
			case Types.TINYINT, Types.SMALLINT, Types.INTEGER, Types.BIGINT -> {
				long value = rs.getLong(i);
				return rs.wasNull() ? null : Long.toString(value);
			}
			case Types.REAL, Types.FLOAT, Types.DOUBLE -> {
				double value = rs.getDouble(i);
				return rs.wasNull() ? null : plain(BigDecimal.valueOf(value));
			}
			case Types.DECIMAL, Types.NUMERIC -> {
				BigDecimal value = rs.getBigDecimal(i);
				return (value == null) ? null : plain(value);
			}
			default -> {
				return rs.getString(i);
			}
		}
	}

	private static String plain(BigDecimal value) {
		return (value.signum() == 0) ? "0" : value.stripTrailingZeros().toPlainString();
	}

}
