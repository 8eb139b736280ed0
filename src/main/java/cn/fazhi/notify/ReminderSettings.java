package cn.fazhi.notify;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.scheduling.support.CronExpression;

/**
 * {@code fazhi.reminders.*}: deadline reminders, urging and the daily digest (ADR 0011).
 *
 * @param leadWorkingDays a task is reminded ("即将到期") once its due date is this many
 * working days away or fewer
 * @param scanCron when the reminder scan runs (zone {@code fazhi.calendar.zone})
 * @param digestCron when the daily digest goes out
 * @param urgeInterval a task may be urged once per this interval
 * @param batchSize tasks read at a time by the scan and the digest
 */
@ConfigurationProperties("fazhi.reminders")
record ReminderSettings(@DefaultValue("2") int leadWorkingDays, @DefaultValue("0 */15 * * * *") String scanCron,
		@DefaultValue("0 0 8 * * *") String digestCron, @DefaultValue("PT4H") Duration urgeInterval,
		@DefaultValue("200") int batchSize) {

	ReminderSettings {
		if (leadWorkingDays < 0) {
			throw new IllegalArgumentException(
					"fazhi.reminders.lead-working-days must not be negative, was " + leadWorkingDays);
		}
		if (batchSize < 1) {
			throw new IllegalArgumentException("fazhi.reminders.batch-size must be at least 1, was " + batchSize);
		}
		requireCron("fazhi.reminders.scan-cron", scanCron);
		requireCron("fazhi.reminders.digest-cron", digestCron);
	}

	/**
	 * A wrong cron expression fails the start with the setting's name, not later in the
	 * scheduler; "-" switches the job off.
	 */
	private static void requireCron(String name, String cron) {
		if (!Scheduled.CRON_DISABLED.equals(cron) && !CronExpression.isValidExpression(cron)) {
			throw new IllegalArgumentException(
					name + " is not a cron expression (second minute hour day month weekday, "
							+ "e.g. 0 */15 * * * *): " + cron);
		}
	}

}
