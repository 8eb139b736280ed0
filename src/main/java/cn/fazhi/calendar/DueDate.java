package cn.fazhi.calendar;

import java.time.LocalDate;

/**
 * The last day of a period. Public contract of {@code GET /api/calendar/add}.
 *
 * @param provisional true when a day that decided the result lies in a year whose holiday
 * notice is not loaded yet
 */
public record DueDate(LocalDate from, int amount, PeriodUnit unit, LocalDate due, boolean provisional) {

}
