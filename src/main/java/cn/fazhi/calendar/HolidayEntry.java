package cn.fazhi.calendar;

import java.time.LocalDate;

/** One line of a year's holiday notice: a day off or a make-up working day. */
public record HolidayEntry(LocalDate date, DayKind kind, String name) {

}
