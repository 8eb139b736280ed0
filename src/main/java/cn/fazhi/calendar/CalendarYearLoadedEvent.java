package cn.fazhi.calendar;

/**
 * Published when an administrator loads a year's holiday notice, after the transaction
 * commits (listen with {@code @TransactionalEventListener}): deadlines computed
 * provisionally for that year must be computed again.
 */
public record CalendarYearLoadedEvent(int year, String notice, String loadedBy) {

}
