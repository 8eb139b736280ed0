package cn.fazhi.calendar;

/**
 * A date in a year for which the calendar can give no answer: before the bundled data (no
 * notice loaded, and older holiday rules differ) or too far ahead.
 */
public class CalendarNotLoadedException extends RuntimeException {

	private final int year;

	public CalendarNotLoadedException(int year) {
		super(year + "年的节假日安排未载入，无法计算工作日。请系统管理员通过 PUT /api/calendar/years/" + year + " 上传该年度国务院办公厅节假日安排通知（CSV）。");
		this.year = year;
	}

	public int getYear() {
		return this.year;
	}

}
