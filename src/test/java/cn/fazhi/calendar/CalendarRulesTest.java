package cn.fazhi.calendar;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Set;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.core.io.ClassPathResource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The counting rules over the bundled 2024–2026 notices (statutes.md §0.1, §F.7), around
 * every holiday block and make-up working day. Expected dates were counted by hand on the
 * notices.
 */
class CalendarRulesTest {

	static CalendarRules rules;

	@BeforeAll
	static void loadBundledNotices() throws IOException {
		try (InputStream in = new ClassPathResource("calendar/holidays-cn.csv").getInputStream()) {
			rules = new CalendarRules(HolidayCsv.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8)),
					Set.of(2024, 2025, 2026));
		}
	}

	@ParameterizedTest(name = "{0} + {1} 个工作日 = {2}")
	@CsvSource({
			// 2024: 除夕 9 Feb was a working day; make-up Sundays 4 and 18 Feb
			"2024-02-08, 1, 2024-02-09", "2024-02-02, 1, 2024-02-04", "2024-02-09, 1, 2024-02-18",
			"2024-04-03, 1, 2024-04-07", "2024-04-26, 1, 2024-04-28", "2024-04-30, 1, 2024-05-06",
			"2024-05-10, 1, 2024-05-11", "2024-06-07, 1, 2024-06-11", "2024-09-13, 1, 2024-09-14",
			"2024-09-14, 1, 2024-09-18", "2024-09-27, 1, 2024-09-29", "2024-09-30, 1, 2024-10-08",
			"2024-10-11, 1, 2024-10-12",
			// 2025
			"2024-12-31, 1, 2025-01-02", "2025-01-24, 1, 2025-01-26", "2025-01-27, 1, 2025-02-05",
			"2025-02-07, 1, 2025-02-08", "2025-04-03, 1, 2025-04-07", "2025-04-25, 1, 2025-04-27",
			"2025-04-30, 1, 2025-05-06", "2025-05-30, 1, 2025-06-03", "2025-09-26, 1, 2025-09-28",
			"2025-09-30, 1, 2025-10-09", "2025-09-30, 3, 2025-10-11", "2025-10-10, 1, 2025-10-11",
			"2025-09-26, 7, 2025-10-13", "2025-09-26, 15, 2025-10-23",
			// 2026: Spring Festival 15–23 Feb, make-up Saturdays 14 and 28 Feb
			"2025-12-31, 1, 2026-01-04", "2026-02-13, 1, 2026-02-14", "2026-02-14, 1, 2026-02-24",
			"2026-02-12, 5, 2026-02-26", "2026-02-27, 1, 2026-02-28", "2026-04-03, 1, 2026-04-07",
			"2026-04-30, 1, 2026-05-06", "2026-05-08, 1, 2026-05-09", "2026-06-18, 1, 2026-06-22",
			"2026-09-18, 1, 2026-09-20", "2026-09-24, 1, 2026-09-28", "2026-09-30, 1, 2026-10-08",
			"2026-10-09, 1, 2026-10-10",
			// no period: the start day itself
			"2025-10-08, 0, 2025-10-08" })
	void shouldCountWorkingDaysAfterTheStartDay(LocalDate from, int amount, LocalDate due) {
		// when
		DueDate result = rules.add(from, amount, PeriodUnit.WORKING_DAYS);
		// then
		assertThat(result.due()).isEqualTo(due);
		assertThat(result.provisional()).isFalse();
	}

	@ParameterizedTest(name = "{0} + {1} 日 = {2}")
	@CsvSource({
			// ends inside the 2025 National Day block: rolls to its first working day
			"2025-09-26, 7, 2025-10-09",
			// ends inside the 2026 Spring Festival block
			"2026-01-21, 30, 2026-02-24",
			// a holiday start does not matter, only the last day
			"2025-10-01, 30, 2025-10-31",
			// ends on a Saturday
			"2026-11-06, 15, 2026-11-23",
			// ends on a make-up Sunday: a working day, no roll
			"2024-09-27, 2, 2024-09-29",
			// zero days from a holiday: the next working day
			"2025-10-08, 0, 2025-10-09" })
	void shouldEndCalendarDayPeriodsOnAWorkingDay(LocalDate from, int amount, LocalDate due) {
		assertThat(rules.add(from, amount, PeriodUnit.CALENDAR_DAYS).due()).isEqualTo(due);
	}

	@ParameterizedTest(name = "{0}: {1}")
	@CsvSource({ "2025-10-08, HOLIDAY, false, 国庆节、中秋节", "2025-09-28, MAKEUP_WORKDAY, true, 国庆节调休上班",
			"2025-10-10, WORKDAY, true, ", "2025-10-12, WEEKEND, false, ", "2024-02-09, WORKDAY, true, ",
			"2026-02-15, HOLIDAY, false, 春节", "2026-01-04, MAKEUP_WORKDAY, true, 元旦调休上班" })
	void shouldTellWhatKindOfDayADateIs(LocalDate date, DayKind kind, boolean workingDay, String name) {
		// when
		CalendarDay day = rules.day(date);
		// then
		assertThat(day).isEqualTo(new CalendarDay(date, workingDay, kind, name, false));
	}

	@Test
	void shouldCountWorkingDaysBetweenTwoDates() {
		assertThat(rules.workingDaysBetween(LocalDate.parse("2025-09-26"), LocalDate.parse("2025-10-13"))).isEqualTo(7);
		assertThat(rules.workingDaysBetween(LocalDate.parse("2025-10-01"), LocalDate.parse("2025-10-08"))).isZero();
		assertThat(rules.workingDaysBetween(LocalDate.parse("2025-10-13"), LocalDate.parse("2025-10-01"))).isZero();
	}

	@Test
	void shouldAnswerAYearWithoutNoticeProvisionallyWithTheStatutoryCoreHolidays() {
		// 2027 (statutes.md §F.5): 除夕 5 Feb, 春节 6–8 Feb, 清明 5 Apr, 劳动节 1–2 May, 端午 9 Jun,
		// 中秋 15 Sep, 国庆 1–3 Oct
		for (String date : new String[] { "2027-01-01", "2027-02-05", "2027-02-06", "2027-02-07", "2027-02-08",
				"2027-04-05", "2027-05-01", "2027-05-02", "2027-06-09", "2027-09-15", "2027-10-01", "2027-10-02",
				"2027-10-03" }) {
			CalendarDay day = rules.day(LocalDate.parse(date));
			assertThat(day.kind()).as(date).isEqualTo(DayKind.HOLIDAY);
			assertThat(day.provisional()).isTrue();
			assertThat(day.name()).endsWith("（暂定，当年放假通知未载入）");
		}
		assertThat(rules.day(LocalDate.parse("2027-02-09")))
			.isEqualTo(new CalendarDay(LocalDate.parse("2027-02-09"), true, DayKind.WORKDAY, null, true));
		assertThat(rules.day(LocalDate.parse("2027-10-04")).kind()).isEqualTo(DayKind.WORKDAY);
	}

	@Test
	void shouldMarkAPeriodProvisionalOnlyWhenItReachesAYearWithoutNotice() {
		// when
		DueDate intoNextYear = rules.add(LocalDate.parse("2026-12-20"), 10, PeriodUnit.WORKING_DAYS);
		DueDate withinYear = rules.add(LocalDate.parse("2026-12-01"), 5, PeriodUnit.WORKING_DAYS);
		// then: 1 January 2027 is a core holiday even before the notice
		assertThat(intoNextYear.due()).isEqualTo(LocalDate.parse("2027-01-04"));
		assertThat(intoNextYear.provisional()).isTrue();
		assertThat(withinYear.due()).isEqualTo(LocalDate.parse("2026-12-08"));
		assertThat(withinYear.provisional()).isFalse();
	}

	@Test
	void shouldRefuseYearsItCannotAnswer() {
		assertThatThrownBy(() -> rules.day(LocalDate.parse("2023-06-01")))
			.isInstanceOf(CalendarNotLoadedException.class)
			.hasMessageContaining("2023年的节假日安排未载入")
			.hasMessageContaining("PUT /api/calendar/years/2023");
		assertThatThrownBy(() -> rules.add(LocalDate.parse("2023-12-29"), 1, PeriodUnit.WORKING_DAYS))
			.isInstanceOf(CalendarNotLoadedException.class);
		assertThatThrownBy(() -> rules.day(LocalDate.parse("2100-01-04")))
			.isInstanceOf(CalendarNotLoadedException.class);
	}

	@Test
	void shouldRefuseNegativeAndAbsurdAmounts() {
		assertThatThrownBy(() -> rules.add(LocalDate.parse("2025-01-02"), -1, PeriodUnit.WORKING_DAYS))
			.isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> rules.add(LocalDate.parse("2025-01-02"), 3661, PeriodUnit.CALENDAR_DAYS))
			.isInstanceOf(IllegalArgumentException.class);
	}

}
