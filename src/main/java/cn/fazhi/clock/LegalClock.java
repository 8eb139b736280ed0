package cn.fazhi.clock;

import java.time.Instant;
import java.time.LocalDate;

import cn.fazhi.calendar.PeriodUnit;

/**
 * A statutory period running in a case. {@code status} is as stored: {@code RUNNING},
 * {@code PAUSED}, {@code MET}, or {@code OVERDUE} once closed after its due day;
 * {@link #statusOn(LocalDate)} also calls a running clock past its due day overdue.
 */
public record LegalClock(long id, String processInstanceId, String rootProcessInstanceId, String businessKey,
		String code, String variant, String name, String article, String kind, PeriodUnit unit, int length,
		LocalDate start, LocalDate due, String status, LocalDate pausedSince, int pausedDays, int extensionDays,
		int extensions, int maxExtension, boolean pausable, boolean provisional, Instant createdAt, Instant closedAt) {

	public static final String RUNNING = "RUNNING";

	public static final String PAUSED = "PAUSED";

	public static final String MET = "MET";

	public static final String OVERDUE = "OVERDUE";

	public boolean isOpen() {
		return RUNNING.equals(this.status) || PAUSED.equals(this.status);
	}

	/** The status as of a day: a running deadline whose due day has passed is overdue. */
	public String statusOn(LocalDate today) {
		if (RUNNING.equals(this.status) && "DEADLINE".equals(this.kind) && today.isAfter(this.due)) {
			return OVERDUE;
		}
		return this.status;
	}

}
