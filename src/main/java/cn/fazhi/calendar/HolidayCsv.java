package cn.fazhi.calendar;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Reads a year's holiday notice as CSV ({@code date,kind,name}; kind {@code HOLIDAY} or
 * {@code MAKEUP_WORKDAY}), checking every line before anything is used.
 */
final class HolidayCsv {

	static final String HEADER = "date,kind,name";

	static final DateTimeFormatter ISO_DATE = DateTimeFormatter.ofPattern("uuuu-MM-dd")
		.withResolverStyle(ResolverStyle.STRICT);

	private HolidayCsv() {
	}

	/** All lines of a file that may hold several years (the bundled data). */
	static List<HolidayEntry> parse(String csv) {
		return parse(csv, null);
	}

	/**
	 * The lines of one year's notice.
	 * @throws InvalidCsvException naming the first wrong line
	 */
	static List<HolidayEntry> parse(String csv, Integer year) {
		String[] lines = csv.replace("\uFEFF", "").split("\\r?\\n");
		if (lines.length == 0 || !HEADER.equals(lines[0].strip())) {
			throw new InvalidCsvException(1, "第1行应为表头 " + HEADER);
		}
		List<HolidayEntry> entries = new ArrayList<>();
		Set<LocalDate> seen = new HashSet<>();
		for (int i = 1; i < lines.length; i++) {
			String line = lines[i].strip();
			if (line.isEmpty()) {
				continue;
			}
			entries.add(parseLine(line, i + 1, year, seen));
		}
		if (entries.isEmpty()) {
			throw new InvalidCsvException(2, "没有任何放假或调休上班日期");
		}
		return entries;
	}

	private static HolidayEntry parseLine(String line, int number, Integer year, Set<LocalDate> seen) {
		String[] cells = line.split(",", 3);
		if (cells.length != 3) {
			throw new InvalidCsvException(number, "应有三列：日期,类型,名称");
		}
		LocalDate date;
		try {
			date = LocalDate.parse(cells[0].strip(), ISO_DATE);
		}
		catch (DateTimeParseException ex) {
			throw new InvalidCsvException(number, "日期“" + cells[0].strip() + "”无效，应为 yyyy-MM-dd");
		}
		if (year != null && date.getYear() != year) {
			throw new InvalidCsvException(number, "日期 " + date + " 不属于 " + year + " 年");
		}
		DayKind kind;
		try {
			kind = DayKind.valueOf(cells[1].strip());
		}
		catch (IllegalArgumentException ex) {
			kind = null;
		}
		if (kind != DayKind.HOLIDAY && kind != DayKind.MAKEUP_WORKDAY) {
			throw new InvalidCsvException(number, "类型“" + cells[1].strip() + "”无效，应为 HOLIDAY 或 MAKEUP_WORKDAY");
		}
		boolean weekend = date.getDayOfWeek() == DayOfWeek.SATURDAY || date.getDayOfWeek() == DayOfWeek.SUNDAY;
		if (kind == DayKind.MAKEUP_WORKDAY && !weekend) {
			throw new InvalidCsvException(number, date + " 不是周六或周日，不能是调休上班日");
		}
		if (cells[2].isBlank()) {
			throw new InvalidCsvException(number, "名称不能为空");
		}
		if (!seen.add(date)) {
			throw new InvalidCsvException(number, "日期 " + date + " 重复");
		}
		return new HolidayEntry(date, kind, cells[2].strip());
	}

	/** A line of the CSV that is wrong. */
	static final class InvalidCsvException extends RuntimeException {

		InvalidCsvException(int line, String message) {
			super("第" + line + "行：" + message);
		}

	}

}
