package cn.fazhi.calendar;

/**
 * The unit of a statutory period. A bare "日" in a statute is a calendar day; working days
 * are named as such (e.g. 行政复议法 Art 88: its 3, 5, 7 and 10-day periods).
 */
public enum PeriodUnit {

	WORKING_DAYS, CALENDAR_DAYS

}
