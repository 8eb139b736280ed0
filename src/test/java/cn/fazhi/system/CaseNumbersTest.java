package cn.fazhi.system;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import cn.fazhi.support.FazhiSpringTest;
import cn.fazhi.support.HoldOpen;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Case numbers while another start holds the counter longer than H2's lock timeout (a
 * major decision on a loaded machine can take longer): the waiting start gets the next
 * number instead of failing. The waiting session's lock timeout is lowered to
 * {@value #LOCK_TIMEOUT_MILLIS} ms, so that holding the counter for {@link #HOLD} lets it
 * time out several times.
 */
@FazhiSpringTest
@DisplayName("案号：另一个立案事务长时间占用计数器时排队等待")
class CaseNumbersTest {

	static final String PREFIX = "LOCK-TEST";

	static final int LOCK_TIMEOUT_MILLIS = 100;

	static final Duration HOLD = Duration.ofMillis(1_000);

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
		// given: the counter exists, so the second start waits on the row, not on its
		// creation
		new TransactionTemplate(this.transactionManager)
			.executeWithoutResult((status) -> this.caseNumbers.nextNumber(PREFIX, 2032));
		// when, then
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
				HoldOpen.holdFor(HOLD);
				return number;
			}));
			assertThat(firstHasNumber.await(30, TimeUnit.SECONDS)).isTrue();
			Future<Long> second = threads.submit(() -> transaction.execute((status) -> {
				int usual = this.jdbc.queryForObject("call lock_timeout()", Integer.class);
				this.jdbc.execute("set lock_timeout " + LOCK_TIMEOUT_MILLIS);
				try {
					return this.caseNumbers.nextNumber(PREFIX, year);
				}
				finally {
					this.jdbc.execute("set lock_timeout " + usual);
				}
			}));
			return new Long[] { first.get(60, TimeUnit.SECONDS), second.get(60, TimeUnit.SECONDS) };
		}
		finally {
			threads.shutdownNow();
		}
	}

}
