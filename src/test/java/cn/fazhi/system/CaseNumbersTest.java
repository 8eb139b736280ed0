package cn.fazhi.system;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import cn.fazhi.support.FazhiSpringTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Case numbers while another start holds the counter longer than the database's lock
 * timeout (H2 gives up after a second or two; a major decision on a loaded machine can
 * take longer): the waiting start gets the next number instead of failing.
 */
@FazhiSpringTest
@DisplayName("案号：另一个立案事务长时间占用计数器时排队等待")
class CaseNumbersTest {

	static final String PREFIX = "LOCK-TEST";

	static final long HOLD_MILLIS = 5_000;

	@Autowired
	CaseNumbers caseNumbers;

	@Autowired
	PlatformTransactionManager transactionManager;

	@Autowired
	JdbcTemplate jdbc;

	@AfterEach
	void removeCounters() {
		this.jdbc.update("delete from fz_case_number where prefix = ?", PREFIX);
	}

	@Test
	void shouldWaitForTheYearsFirstCaseWhileItCreatesTheCounter() throws Exception {
		assertThat(numbersWhileTheFirstHoldsTheCounter(2031)).containsExactly(1L, 2L);
	}

	@Test
	void shouldWaitForAStartThatHoldsTheCounterRow() throws Exception {
		// the counter exists: the second start waits on the row, not on its creation
		new TransactionTemplate(this.transactionManager)
			.executeWithoutResult((status) -> this.caseNumbers.nextNumber(PREFIX, 2032));
		assertThat(numbersWhileTheFirstHoldsTheCounter(2032)).containsExactly(2L, 3L);
	}

	private Long[] numbersWhileTheFirstHoldsTheCounter(int year) throws Exception {
		TransactionTemplate transaction = new TransactionTemplate(this.transactionManager);
		CountDownLatch firstHasNumber = new CountDownLatch(1);
		ExecutorService threads = Executors.newFixedThreadPool(2);
		try {
			Future<Long> first = threads.submit(() -> transaction.execute((status) -> {
				long number = this.caseNumbers.nextNumber(PREFIX, year);
				firstHasNumber.countDown();
				sleep(HOLD_MILLIS);
				return number;
			}));
			assertThat(firstHasNumber.await(30, TimeUnit.SECONDS)).isTrue();
			Future<Long> second = threads
				.submit(() -> transaction.execute((status) -> this.caseNumbers.nextNumber(PREFIX, year)));
			return new Long[] { first.get(60, TimeUnit.SECONDS), second.get(60, TimeUnit.SECONDS) };
		}
		finally {
			threads.shutdownNow();
		}
	}

	private static void sleep(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

}
