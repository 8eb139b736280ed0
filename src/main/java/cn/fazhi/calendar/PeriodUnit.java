package cn.fazhi.calendar;

/**
 * The unit of a statutory period. A bare "日" in a statute is a calendar day; working days
 * are named as such (e.g. 行政复议法 Art 88: its 3, 5, 7 and 10-day periods).
 * <p>
 * {@link #MONTHS} and {@link #YEARS} are terms rather than time limits for an act — a
 * normative document's validity (有效期五年) or the lead time of its evaluation (届满前六个月): they
 * end on the same date so many months or years on (the end of a shorter month when that
 * date does not exist) and are not moved off a rest day, because a term of validity ends
 * on its date whatever day of the week it is.
 */
public enum PeriodUnit {

	WORKING_DAYS, CALENDAR_DAYS, MONTHS, YEARS

}
