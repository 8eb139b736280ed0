package cn.fazhi.calendar;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The counting rules of statutory periods over one snapshot of the loaded holiday notices
 * (statutes.md §0.1, §F.7):
 * <ul>
 * <li>a working day is a make-up working day, or Monday to Friday and not a holiday;</li>
 * <li>the day a period starts on is not counted (民事诉讼法 Art 85);</li>
 * <li>N working days end on the N-th working day after the start;</li>
 * <li>N calendar days end N days after the start, moved to the next working day when that
 * day is not one;</li>
 * <li>N months or years (terms, see {@link PeriodUnit}) end on the same date N months or
 * years after the start, not moved.</li>
 * </ul>
 * Years without a loaded notice are answered with the statutory core holidays and marked
 * provisional ({@link StatutoryHolidays}); earlier or later years are refused.
 */
final class CalendarRules {

	static final int MAX_AMOUNT = 3660;

	private final Map<LocalDate, HolidayEntry> entries;

	private final Set<Integer> loadedYears;

	CalendarRules(List<HolidayEntry> entries, Set<Integer> loadedYears) {
		this.entries = entries.stream().collect(Collectors.toUnmodifiableMap(HolidayEntry::date, Function.identity()));
		this.loadedYears = Set.copyOf(loadedYears);
	}

	Set<Integer> loadedYears() {
		return this.loadedYears;
	}

	CalendarDay day(LocalDate date) {
		boolean weekend = date.getDayOfWeek() == DayOfWeek.SATURDAY || date.getDayOfWeek() == DayOfWeek.SUNDAY;
		if (this.loadedYears.contains(date.getYear())) {
			HolidayEntry entry = this.entries.get(date);
			if (entry != null) {
				return new CalendarDay(date, entry.kind() == DayKind.MAKEUP_WORKDAY, entry.kind(), entry.name(), false);
			}
			return plain(date, weekend, false);
		}
		String holiday = StatutoryHolidays.of(date.getYear()).get(date);
		if (holiday != null) {
			return new CalendarDay(date, false, DayKind.HOLIDAY, holiday + StatutoryHolidays.PROVISIONAL_SUFFIX, true);
		}
		return plain(date, weekend, true);
	}

	DueDate add(LocalDate from, int amount, PeriodUnit unit) {
		if (amount < 0 || amount > MAX_AMOUNT) {
			throw new IllegalArgumentException("amount must be between 0 and " + MAX_AMOUNT + ": " + amount);
		}
		day(from); // refuses a start in a year the calendar cannot answer
		boolean provisional = false;
		LocalDate current = from;
		if (unit == PeriodUnit.MONTHS || unit == PeriodUnit.YEARS) {
			current = (unit == PeriodUnit.MONTHS) ? from.plusMonths(amount) : from.plusYears(amount);
			return new DueDate(from, amount, unit, current, day(current).provisional());
		}
		if (unit == PeriodUnit.WORKING_DAYS) {
			int counted = 0;
			while (counted < amount) {
				current = current.plusDays(1);
				CalendarDay day = day(current);
				provisional |= day.provisional();
				if (day.workingDay()) {
					counted++;
				}
			}
			return new DueDate(from, amount, unit, current, provisional);
		}
		current = from.plusDays(amount);
		CalendarDay day = day(current);
		provisional = day.provisional();
		while (!day.workingDay()) {
			current = current.plusDays(1);
			day = day(current);
			provisional |= day.provisional();
		}
		return new DueDate(from, amount, unit, current, provisional);
	}

	int workingDaysBetween(LocalDate fromExclusive, LocalDate toInclusive) {
		int count = 0;
		for (LocalDate day = fromExclusive.plusDays(1); !day.isAfter(toInclusive); day = day.plusDays(1)) {
			if (day(day).workingDay()) {
				count++;
			}
		}
		return count;
	}

	private static CalendarDay plain(LocalDate date, boolean weekend, boolean provisional) {
		return new CalendarDay(date, !weekend, weekend ? DayKind.WEEKEND : DayKind.WORKDAY, null, provisional);
	}

}
