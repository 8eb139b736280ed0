package cn.fazhi.calendar;

import java.time.LocalDate;

/**
 * A date on the statutory calendar. Public contract of {@code GET
 * /api/calendar/days/{date}}.
 *
 * @param name the holiday or make-up day's name; null for a plain workday or weekend
 * @param provisional true when the year's holiday notice is not loaded and the statutory
 * core holidays were assumed instead
 */
public record CalendarDay(LocalDate date, boolean workingDay, DayKind kind, String name, boolean provisional) {

}
