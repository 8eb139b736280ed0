package cn.fazhi.calendar;

import java.time.Instant;

/**
 * A year of the calendar: loaded from the State Council's notice, or answered
 * provisionally.
 *
 * @param notice the notice the days come from; null for a provisional year
 */
public record CalendarYear(int year, boolean provisional, String notice, Instant loadedAt, String loadedBy,
		int holidays, int makeupWorkdays) {

}
