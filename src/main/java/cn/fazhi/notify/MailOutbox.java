package cn.fazhi.notify;

import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The one way Fazhi sends mail: {@link #enqueue} writes the mail into the outbox table in
 * the caller's transaction (from a delegate or listener that is the engine's transaction,
 * which Camunda's Spring integration runs on the same DataSource), and the
 * {@link MailDispatcher} sends it after that transaction commits, on a thread of its own,
 * retrying while the mail server is down. So a step that wants a mail never waits for the
 * mail server, never fails because of it, and a rolled-back step sends nothing (ADR
 * 0011).
 */
@Service
public class MailOutbox {

	static final int MAX_KEY = 200;

	static final int MAX_SUBJECT = 500;

	static final int MAX_BODY = 100_000;

	/** The recipients, joined by commas (about 500 addresses). */
	static final int MAX_RECIPIENTS = 20_000;

	private final OutboxStore store;

	private final MailDispatcher dispatcher;

	MailOutbox(OutboxStore store, MailDispatcher dispatcher) {
		this.store = store;
		this.dispatcher = dispatcher;
	}

	/**
	 * Queues a plain-text mail to go out once the current transaction commits (at once if
	 * there is none).
	 * @param dedupKey identifies the notice (e.g. {@code reminder:{taskId}:OVERDUE}): a
	 * second mail with the same key is not queued, ever
	 * @param recipients mail addresses; blanks and repeats are dropped
	 * @return false if a mail with this key was queued before (nothing is queued then)
	 * @throws IllegalArgumentException without any recipient, with an empty key or
	 * subject, or with a text too long for the outbox
	 */
	public boolean enqueue(String dedupKey, Collection<String> recipients, String subject, String body) {
		List<String> addresses = addresses(recipients);
		require(dedupKey != null && !dedupKey.isBlank() && dedupKey.length() <= MAX_KEY,
				"the dedup key must be 1 to " + MAX_KEY + " characters: " + dedupKey);
		require(!addresses.isEmpty(), "a mail needs at least one recipient: " + dedupKey);
		require(String.join(",", addresses).length() <= MAX_RECIPIENTS,
				"too many recipients for one mail (" + addresses.size() + "): " + dedupKey);
		require(subject != null && !subject.isBlank() && subject.length() <= MAX_SUBJECT,
				"the subject must be 1 to " + MAX_SUBJECT + " characters: " + dedupKey);
		require(body != null && body.length() <= MAX_BODY, "the body must be at most " + MAX_BODY + " characters");
		boolean queued = this.store.insert(dedupKey, addresses, subject, body, Instant.now());
		if (queued) {
			afterCommit(this.dispatcher::nudge);
		}
		return queued;
	}

	/**
	 * Sends the mails that are due now, on the mail thread; returns at once. The schedule
	 * ({@code fazhi.mail.poll-interval}) does this on every node; call it where that is
	 * off (tests) or to retry at once after a mail server came back.
	 */
	public void sendDue() {
		this.dispatcher.nudge();
	}

	private static List<String> addresses(Collection<String> recipients) {
		Set<String> addresses = new LinkedHashSet<>();
		if (recipients != null) {
			for (String recipient : recipients) {
				if (recipient != null && !recipient.isBlank()) {
					String address = recipient.strip();
					require(!address.contains(",") && address.chars().noneMatch(Character::isWhitespace),
							"not a single mail address: " + address);
					addresses.add(address);
				}
			}
		}
		return List.copyOf(addresses);
	}

	private static void afterCommit(Runnable work) {
		if (!TransactionSynchronizationManager.isSynchronizationActive()) {
			work.run();
			return;
		}
		TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
			@Override
			public void afterCommit() {
				work.run();
			}
		});
	}

	private static void require(boolean condition, String message) {
		if (!condition) {
			throw new IllegalArgumentException(message);
		}
	}

}
