package cn.fazhi.calendar;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Date;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Bean {@code workCalendar} for BPMN expressions: statutory dates for
 * {@code camunda:dueDate} and timer {@code timeDate}, e.g.
 * {@code camunda:dueDate="${workCalendar.dueDate(receivedAt, 5, 'WORKING_DAYS')}"}. The
 * engine looks business calendars up by fixed names, so statutory dates are computed here
 * and fed in as expressions (STACK.md §3 item 7).
 * <p>
 * {@code from} may be a {@link Date}, {@link LocalDate}, {@link LocalDateTime} or an ISO
 * date or date-time text; null means now on the engine clock. Dates are days in the
 * government's time zone ({@code fazhi.calendar.zone}).
 */
@Component("workCalendar")
public class WorkCalendarExpressions {

	private final WorkingDayCalendar calendar;

	private final ZoneId zone;

	WorkCalendarExpressions(WorkingDayCalendar calendar, @Value("${fazhi.calendar.zone:Asia/Shanghai}") ZoneId zone) {
		this.calendar = calendar;
		this.zone = zone;
	}

	/** The period's last day at 23:59:59: a task is due by the end of that day. */
	public Date dueDate(Object from, Number amount, String unit) {
		return endOfDay(due(from, amount, unit).due());
	}

	/**
	 * The start of the day after the period's last day: a timer fires once the period has
	 * elapsed.
	 */
	public Date periodEnd(Object from, Number amount, String unit) {
		return startOfDay(due(from, amount, unit).due().plusDays(1));
	}

	public Date addWorkingDays(Object from, Number amount) {
		return dueDate(from, amount, PeriodUnit.WORKING_DAYS.name());
	}

	public Date addCalendarDays(Object from, Number amount) {
		return dueDate(from, amount, PeriodUnit.CALENDAR_DAYS.name());
	}

	public boolean provisional(Object from, Number amount, String unit) {
		return due(from, amount, unit).provisional();
	}

	/** The day a value falls on in the government's time zone. */
	public LocalDate toLocalDate(Object value) {
		if (value == null) {
			return ClockUtil.getCurrentTime().toInstant().atZone(this.zone).toLocalDate();
		}
		if (value instanceof Date date) {
			return date.toInstant().atZone(this.zone).toLocalDate();
		}
		if (value instanceof LocalDate date) {
			return date;
		}
		if (value instanceof LocalDateTime dateTime) {
			return dateTime.toLocalDate();
		}
		if (value instanceof OffsetDateTime dateTime) {
			return dateTime.atZoneSameInstant(this.zone).toLocalDate();
		}
		String text = value.toString();
		try {
			return (text.length() <= 10) ? LocalDate.parse(text)
					: OffsetDateTime.parse(text).atZoneSameInstant(this.zone).toLocalDate();
		}
		catch (DateTimeParseException ex) {
			return LocalDateTime.parse(text).toLocalDate();
		}
	}

	public Date endOfDay(LocalDate day) {
		return Date.from(day.atTime(LocalTime.of(23, 59, 59)).atZone(this.zone).toInstant());
	}

	public Date startOfDay(LocalDate day) {
		return Date.from(day.atStartOfDay(this.zone).toInstant());
	}

	private DueDate due(Object from, Number amount, String unit) {
		return this.calendar.add(toLocalDate(from), amount.intValue(), PeriodUnit.valueOf(unit));
	}

}
