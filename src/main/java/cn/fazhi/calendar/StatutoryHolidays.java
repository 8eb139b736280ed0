package cn.fazhi.calendar;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.core.io.ClassPathResource;

/**
 * The statutory core holidays of 全国年节及纪念日放假办法 (2024 revision, in force from 2025, Art 2)
 * for a year whose State Council notice is not loaded yet: 元旦 1 Jan; 春节 除夕 and lunar 1/1
 * to 1/3; 清明节; 劳动节 1–2 May; 端午节 lunar 5/5; 中秋节 lunar 8/15; 国庆节 1–3 Oct.
 * <p>
 * Only these days are certain before the notice: the notice adds bridging days and
 * make-up working days, which cannot be computed. The lunar festivals come from the table
 * {@code calendar/lunar-festivals.csv} (2025–2060; a lunar-calendar library was tried and
 * found a day off near midnight new moons, e.g. 2027 and 2030); Qingming from the
 * solar-term formula valid for 2001–2099. Years outside the table are refused.
 */
final class StatutoryHolidays {

	static final String PROVISIONAL_SUFFIX = "（暂定，当年放假通知未载入）";

	static final String TABLE = "calendar/lunar-festivals.csv";

	private static final Map<Integer, LocalDate[]> LUNAR = readTable();

	private static final Map<Integer, Map<LocalDate, String>> CACHE = new ConcurrentHashMap<>();

	static final int FIRST_YEAR = Collections.min(LUNAR.keySet());

	static final int LAST_YEAR = Collections.max(LUNAR.keySet());

	private StatutoryHolidays() {
	}

	static boolean covers(int year) {
		return LUNAR.containsKey(year);
	}

	/** The core holidays of the year, by date, with their names. */
	static Map<LocalDate, String> of(int year) {
		if (!covers(year)) {
			throw new CalendarNotLoadedException(year);
		}
		return CACHE.computeIfAbsent(year, StatutoryHolidays::compute);
	}

	private static Map<LocalDate, String> compute(int year) {
		LocalDate[] lunar = LUNAR.get(year);
		Map<LocalDate, String> days = new TreeMap<>();
		add(days, LocalDate.of(year, 1, 1), "元旦");
		add(days, lunar[0].minusDays(1), "春节（除夕）");
		for (int i = 0; i < 3; i++) {
			add(days, lunar[0].plusDays(i), "春节");
		}
		add(days, qingming(year), "清明节");
		add(days, LocalDate.of(year, 5, 1), "劳动节");
		add(days, LocalDate.of(year, 5, 2), "劳动节");
		add(days, lunar[1], "端午节");
		for (int day = 1; day <= 3; day++) {
			add(days, LocalDate.of(year, 10, day), "国庆节");
		}
		add(days, lunar[2], "中秋节");
		return Collections.unmodifiableMap(days);
	}

	/** Two holidays on one day (国庆节 and 中秋节 in 2028) share it: "国庆节、中秋节". */
	private static void add(Map<LocalDate, String> days, LocalDate day, String name) {
		days.merge(day, name, (first, second) -> first + "、" + second);
	}

	/**
	 * Qingming (the sun at 15° longitude), 4 or 5 April: day = ⌊Y·0.2422 + 4.81⌋ − ⌊Y/4⌋
	 * with Y = year mod 100, valid for 2001–2099.
	 */
	static LocalDate qingming(int year) {
		int y = year % 100;
		int day = (int) Math.floor(y * 0.2422 + 4.81) - y / 4;
		return LocalDate.of(year, 4, day);
	}

	private static Map<Integer, LocalDate[]> readTable() {
		Map<Integer, LocalDate[]> table = new HashMap<>();
		try (BufferedReader in = new BufferedReader(
				new InputStreamReader(new ClassPathResource(TABLE).getInputStream(), StandardCharsets.UTF_8))) {
			in.lines()
				.filter((line) -> !line.isBlank() && !line.startsWith("#") && !line.startsWith("year"))
				.forEach((line) -> {
					String[] cells = line.split(",");
					table.put(Integer.parseInt(cells[0]), new LocalDate[] { LocalDate.parse(cells[1]),
							LocalDate.parse(cells[2]), LocalDate.parse(cells[3]) });
				});
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read " + TABLE, ex);
		}
		return Map.copyOf(table);
	}

}
