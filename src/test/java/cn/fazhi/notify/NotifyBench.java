package cn.fazhi.notify;

import org.springframework.context.ApplicationContext;

/**
 * What the benchmarks ({@code cn.fazhi.bench}) need of the notify module's
 * package-private parts: one reminder scan, as the scheduler runs it every quarter of an
 * hour.
 */
public final class NotifyBench {

	private NotifyBench() {
	}

	/**
	 * @return how many reminders the scan gave
	 */
	public static int scanReminders(ApplicationContext context) {
		return context.getBean(DeadlineReminders.class).scan();
	}

}
