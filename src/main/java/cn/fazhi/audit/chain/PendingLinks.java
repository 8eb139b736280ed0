package cn.fazhi.audit.chain;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.core.Ordered;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The chained rows one transaction has written, linked into their chains just before the
 * transaction commits ({@link #beforeCommit}): in the same transaction, after every
 * engine command of it has flushed, and once per transaction however many commands and
 * flushes it had. A row written several times in the transaction gets one link with its
 * final content.
 * <p>
 * One instance per transaction, found among the transaction's synchronizations, so that a
 * nested {@code REQUIRES_NEW} transaction (which suspends them) collects its own.
 */
final class PendingLinks implements TransactionSynchronization {

	/** What happened to a row, as the link records it. */
	enum Change {

		INSERT, UPDATE, DELETE

	}

	/** A row to link, with its first and last change in this transaction. */
	record Pending(String table, String rowId, Change first, Change last) {

		/**
		 * The change the link records, or null when the row was created and removed in
		 * this transaction and never existed for anyone else.
		 */
		Change net() {
			if (this.last == Change.DELETE) {
				return (this.first == Change.INSERT) ? null : Change.DELETE;
			}
			return (this.first == Change.INSERT) ? Change.INSERT : Change.UPDATE;
		}

	}

	private record RowKey(String table, String rowId) {
	}

	private final ChainWriter writer;

	private final Map<RowKey, Pending> rows = new LinkedHashMap<>();

	private final Set<String> annotatedOperations = new LinkedHashSet<>();

	private boolean written;

	private Set<String> createdChains = Set.of();

	private PendingLinks(ChainWriter writer) {
		this.writer = writer;
	}

	/**
	 * The pending links of the current transaction.
	 * @throws IllegalStateException outside a Spring-managed transaction: a link written
	 * in a transaction of its own could commit without its row, or the row without it
	 */
	static PendingLinks current(ChainWriter writer) {
		if (!TransactionSynchronizationManager.isSynchronizationActive()) {
			throw new IllegalStateException("History is being written outside a Spring-managed transaction; the audit "
					+ "chain can only link rows in the transaction that writes them (ADR 0012)");
		}
		for (TransactionSynchronization synchronization : TransactionSynchronizationManager.getSynchronizations()) {
			if (synchronization instanceof PendingLinks pending && pending.writer == writer) {
				return pending;
			}
		}
		PendingLinks pending = new PendingLinks(writer);
		TransactionSynchronizationManager.registerSynchronization(pending);
		return pending;
	}

	void add(String table, String rowId, Change change) {
		requireOpen();
		this.rows.merge(new RowKey(table, rowId), new Pending(table, rowId, change, change),
				(earlier, later) -> new Pending(table, rowId, earlier.first(), change));
	}

	/**
	 * Operation-log entries whose annotation Camunda changed with one bulk statement
	 * ({@code updateOperationLogAnnotationByOperationId}): linked by operation id.
	 */
	void addAnnotatedOperation(String operationId) {
		requireOpen();
		this.annotatedOperations.add(operationId);
	}

	@Override
	public void beforeCommit(boolean readOnly) {
		this.written = true;
		List<Pending> pending = new ArrayList<>(this.rows.values());
		this.createdChains = this.writer.write(pending, this.annotatedOperations);
	}

	@Override
	public void afterCommit() {
		this.writer.committed(this.createdChains);
	}

	/** After every other synchronization that might still write history. */
	@Override
	public int getOrder() {
		return Ordered.LOWEST_PRECEDENCE;
	}

	private void requireOpen() {
		if (this.written) {
			throw new IllegalStateException("History was written after this transaction's audit links were written; "
					+ "the audit chain would miss it (ADR 0012)");
		}
	}

}
