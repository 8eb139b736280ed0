package cn.fazhi.system;

import java.time.Duration;
import java.util.function.Supplier;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Case numbers (案号) such as {@code MD-2026-0007}: one counter per prefix and year,
 * without gaps or duplicates. The counter row is incremented in the caller's transaction
 * (the engine's, when a case starts), so concurrent starts queue on the row lock and a
 * start that rolls back gives its number back.
 * <p>
 * PostgreSQL lets a waiting start wait as long as the start ahead of it takes. H2 gives
 * up after its lock timeout (a second or two) and a slow start ahead — a major decision
 * on a loaded machine, or the year's first two cases creating the counter together —
 * would make the next one fail. Here a lock timeout is waited out again, up to
 * {@link #LOCK_PATIENCE}, so both databases queue the same way.
 */
@Component
public class CaseNumbers {

	/** How long a start waits in total for the counter row before it gives up. */
	static final Duration LOCK_PATIENCE = Duration.ofSeconds(60);

	private final JdbcTemplate jdbc;

	private final TransactionTemplate savepoint;

	CaseNumbers(JdbcTemplate jdbc, PlatformTransactionManager transactionManager) {
		this.jdbc = jdbc;
		this.savepoint = new TransactionTemplate(transactionManager);
		this.savepoint.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
	}

	/** The next number of the year, formatted {@code PREFIX-YYYY-NNNN}. */
	public String next(String prefix, int year) {
		return String.format("%s-%d-%04d", prefix, year, nextNumber(prefix, year));
	}

	/**
	 * The next number of the year as a pattern gives it: {@code {year}} and
	 * {@code {number}} are replaced, e.g. {@code 示府复〔{year}〕{number}号} → 示府复〔2026〕12号.
	 */
	public String next(String prefix, int year, String pattern) {
		return pattern.replace("{year}", String.valueOf(year))
			.replace("{number}", String.valueOf(nextNumber(prefix, year)));
	}

	/** The next number of the year for the prefix: 1, 2, 3 … */
	public long nextNumber(String prefix, int year) {
		if (waitingForLock(() -> increment(prefix, year)) == 0) {
			waitingForLock(() -> createCounter(prefix, year));
			waitingForLock(() -> increment(prefix, year));
		}
		return this.jdbc.queryForObject("select last_number from fz_case_number where prefix = ? and case_year = ?",
				Long.class, prefix, year);
	}

	/**
	 * Repeats a statement that timed out waiting for another transaction's row lock. H2
	 * reports it as a query timeout and rolls back only the statement, so the caller's
	 * transaction goes on. Nothing else is repeated: a deadlock on PostgreSQL aborts the
	 * whole transaction, and the start must fail with it.
	 */
	private static int waitingForLock(Supplier<Integer> statement) {
		long giveUp = System.nanoTime() + LOCK_PATIENCE.toNanos();
		while (true) {
			try {
				return statement.get();
			}
			catch (QueryTimeoutException ex) {
				if (System.nanoTime() > giveUp) {
					throw ex;
				}
			}
		}
	}

	private int increment(String prefix, int year) {
		return this.jdbc.update(
				"update fz_case_number set last_number = last_number + 1 where prefix = ? and case_year = ?", prefix,
				year);
	}

	/**
	 * Behind a savepoint of the caller's transaction: another transaction (or node) may
	 * create the same row at the same moment, and on PostgreSQL a failed insert would
	 * otherwise abort the caller's transaction. Not in a transaction of its own: that
	 * would need a second connection while the caller holds one, and many first numbers
	 * of a year at once would exhaust the pool.
	 */
	private int createCounter(String prefix, int year) {
		try {
			return this.savepoint.execute((status) -> this.jdbc
				.update("insert into fz_case_number (prefix, case_year, last_number) values (?, ?, 0)", prefix, year));
		}
		catch (DuplicateKeyException ex) {
			// created concurrently: fine
			return 0;
		}
	}

}
