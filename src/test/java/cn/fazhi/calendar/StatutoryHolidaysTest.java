package cn.fazhi.calendar;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.core.io.ClassPathResource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The provisional core holidays must agree with what the State Council actually announced
 * wherever a notice exists: each 2025 and 2026 core day is a holiday in the official
 * data.
 */
class StatutoryHolidaysTest {

	@Test
	void shouldFindEveryCoreHolidayOf2025And2026InTheOfficialNotices() throws IOException {
		// given
		List<HolidayEntry> official;
		try (InputStream in = new ClassPathResource("calendar/holidays-cn.csv").getInputStream()) {
			official = HolidayCsv.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
		}
		for (int year : new int[] { 2025, 2026 }) {
			// when
			var core = StatutoryHolidays.of(year);
			// then: 13 statutory days, each one a day off in the notice
			assertThat(core).as("%d", year).hasSize(13);
			for (LocalDate day : core.keySet()) {
				assertThat(official).as("%s is a holiday in the %d notice", day, year)
					.contains(new HolidayEntry(day, DayKind.HOLIDAY,
							official.stream()
								.filter((e) -> e.date().equals(day))
								.findFirst()
								.map(HolidayEntry::name)
								.orElse("?")));
			}
		}
	}

	@Test
	void shouldNameADayThatCarriesTwoHolidaysAfterBoth() {
		assertThat(StatutoryHolidays.of(2028)).containsEntry(LocalDate.parse("2028-10-03"), "国庆节、中秋节");
	}

	@ParameterizedTest
	@CsvSource({ "2024, 2024-04-04", "2025, 2025-04-04", "2026, 2026-04-05", "2027, 2027-04-05", "2028, 2028-04-04" })
	void shouldFindQingming(int year, LocalDate day) {
		assertThat(StatutoryHolidays.qingming(year)).isEqualTo(day);
	}

	@Test
	void shouldCoverTheYearsOfTheLunarTableOnly() {
		assertThat(StatutoryHolidays.covers(2027)).isTrue();
		assertThat(StatutoryHolidays.covers(2099)).isTrue();
		assertThat(StatutoryHolidays.covers(2024)).isFalse();
		assertThat(StatutoryHolidays.covers(2100)).isFalse();
	}

	@Test
	void shouldAgreeWithAnIndependentLunarCalendarForEveryYear() throws IOException {
		// given: 春节, 端午, 中秋 and 清明 per lunar-javascript 1.7.7 (6tail's 寿星 algorithms)
		List<String> reference;
		try (InputStream in = new ClassPathResource("calendar/lunar-reference.csv").getInputStream()) {
			reference = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
				.filter((line) -> !line.startsWith("#") && !line.isBlank())
				.toList();
		}
		int checked = 0;
		for (String line : reference) {
			String[] cells = line.split(",");
			int year = Integer.parseInt(cells[0]);
			if (!StatutoryHolidays.covers(year)) {
				continue;
			}
			// when
			var core = StatutoryHolidays.of(year);
			// then
			assertThat(core).as("%d", year)
				.containsEntry(LocalDate.parse(cells[1]), "春节")
				.containsEntry(LocalDate.parse(cells[1]).minusDays(1), "春节（除夕）")
				.containsEntry(LocalDate.parse(cells[2]), "端午节")
				.containsEntry(LocalDate.parse(cells[4]), "清明节");
			assertThat(core.get(LocalDate.parse(cells[3]))).as("%d", year).endsWith("中秋节");
			checked++;
		}
		assertThat(checked).isEqualTo(2099 - 2025 + 1);
	}

}
