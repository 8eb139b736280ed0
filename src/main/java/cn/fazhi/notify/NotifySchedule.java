package cn.fazhi.notify;

import cn.fazhi.system.DatabaseLocks;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The timed jobs of reminders and mail on this node. The scan and the digest run on one
 * node at a time (a database lock); the others find nothing left to do, since every
 * reminder and digest is recorded once. Off with {@code fazhi.notify.scheduling=false}
 * (the tests, which call the jobs directly).
 */
@Component
@EnableScheduling
@ConditionalOnProperty(name = "fazhi.notify.scheduling", havingValue = "true", matchIfMissing = true)
class NotifySchedule {

	private static final Logger log = LoggerFactory.getLogger(NotifySchedule.class);

	private final MailDispatcher dispatcher;

	private final DeadlineReminders reminders;

	private final DailyDigest digest;

	private final DatabaseLocks locks;

	NotifySchedule(MailDispatcher dispatcher, DeadlineReminders reminders, DailyDigest digest, DatabaseLocks locks) {
		this.dispatcher = dispatcher;
		this.reminders = reminders;
		this.digest = digest;
		this.locks = locks;
	}

	/** Retries, and mails that nobody nudged (their node stopped before it sent them). */
	@Scheduled(fixedDelayString = "${fazhi.mail.poll-interval:PT30S}",
			initialDelayString = "${fazhi.mail.poll-interval:PT30S}")
	void pollMail() {
		this.dispatcher.nudge();
	}

	@Scheduled(cron = "${fazhi.reminders.scan-cron:0 */15 * * * *}", zone = "${fazhi.calendar.zone:Asia/Shanghai}")
	void scanDeadlines() {
		this.locks.runExclusively("reminder-scan", () -> {
			int reminded = this.reminders.scan();
			if (reminded > 0) {
				log.info("Deadline reminders given: {}", reminded);
			}
		});
	}

	@Scheduled(cron = "${fazhi.reminders.digest-cron:0 0 8 * * *}", zone = "${fazhi.calendar.zone:Asia/Shanghai}")
	void sendDigests() {
		this.locks.runExclusively("daily-digest", () -> log.info("Daily digests queued: {}", this.digest.send()));
	}

}
