package cn.fazhi.decision.catalog;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import cn.fazhi.support.HoldOpen;

import org.springframework.transaction.support.TransactionTemplate;

/**
 * Starts decisions for one matter from several threads at once, each in a transaction of
 * its own that stays open a moment after its start, so that the others meet it (blocked
 * on the row, or seeing the link) rather than running after its commit.
 *
 * @param winners the running business keys the successful starts returned
 * @param failures what the other starts threw
 */
record ConcurrentStarts(List<String> winners, List<Throwable> failures) {

	static ConcurrentStarts race(TransactionTemplate transaction, DecisionCatalog catalog, long entryId,
			String... businessKeys) throws InterruptedException {
		CyclicBarrier together = new CyclicBarrier(businessKeys.length);
		ExecutorService threads = Executors.newFixedThreadPool(businessKeys.length);
		List<Future<CatalogEntry>> starts = new ArrayList<>();
		try {
			for (String key : businessKeys) {
				starts.add(threads.submit(() -> transaction.execute((status) -> {
					await(together);
					CatalogEntry started = catalog.startDecision(entryId, key, null);
					HoldOpen.holdFor(Duration.ofMillis(300));
					return started;
				})));
			}
		}
		finally {
			threads.shutdown();
			if (!threads.awaitTermination(30, TimeUnit.SECONDS)) {
				throw new IllegalStateException("concurrent starts did not finish within 30 s");
			}
		}
		List<String> winners = new ArrayList<>();
		List<Throwable> failures = new ArrayList<>();
		for (Future<CatalogEntry> start : starts) {
			try {
				winners.add(start.get().runningBusinessKey());
			}
			catch (ExecutionException ex) {
				failures.add(ex.getCause());
			}
		}
		return new ConcurrentStarts(winners, failures);
	}

	private static void await(CyclicBarrier barrier) {
		try {
			barrier.await(10, TimeUnit.SECONDS);
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

}
