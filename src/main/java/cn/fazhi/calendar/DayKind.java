package cn.fazhi.calendar;

/** What kind of day a date is for statutory periods. */
public enum DayKind {

	/** Monday to Friday, no holiday. */
	WORKDAY,
	/** Saturday or Sunday, not a make-up working day. */
	WEEKEND,
	/**
	 * A day off of the State Council's holiday arrangement (放假), weekdays and weekends
	 * alike.
	 */
	HOLIDAY,
	/** A weekend day worked instead (调休上班): counts as a working day. */
	MAKEUP_WORKDAY

}
