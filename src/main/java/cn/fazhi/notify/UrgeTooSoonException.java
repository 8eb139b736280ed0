package cn.fazhi.notify;

import java.time.Duration;

import cn.fazhi.system.web.ApiException;

import org.springframework.http.HttpStatus;

/**
 * An urge within {@code fazhi.reminders.urge-interval} of the last one (429); answered
 * with a {@code Retry-After} header by {@link UrgeController}.
 */
class UrgeTooSoonException extends ApiException {

	private final Duration retryAfter;

	UrgeTooSoonException(Duration retryAfter, String message) {
		super(HttpStatus.TOO_MANY_REQUESTS, null, message);
		this.retryAfter = retryAfter;
	}

	/** Whole seconds, at least one. */
	long retryAfterSeconds() {
		return Math.max(1, (this.retryAfter.toMillis() + 999) / 1000);
	}

}
