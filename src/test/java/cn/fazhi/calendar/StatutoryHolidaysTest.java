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

	@ParameterizedTest
	@CsvSource({ "2024, 2024-04-04", "2025, 2025-04-04", "2026, 2026-04-05", "2027, 2027-04-05", "2028, 2028-04-04" })
	void shouldFindQingming(int year, LocalDate day) {
		assertThat(StatutoryHolidays.qingming(year)).isEqualTo(day);
	}

	@Test
	void shouldCoverTheYearsOfTheLunarTableOnly() {
		assertThat(StatutoryHolidays.covers(2027)).isTrue();
		assertThat(StatutoryHolidays.covers(2060)).isTrue();
		assertThat(StatutoryHolidays.covers(2024)).isFalse();
		assertThat(StatutoryHolidays.covers(2061)).isFalse();
	}

}
