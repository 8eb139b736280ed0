package cn.fazhi.calendar;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Date;

import cn.fazhi.forms.FormRejections;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Component;

/**
 * A case's dates on the statutory calendar: "today" from the engine clock (so tests can
 * pin it), due dates as the last moment of their day in the government's time zone, and
 * the Chinese date text shown in forms.
 */
@Component
public class CaseClock {

	private static final DateTimeFormatter CHINESE = DateTimeFormatter.ofPattern("yyyy年M月d日");

	private final WorkingDayCalendar calendar;

	private final WorkCalendarExpressions dates;

	public CaseClock(WorkingDayCalendar calendar, WorkCalendarExpressions dates) {
		this.calendar = calendar;
		this.dates = dates;
	}

	public Date now() {
		return ClockUtil.getCurrentTime();
	}

	public LocalDate today() {
		return this.dates.toLocalDate(null);
	}

	public LocalDate toLocalDate(Date date) {
		return this.dates.toLocalDate(date);
	}

	/** A date field's value: a {@link Date} or an ISO {@code yyyy-MM-dd} text. */
	public LocalDate parseDate(Object value, String label) {
		try {
			return this.dates.toLocalDate(value);
		}
		catch (DateTimeException ex) {
			throw FormRejections.reject(label, "「" + label + "」日期格式不正确（应为 yyyy-MM-dd）");
		}
	}

	public Date endOfDay(LocalDate day) {
		return this.dates.endOfDay(day);
	}

	public DueDate add(LocalDate from, int amount, PeriodUnit unit) {
		return this.calendar.add(from, amount, unit);
	}

	public int workingDaysBetween(LocalDate fromExclusive, LocalDate toInclusive) {
		return this.calendar.workingDaysBetween(fromExclusive, toInclusive);
	}

	public static String text(LocalDate day) {
		return CHINESE.format(day);
	}

}
