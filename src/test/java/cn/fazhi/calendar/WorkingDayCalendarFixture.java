package cn.fazhi.calendar;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.stream.IntStream;

import org.springframework.core.io.ClassPathResource;

import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;

/**
 * A {@link WorkingDayCalendar} over the bundled 2024–2026 notices, without a database,
 * for unit tests of code that computes statutory dates.
 */
public final class WorkingDayCalendarFixture {

	private WorkingDayCalendarFixture() {
	}

	public static WorkingDayCalendar bundled() {
		CalendarRepository repository = mock(CalendarRepository.class);
		given(repository.days()).willReturn(bundledEntries());
		given(repository.years()).willReturn(IntStream.rangeClosed(2024, 2026)
			.mapToObj((year) -> new CalendarYear(year, false, "test", Instant.EPOCH, "test", 0, 0))
			.toList());
		given(repository.version()).willReturn("bundled");
		return new WorkingDayCalendar(repository);
	}

	public static WorkCalendarExpressions expressions(WorkingDayCalendar calendar) {
		return new WorkCalendarExpressions(calendar, ZoneId.of("Asia/Shanghai"));
	}

	static List<HolidayEntry> bundledEntries() {
		try (InputStream in = new ClassPathResource("calendar/holidays-cn.csv").getInputStream()) {
			return HolidayCsv.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
