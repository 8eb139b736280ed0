package cn.fazhi.calendar;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Service;

/**
 * The statutory working-day calendar (工作日历) every deadline of every procedure is computed
 * with. Rules: {@link CalendarRules}; data: the loaded State Council holiday notices.
 * <p>
 * The notices are held in memory as an immutable snapshot. It is replaced at once after
 * an upload on this node, and at most 30 seconds after one on another node (a cheap
 * version query, made only when a computation needs the calendar).
 */
@Service
public class WorkingDayCalendar {

	static final Duration RECHECK = Duration.ofSeconds(30);

	private final CalendarRepository repository;

	private final Clock clock;

	private volatile Snapshot snapshot;

	@Autowired
	WorkingDayCalendar(CalendarRepository repository) {
		this(repository, Clock.systemUTC());
	}

	WorkingDayCalendar(CalendarRepository repository, Clock clock) {
		this.repository = repository;
		this.clock = clock;
	}

	public CalendarDay day(LocalDate date) {
		return rules().day(date);
	}

	/**
	 * The last day of a period of {@code amount} units starting on {@code from}, which is
	 * not counted.
	 * @throws IllegalArgumentException for a negative amount or one above 3660
	 * @throws CalendarNotLoadedException for a year the calendar cannot answer
	 */
	public DueDate add(LocalDate from, int amount, PeriodUnit unit) {
		return rules().add(from, amount, unit);
	}

	/**
	 * Working days d with {@code fromExclusive < d <= toInclusive}; 0 if to is not after
	 * from.
	 */
	public int workingDaysBetween(LocalDate fromExclusive, LocalDate toInclusive) {
		return rules().workingDaysBetween(fromExclusive, toInclusive);
	}

	/**
	 * Loaded years, then the provisional years up to the next one after the last loaded.
	 */
	public List<CalendarYear> years() {
		List<CalendarYear> years = new ArrayList<>(this.repository.years());
		int next = years.stream().mapToInt(CalendarYear::year).max().orElse(StatutoryHolidays.FIRST_YEAR - 1) + 1;
		if (StatutoryHolidays.covers(next)) {
			years.add(new CalendarYear(next, true, null, null, null, StatutoryHolidays.of(next).size(), 0));
		}
		return years;
	}

	/** Forgets the snapshot; the next computation reads the notices again. */
	void refresh() {
		this.snapshot = null;
	}

	private CalendarRules rules() {
		Snapshot current = this.snapshot;
		Instant now = this.clock.instant();
		if (current != null && now.isBefore(current.checkedAt().plus(RECHECK))) {
			return current.rules();
		}
		String version = this.repository.version();
		if (current != null && current.version().equals(version)) {
			this.snapshot = new Snapshot(current.rules(), version, now);
			return current.rules();
		}
		Set<Integer> years = this.repository.years().stream().map(CalendarYear::year).collect(Collectors.toSet());
		CalendarRules rules = new CalendarRules(this.repository.days(), years);
		this.snapshot = new Snapshot(rules, version, now);
		return rules;
	}

	private record Snapshot(CalendarRules rules, String version, Instant checkedAt) {
	}

}
