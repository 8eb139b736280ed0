package cn.fazhi.legalreview;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Date;

import cn.fazhi.calendar.DueDate;
import cn.fazhi.calendar.PeriodUnit;
import cn.fazhi.calendar.WorkCalendarExpressions;
import cn.fazhi.calendar.WorkingDayCalendar;
import cn.fazhi.forms.FormRejections;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Component;

/**
 * The review's dates on the statutory calendar: "today" from the engine clock (so tests
 * can pin it), due dates as the last moment of their day in the government's time zone,
 * and the Chinese date text shown in forms.
 */
@Component
class ReviewClock {

	private static final DateTimeFormatter CHINESE = DateTimeFormatter.ofPattern("yyyy年M月d日");

	private final WorkingDayCalendar calendar;

	private final WorkCalendarExpressions dates;

	ReviewClock(WorkingDayCalendar calendar, WorkCalendarExpressions dates) {
		this.calendar = calendar;
		this.dates = dates;
	}

	Date now() {
		return ClockUtil.getCurrentTime();
	}

	LocalDate today() {
		return this.dates.toLocalDate(null);
	}

	LocalDate toLocalDate(Date date) {
		return this.dates.toLocalDate(date);
	}

	/** A date field's value: a {@link Date} or an ISO {@code yyyy-MM-dd} text. */
	LocalDate parseDate(Object value, String label) {
		try {
			return this.dates.toLocalDate(value);
		}
		catch (DateTimeException ex) {
			throw FormRejections.reject(label, "「" + label + "」日期格式不正确（应为 yyyy-MM-dd）");
		}
	}

	Date endOfDay(LocalDate day) {
		return this.dates.endOfDay(day);
	}

	DueDate add(LocalDate from, int amount, PeriodUnit unit) {
		return this.calendar.add(from, amount, unit);
	}

	int workingDaysBetween(LocalDate fromExclusive, LocalDate toInclusive) {
		return this.calendar.workingDaysBetween(fromExclusive, toInclusive);
	}

	static String text(LocalDate day) {
		return CHINESE.format(day);
	}

}
