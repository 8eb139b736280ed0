package cn.fazhi.notify;

import java.time.Instant;
import java.util.List;

/**
 * One row of the mail outbox ({@code fz_mail_outbox}).
 *
 * @param status {@link #PENDING}, {@link #SENDING}, {@link #SENT} or {@link #FAILED}
 * @param attempts attempts made so far
 * @param lastError why the last attempt failed, if it did
 */
record OutboxMail(long id, String dedupKey, List<String> recipients, String subject, String body, String status,
		int attempts, Instant nextAttemptAt, String lastError, Instant createdAt, Instant sentAt) {

	/** Waiting to be sent, for the first time or again after a failed attempt. */
	static final String PENDING = "PENDING";

	/** Claimed by one node, which is sending it. */
	static final String SENDING = "SENDING";

	static final String SENT = "SENT";

	/** Given up after the last allowed attempt; an administrator must look. */
	static final String FAILED = "FAILED";

	static final List<String> STATUSES = List.of(PENDING, SENDING, SENT, FAILED);

}
