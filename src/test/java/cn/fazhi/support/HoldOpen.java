package cn.fazhi.support;

import java.time.Duration;

/**
 * Keeps a database transaction open for a while in a concurrency test, so that another
 * transaction meets its locks. Only for that: process tests step jobs and the engine
 * clock instead of waiting.
 */
public final class HoldOpen {

	private HoldOpen() {
	}

	public static void holdFor(Duration duration) {
		try {
			Thread.sleep(duration.toMillis());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

}
