package cn.fazhi.audit.chain;

import java.util.List;
import java.util.Optional;

/**
 * A table whose rows are chained: its name, the column that identifies a row, the column
 * naming the case (root process instance) a row belongs to, and which rows count.
 *
 * @param idColumn primary key column
 * @param rootColumn the root process instance id, null when the table has none
 * @param filter SQL condition on alias {@code t} selecting the chained rows, or null for
 * all (history byte arrays only, {@code TYPE_ = 3})
 * @param numericId whether the id column is a number (the catalogue's identity column);
 * ids are compared as numbers then, so that the primary key index serves the lookup
 */
record ChainedTable(String name, String idColumn, String rootColumn, String filter, boolean numericId) {

	/** History byte arrays: ResourceTypes.HISTORY. */
	static final int HISTORY_BYTE_ARRAY = 3;

	static final String CASE_MATERIAL = "FZ_CASE_MATERIAL";

	static final String CATALOG_ENTRY = "FZ_DECISION_CATALOG_ENTRY";

	static final String BYTE_ARRAY = "ACT_GE_BYTEARRAY";

	/**
	 * The registry of chains: a pseudo table, its rows are the chains
	 * ({@code fz_audit_chain}).
	 */
	static final String CHAIN_REGISTRY = "FZ_AUDIT_CHAIN";

	/**
	 * Every chained table. Camunda's history tables of BPMN, DMN, batches, comments and
	 * attachments; CMMN history (ACT_HI_CASE*) is left out because Fazhi deploys no CMMN.
	 */
	static final List<ChainedTable> ALL = List.of(history("ACT_HI_PROCINST"), history("ACT_HI_ACTINST"),
			history("ACT_HI_TASKINST"), history("ACT_HI_VARINST"), history("ACT_HI_DETAIL"),
			history("ACT_HI_IDENTITYLINK"), history("ACT_HI_INCIDENT"), history("ACT_HI_JOB_LOG"),
			history("ACT_HI_EXT_TASK_LOG"), history("ACT_HI_OP_LOG"), history("ACT_HI_COMMENT"),
			history("ACT_HI_ATTACHMENT"), history("ACT_HI_DECINST"), history("ACT_HI_DEC_IN"),
			history("ACT_HI_DEC_OUT"), new ChainedTable("ACT_HI_BATCH", "ID_", null, null, false),
			new ChainedTable(BYTE_ARRAY, "ID_", "ROOT_PROC_INST_ID_", "t.TYPE_ = " + HISTORY_BYTE_ARRAY, false),
			new ChainedTable(CASE_MATERIAL, "ATTACHMENT_ID", null, null, false),
			new ChainedTable(CATALOG_ENTRY, "ID", null, null, true));

	private static ChainedTable history(String name) {
		return new ChainedTable(name, "ID_", "ROOT_PROC_INST_ID_", null, false);
	}

	static Optional<ChainedTable> named(String name) {
		return ALL.stream().filter((table) -> table.name().equals(name)).findFirst();
	}

	static ChainedTable of(String name) {
		return named(name).orElseThrow(() -> new IllegalArgumentException("not a chained table: " + name));
	}

	/** Row ids as query parameters of the id column's type. */
	Object[] idParameters(java.util.List<String> ids) {
		return this.numericId ? ids.stream().map(Long::valueOf).toArray() : ids.toArray();
	}

	/**
	 * The id column as text, for comparing with {@code fz_audit_link.row_id} (alias
	 * {@code t}).
	 */
	String idAsText() {
		return this.numericId ? "cast(t." + this.idColumn + " as varchar(255))" : "t." + this.idColumn;
	}

	/** {@code where} condition selecting this table's chained rows, or {@code 1 = 1}. */
	String chainedRows() {
		return (this.filter == null) ? "1 = 1" : this.filter;
	}

}
