package cn.fazhi.audit.chain;

import cn.fazhi.audit.chain.PendingLinks.Change;

import org.springframework.stereotype.Component;

/**
 * The audit chain as the rest of Fazhi uses it: features that write audit-relevant rows
 * of their own (case materials, the decision catalogue) report each write here, in the
 * transaction that makes it, and the auditor's API verifies. The engine's history needs
 * no reporting: {@link AuditChainPlugin} sees it in the engine's flush.
 */
@Component
public class AuditChain {

	/** {@code fz_case_material}, keyed by attachment id. */
	public static final String CASE_MATERIAL = ChainedTable.CASE_MATERIAL;

	/** {@code fz_decision_catalog_entry}, keyed by id. */
	public static final String CATALOG_ENTRY = ChainedTable.CATALOG_ENTRY;

	private final AuditChainProperties properties;

	private final ChainWriter writer;

	private final ChainVerifier verifier;

	AuditChain(AuditChainProperties properties, ChainWriter writer, ChainVerifier verifier) {
		this.properties = properties;
		this.writer = writer;
		this.verifier = verifier;
	}

	/** A row was inserted; linked when the current transaction commits. */
	public void inserted(String table, Object id) {
		note(table, id, Change.INSERT);
	}

	/** A row was updated; linked when the current transaction commits. */
	public void updated(String table, Object id) {
		note(table, id, Change.UPDATE);
	}

	/** A row was deleted; linked when the current transaction commits. */
	public void deleted(String table, Object id) {
		note(table, id, Change.DELETE);
	}

	/** Every chain and every chained row. */
	public VerificationReport verifyAll() {
		return this.verifier.verifyAll();
	}

	/** One case (the chain of its root process instance) and the cases it called. */
	public VerificationReport verifyCase(String rootProcessInstanceId, String businessKey) {
		return this.verifier.verifyCase(rootProcessInstanceId, businessKey);
	}

	private void note(String table, Object id, Change change) {
		ChainedTable.of(table);
		if (this.properties.enabled()) {
			PendingLinks.current(this.writer).add(table, String.valueOf(id), change);
		}
	}

}
