package cn.fazhi.clock;

import cn.fazhi.calendar.PeriodUnit;

/**
 * One statutory period as the rule table {@code deadline-rules} states it for the active
 * jurisdiction.
 *
 * @param code the period's code, e.g. {@code LR_LIMIT}
 * @param variant the matter type the row is for, or empty
 * @param kind {@code DEADLINE} (must be done by), {@code MINIMUM} (not earlier than) or
 * {@code WINDOW} (the next step waits until it has passed)
 * @param maxExtension the most it may be extended, in {@code unit}
 */
public record DeadlineRule(String code, String variant, String name, int length, PeriodUnit unit, String kind,
		String startEvent, boolean rollForward, boolean pausable, int maxExtension, String article) {

	/** "15个工作日" / "30日" / "6个月" / "5年". */
	public String lengthText() {
		return this.length + switch (this.unit) {
			case WORKING_DAYS -> "个工作日";
			case CALENDAR_DAYS -> "日";
			case MONTHS -> "个月";
			case YEARS -> "年";
		};
	}

}
