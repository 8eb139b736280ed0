package cn.fazhi.notify;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code fazhi.mail.*}: how the outbox sends (ADR 0011). The SMTP server itself is
 * {@code spring.mail.*}.
 *
 * @param from sender address of every Fazhi mail
 * @param pollInterval how often each node looks for mails that are due (new ones are also
 * sent at once after their transaction commits)
 * @param maxAttempts attempts before a mail is given up (status FAILED)
 * @param retryBackoff waits after the 1st, 2nd, … failed attempt; the last one repeats
 * @param claimTimeout how long a node may take to send a mail it claimed before another
 * node may claim it again (a node that died while sending)
 * @param batchSize mails claimed at a time
 */
@ConfigurationProperties("fazhi.mail")
record MailSettings(@DefaultValue("fazhi@localhost") String from, @DefaultValue("PT30S") Duration pollInterval,
		@DefaultValue("10") int maxAttempts, @DefaultValue( {
				"PT1M", "PT5M", "PT15M", "PT1H", "PT4H" }) List<Duration> retryBackoff,
		@DefaultValue("PT5M") Duration claimTimeout, @DefaultValue("50") int batchSize){

	MailSettings {
		if (maxAttempts < 1) {
			throw new IllegalArgumentException("fazhi.mail.max-attempts must be at least 1, was " + maxAttempts);
		}
		if (retryBackoff == null || retryBackoff.isEmpty()) {
			throw new IllegalArgumentException("fazhi.mail.retry-backoff needs at least one duration, e.g. PT1M,PT5M");
		}
		retryBackoff = List.copyOf(retryBackoff);
	}

	/** The wait after the given number of failed attempts (1 = after the first). */
	Duration backoffAfter(int failedAttempts) {
		return this.retryBackoff.get(Math.min(Math.max(failedAttempts, 1), this.retryBackoff.size()) - 1);
	}

}
