package cn.fazhi.notify;

import java.lang.management.ManagementFactory;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.mail.MailException;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;

/**
 * Sends the outbox's mails, outside every business transaction, on one thread of its own
 * per node: when nudged after a commit ({@link MailOutbox}) and on a schedule
 * ({@code fazhi.mail.poll-interval}, for retries and for mails of nodes that stopped).
 * Each mail is claimed by one conditional update before it is sent, so two nodes never
 * send the same row; a failed attempt is retried after a growing wait
 * ({@code fazhi.mail.retry-backoff}) until {@code fazhi.mail.max-attempts}, then the mail
 * is FAILED for an administrator to see.
 * <p>
 * Delivery is at least once: a node that dies after the server accepted a mail but before
 * it recorded that leaves the row claimed, and after {@code fazhi.mail.claim-timeout}
 * another node sends it again.
 */
@Component
class MailDispatcher implements DisposableBean {

	private static final Logger log = LoggerFactory.getLogger(MailDispatcher.class);

	private final OutboxStore store;

	private final JavaMailSender sender;

	private final MailSettings settings;

	private final String node = ManagementFactory.getRuntimeMXBean().getName() + "/"
			+ UUID.randomUUID().toString().substring(0, 8);

	private final ExecutorService executor = Executors.newSingleThreadExecutor((work) -> {
		Thread thread = new Thread(work, "fazhi-mail");
		thread.setDaemon(true);
		return thread;
	});

	private final AtomicBoolean queued = new AtomicBoolean();

	MailDispatcher(OutboxStore store, JavaMailSender sender, MailSettings settings) {
		this.store = store;
		this.sender = sender;
		this.settings = settings;
	}

	/**
	 * Asks the mail thread to send what is due; returns at once. Nudges while a run is
	 * waiting to start are merged into it.
	 */
	void nudge() {
		if (this.queued.compareAndSet(false, true)) {
			try {
				this.executor.execute(() -> {
					this.queued.set(false);
					try {
						dispatch(Instant.now());
					}
					catch (RuntimeException ex) {
						log.warn("Mail outbox could not be read; the next poll tries again: {}", ex.toString());
					}
				});
			}
			catch (RejectedExecutionException ex) {
				this.queued.set(false);
			}
		}
	}

	/**
	 * Sends every mail due at {@code now} on the calling thread.
	 * @return how many were sent
	 */
	int dispatch(Instant now) {
		int sent = 0;
		while (true) {
			List<Long> due = this.store.due(now, this.settings.batchSize());
			List<OutboxMail> claimed = new ArrayList<>();
			for (long id : due) {
				if (this.store.claim(id, this.node, now, now.plus(this.settings.claimTimeout()))) {
					claimed.add(this.store.load(id));
				}
			}
			if (claimed.isEmpty()) {
				return sent;
			}
			sent += send(claimed, now);
		}
	}

	/**
	 * Sends a batch over one connection to the mail server (one connection per mail made
	 * the server's handshake the bottleneck: about 20 mails a second, issue 8), and
	 * records each mail's own outcome: the server may refuse one recipient list and
	 * accept the rest.
	 * @return how many were sent
	 */
	private int send(List<OutboxMail> mails, Instant now) {
		Map<MimeMessage, OutboxMail> messages = new LinkedHashMap<>();
		for (OutboxMail mail : mails) {
			try {
				messages.put(message(mail), mail);
			}
			catch (MessagingException ex) {
				failed(mail, now, ex);
			}
		}
		if (messages.isEmpty()) {
			return 0;
		}
		Map<Object, Exception> failures = Map.of();
		try {
			this.sender.send(messages.keySet().toArray(MimeMessage[]::new));
		}
		catch (MailSendException ex) {
			// each mail not sent is listed, also when the connection failed; with none
			// listed
			// only closing the connection failed, after every mail had been accepted
			failures = ex.getFailedMessages();
		}
		catch (MailException ex) {
			messages.values().forEach((mail) -> failed(mail, now, ex));
			return 0;
		}
		int sent = 0;
		Instant at = Instant.now();
		for (Map.Entry<MimeMessage, OutboxMail> entry : messages.entrySet()) {
			Exception failure = failures.get(entry.getKey());
			if (failure != null) {
				failed(entry.getValue(), now, failure);
			}
			else {
				this.store.sent(entry.getValue().id(), this.node, entry.getValue().attempts() + 1, at);
				sent++;
			}
		}
		return sent;
	}

	private MimeMessage message(OutboxMail mail) throws MessagingException {
		MimeMessage message = this.sender.createMimeMessage();
		MimeMessageHelper helper = new MimeMessageHelper(message, false, "UTF-8");
		helper.setFrom(this.settings.from());
		helper.setTo(mail.recipients().toArray(String[]::new));
		helper.setSubject(mail.subject());
		helper.setText(mail.body(), false);
		return message;
	}

	private void failed(OutboxMail mail, Instant now, Exception ex) {
		int attempts = mail.attempts() + 1;
		String error = NestedExceptionUtils.getMostSpecificCause(ex).toString();
		error = (error.length() > 2000) ? error.substring(0, 2000) : error;
		Instant next = (attempts >= this.settings.maxAttempts()) ? null
				: now.plus(this.settings.backoffAfter(attempts));
		this.store.failed(mail.id(), this.node, attempts, next, error);
		log.warn("Mail {} ({}) not sent, attempt {} of {}{}: {}", mail.id(), mail.dedupKey(), attempts,
				this.settings.maxAttempts(), (next == null) ? ", given up" : ", next at " + next, error);
	}

	@Override
	public void destroy() throws InterruptedException {
		this.executor.shutdownNow();
		this.executor.awaitTermination(5, TimeUnit.SECONDS);
	}

}
