package cn.fazhi.audit.chain;

import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;

import cn.fazhi.audit.chain.ChainWriter.Sealed;
import cn.fazhi.system.DatabaseLocks;

import org.camunda.bpm.engine.ProcessEngine;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Seals the history that existed before the audit chain (a database upgraded to V8):
 * once, at the first start, every chained row that no link names gets a {@code BASELINE}
 * link with its content as it is then. From then on verification covers those rows too;
 * what happened to them before the baseline the chain cannot tell (ADR 0012). Runs under
 * a database lock, so that two nodes starting together seal once, and in one transaction,
 * so that a failed start leaves nothing half sealed.
 */
@Component
class ChainBaseline implements InitializingBean {

	private static final Logger log = LoggerFactory.getLogger(ChainBaseline.class);

	private static final int BATCH = 1000;

	private final AuditChainProperties properties;

	private final JdbcTemplate jdbc;

	private final ChainWriter writer;

	private final DatabaseLocks locks;

	private final TransactionTemplate transaction;

	/** The engine must exist: its history tables are what is sealed. */
	ChainBaseline(AuditChainProperties properties, JdbcTemplate jdbc, ChainWriter writer, DatabaseLocks locks,
			TransactionTemplate transaction, ProcessEngine engine) {
		this.properties = properties;
		this.jdbc = jdbc;
		this.writer = writer;
		this.locks = locks;
		this.transaction = transaction;
	}

	@Override
	public void afterPropertiesSet() {
		if (this.properties.enabled()) {
			this.locks.runExclusively("audit-chain-baseline", this::sealOnce);
		}
	}

	void sealOnce() {
		Set<String> created = new HashSet<>();
		Long sealed = this.transaction.execute((status) -> {
			Integer done = this.jdbc.queryForObject("select count(*) from fz_audit_baseline", Integer.class);
			if (done != null && done > 0) {
				return null;
			}
			long rows = 0;
			for (ChainedTable table : ChainedTable.ALL) {
				rows += seal(table, created);
			}
			this.jdbc.update("insert into fz_audit_baseline (sealed_at, sealed_rows) values (?, ?)",
					Timestamp.from(Instant.now()), rows);
			return rows;
		});
		this.writer.committed(created);
		if (sealed != null) {
			log.info("Audit chain baseline: {} history rows that existed before the chain are sealed as they are now",
					sealed);
		}
	}

	/**
	 * Seals a table's unlinked rows, {@value #BATCH} at a time, so that memory holds one
	 * batch whatever the size of the history.
	 */
	private long seal(ChainedTable table, Set<String> created) {
		String sql = "select t.* from " + table.name() + " t where " + table.chainedRows()
				+ " and not exists (select 1 from fz_audit_link l where l.source_table = ? and l.row_id = "
				+ table.idAsText() + ")";
		List<SortedMap<String, String>> batch = new ArrayList<>();
		long[] count = { 0 };
		this.jdbc.query(sql, (ResultSet rs) -> {
			batch.add(RowReader.INSTANCE.mapRow(rs, 0));
			count[0]++;
			if (batch.size() == BATCH) {
				created.addAll(sealBatch(table, batch));
				batch.clear();
			}
		}, table.name());
		created.addAll(sealBatch(table, batch));
		return count[0];
	}

	private Set<String> sealBatch(ChainedTable table, List<SortedMap<String, String>> rows) {
		Map<String, String> materialRoots = ChainedTable.CASE_MATERIAL.equals(table.name())
				? this.writer.materialRoots(byId(table, rows)) : Map.of();
		List<Sealed> links = new ArrayList<>(rows.size());
		for (SortedMap<String, String> row : rows) {
			links.add(new Sealed(this.writer.chainForBaseline(table.name(), row, materialRoots), table.name(),
					row.get(table.idColumn()), ChainWriter.BASELINE, Canonical.contentHash(table.name(), row)));
		}
		return this.writer.append(links);
	}

	private static Map<String, SortedMap<String, String>> byId(ChainedTable table,
			List<SortedMap<String, String>> rows) {
		Map<String, SortedMap<String, String>> byId = new TreeMap<>();
		rows.forEach((row) -> byId.put(row.get(table.idColumn()), row));
		return byId;
	}

}
