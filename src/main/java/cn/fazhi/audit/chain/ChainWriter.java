package cn.fazhi.audit.chain;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

import cn.fazhi.audit.chain.AuditChainProperties.Partition;
import cn.fazhi.audit.chain.PendingLinks.Change;
import cn.fazhi.audit.chain.PendingLinks.Pending;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Appends links to the chains, inside the transaction that wrote the rows.
 * <p>
 * Each row is read back in that transaction (so its canonical content is the database's
 * own representation, exactly as verification will read it later), assigned to its chain,
 * and linked: {@code link_hash = SHA-256(previous link_hash, chain, seq, table,
 * row, operation, content hash)}.
 * <p>
 * <b>Order under concurrency.</b> A chain's head row ({@code fz_audit_chain}) is locked
 * ({@code select … for update}) from the moment links are appended until the transaction
 * commits, so the links of one chain are totally ordered and never interleave. With the
 * default partition ({@link Partition#CASE}) a chain is a case (its root process
 * instance): two cases never wait for each other; within one case Camunda's optimistic
 * locking already serialises most writes. A transaction locks the registry first (only
 * when it creates a chain) and then its chains in key order, so two transactions never
 * wait for each other in a cycle.
 */
@Component
class ChainWriter {

	/** The registry chain: one link per chain created. */
	static final String REGISTRY = "*";

	/** History that belongs to no case (e.g. administration done outside any case). */
	static final String NO_CASE = "-";

	/** Fazhi's decision catalogue. */
	static final String CATALOG = "fz-catalog";

	/** The single chain of {@link Partition#GLOBAL}. */
	static final String GLOBAL = "global";

	static final String BASELINE = "BASELINE";

	private static final int IN_LIST = 500;

	private static final String INSERT_LINK = "insert into fz_audit_link (chain_key, link_seq, source_table, row_id, "
			+ "row_op, content_hash, link_hash, linked_at) values (?, ?, ?, ?, ?, ?, ?, ?)";

	private final JdbcTemplate jdbc;

	private final Partition partition;

	/** Time each transaction spends linking its rows (for issue 8's benchmarks). */
	private final Timer linking;

	private final Counter links;

	/** Chains known to exist (committed); chains are never removed. */
	private final Set<String> knownChains = ConcurrentHashMap.newKeySet();

	ChainWriter(JdbcTemplate jdbc, AuditChainProperties properties, MeterRegistry meters) {
		this.jdbc = jdbc;
		this.partition = properties.partition();
		this.linking = Timer.builder("fazhi.audit.chain.linking")
			.description("Time a transaction spends linking the history rows it wrote into the audit chain")
			.register(meters);
		this.links = Counter.builder("fazhi.audit.chain.links")
			.description("Links appended to the audit chain")
			.register(meters);
	}

	/** A link to append. */
	record Sealed(String chainKey, String table, String rowId, String operation, String contentHash) {
	}

	/** The chain a case's rows go to. */
	String chainOf(String rootProcessInstanceId) {
		if (this.partition == Partition.GLOBAL) {
			return GLOBAL;
		}
		return (rootProcessInstanceId == null) ? NO_CASE : rootProcessInstanceId;
	}

	/**
	 * Links the rows a transaction wrote. Called once per transaction, just before it
	 * commits.
	 * @return the chains this transaction created (known to exist once it commits)
	 * @throws IllegalStateException if a row written in the transaction cannot be read
	 * back in it: then the engine and Fazhi do not share one transaction, and a link
	 * could commit without its row
	 */
	Set<String> write(Collection<Pending> pending, Set<String> annotatedOperations) {
		return this.linking.record(() -> link(pending, annotatedOperations));
	}

	private Set<String> link(Collection<Pending> pending, Set<String> annotatedOperations) {
		Map<String, Pending> rows = new LinkedHashMap<>();
		pending.forEach((row) -> rows.put(row.table() + "\n" + row.rowId(), row));
		for (String rowId : operationLogEntries(annotatedOperations)) {
			rows.putIfAbsent("ACT_HI_OP_LOG\n" + rowId,
					new Pending("ACT_HI_OP_LOG", rowId, Change.UPDATE, Change.UPDATE));
		}
		Map<String, Map<String, SortedMap<String, String>>> contents = readRows(rows.values());
		Map<String, String> materialRoots = materialRoots(contents.get(ChainedTable.CASE_MATERIAL));
		String attributed = onlyCase(contents, materialRoots);
		List<Sealed> links = new ArrayList<>();
		for (Pending row : rows.values()) {
			Change change = row.net();
			if (change == null) {
				continue;
			}
			if (change == Change.DELETE) {
				links.add(new Sealed(previousChain(row.table(), row.rowId(), NO_CASE), row.table(), row.rowId(),
						change.name(), Canonical.ZERO_HASH));
				continue;
			}
			SortedMap<String, String> columns = contents.get(row.table()).get(row.rowId());
			if (columns == null) {
				throw new IllegalStateException("History row " + row.table() + " " + row.rowId()
						+ " was written in this "
						+ "transaction but cannot be read back in it: the engine and the audit chain do not share the "
						+ "transaction (ADR 0012)");
			}
			String root = root(row.table(), columns, materialRoots);
			String chain = chainFor(row, root, attributed);
			links.add(new Sealed(chain, row.table(), row.rowId(), change.name(),
					Canonical.contentHash(row.table(), columns)));
		}
		return append(links);
	}

	/**
	 * Appends links to their chains, creating chains that do not exist yet.
	 * @return the chains created
	 */
	Set<String> append(List<Sealed> links) {
		if (links.isEmpty()) {
			return Set.of();
		}
		SortedMap<String, List<Sealed>> byChain = new TreeMap<>();
		links.forEach((link) -> byChain.computeIfAbsent(link.chainKey(), (key) -> new ArrayList<>()).add(link));
		Set<String> created = createMissing(byChain.keySet());
		Timestamp now = Timestamp.from(Instant.now());
		byChain.forEach((chain, chainLinks) -> appendTo(chain, chainLinks, now));
		return created;
	}

	/** Chains created by a transaction that has committed now exist for everyone. */
	void committed(Set<String> createdChains) {
		this.knownChains.addAll(createdChains);
	}

	/** The chain key a row of a table with a root column would be in (baseline). */
	String chainForBaseline(String table, SortedMap<String, String> columns, Map<String, String> materialRoots) {
		return chainFor(new Pending(table, null, Change.INSERT, Change.INSERT), root(table, columns, materialRoots),
				null);
	}

	/** Roots of the process instances case materials were filed to. */
	Map<String, String> materialRoots(Map<String, SortedMap<String, String>> materials) {
		if (materials == null || materials.isEmpty()) {
			return Map.of();
		}
		Set<String> instances = new TreeSet<>();
		materials.values().forEach((columns) -> instances.add(columns.get("PROCESS_INSTANCE_ID")));
		Map<String, String> roots = new HashMap<>();
		for (List<String> chunk : chunks(instances)) {
			this.jdbc.query(
					"select ID_, ROOT_PROC_INST_ID_ from ACT_HI_PROCINST where ID_ in (" + marks(chunk.size()) + ")",
					(rs) -> {
						roots.put(rs.getString(1), rs.getString(2));
					}, chunk.toArray());
		}
		return roots;
	}

	private Set<String> createMissing(Set<String> chains) {
		Set<String> unknown = new TreeSet<>(chains);
		unknown.removeAll(this.knownChains);
		if (unknown.isEmpty()) {
			return Set.of();
		}
		Set<String> missing = new TreeSet<>(unknown);
		missing.removeAll(existing(unknown));
		this.knownChains.addAll(existingCommitted(unknown, missing));
		if (missing.isEmpty()) {
			return Set.of();
		}
		// the registry is locked before any chain, so that creators queue here
		Head registry = lockHead(REGISTRY);
		missing.removeAll(existing(missing));
		if (missing.isEmpty()) {
			return Set.of();
		}
		Timestamp now = Timestamp.from(Instant.now());
		List<Sealed> registrations = new ArrayList<>();
		for (String chain : missing) {
			Integer links = this.jdbc.queryForObject("select count(*) from fz_audit_link where chain_key = ?",
					Integer.class, chain);
			if (links != null && links > 0) {
				throw new IllegalStateException("The head of audit chain " + chain + " is missing but the chain has "
						+ links + " links: the chain table was altered. Run GET /api/audit/verify (ADR 0012)");
			}
			this.jdbc.update(
					"insert into fz_audit_chain (chain_key, last_seq, last_hash, created_at) values (?, 0, ?, ?)",
					chain, Canonical.ZERO_HASH, now);
			registrations.add(new Sealed(REGISTRY, ChainedTable.CHAIN_REGISTRY, chain, Change.INSERT.name(),
					registryContent(chain)));
		}
		appendTo(REGISTRY, registrations, now, registry);
		return missing;
	}

	/** The canonical content of a registry link: the chain it registers. */
	static String registryContent(String chain) {
		return Canonical.contentHash(ChainedTable.CHAIN_REGISTRY, new TreeMap<>(Map.of("CHAIN_KEY", chain)));
	}

	private void appendTo(String chain, List<Sealed> links, Timestamp now) {
		appendTo(chain, links, now, lockHead(chain));
	}

	private void appendTo(String chain, List<Sealed> links, Timestamp now, Head head) {
		long seq = head.lastSeq();
		String hash = head.lastHash();
		List<Object[]> rows = new ArrayList<>(links.size());
		for (Sealed link : links) {
			seq++;
			hash = Canonical.linkHash(hash, chain, seq, link.table(), link.rowId(), link.operation(),
					link.contentHash());
			rows.add(new Object[] { chain, seq, link.table(), link.rowId(), link.operation(), link.contentHash(), hash,
					now });
		}
		this.jdbc.batchUpdate(INSERT_LINK, rows);
		this.links.increment(rows.size());
		this.jdbc.update("update fz_audit_chain set last_seq = ?, last_hash = ? where chain_key = ?", seq, hash, chain);
	}

	private record Head(long lastSeq, String lastHash) {
	}

	private Head lockHead(String chain) {
		List<Head> heads = this.jdbc.query(
				"select last_seq, last_hash from fz_audit_chain where chain_key = ? for update",
				(rs, row) -> new Head(rs.getLong(1), rs.getString(2)), chain);
		if (heads.isEmpty()) {
			this.knownChains.remove(chain);
			throw new IllegalStateException("The head of audit chain " + chain + " is missing: the chain table was "
					+ "altered. Run GET /api/audit/verify (ADR 0012)");
		}
		return heads.get(0);
	}

	private Set<String> existing(Set<String> chains) {
		Set<String> found = new HashSet<>();
		for (List<String> chunk : chunks(chains)) {
			found.addAll(this.jdbc.queryForList(
					"select chain_key from fz_audit_chain where chain_key in (" + marks(chunk.size()) + ")",
					String.class, chunk.toArray()));
		}
		return found;
	}

	private static Set<String> existingCommitted(Set<String> asked, Set<String> missing) {
		Set<String> found = new TreeSet<>(asked);
		found.removeAll(missing);
		return found;
	}

	private Map<String, Map<String, SortedMap<String, String>>> readRows(Collection<Pending> rows) {
		Map<String, Set<String>> idsByTable = new LinkedHashMap<>();
		for (Pending row : rows) {
			if (row.net() != null && row.net() != Change.DELETE) {
				idsByTable.computeIfAbsent(row.table(), (table) -> new TreeSet<>()).add(row.rowId());
			}
		}
		Map<String, Map<String, SortedMap<String, String>>> contents = new HashMap<>();
		idsByTable.forEach((name, ids) -> contents.put(name, read(ChainedTable.of(name), ids)));
		return contents;
	}

	/** Current content of rows of a table by id. */
	Map<String, SortedMap<String, String>> read(ChainedTable table, Collection<String> ids) {
		Map<String, SortedMap<String, String>> found = new HashMap<>();
		for (List<String> chunk : chunks(ids)) {
			String sql = "select t.* from " + table.name() + " t where t." + table.idColumn() + " in ("
					+ marks(chunk.size()) + ")";
			for (SortedMap<String, String> columns : this.jdbc.query(sql, RowReader.INSTANCE,
					table.idParameters(chunk))) {
				found.put(columns.get(table.idColumn()), columns);
			}
		}
		return found;
	}

	private List<String> operationLogEntries(Set<String> operationIds) {
		List<String> ids = new ArrayList<>();
		for (List<String> chunk : chunks(operationIds)) {
			ids.addAll(this.jdbc.queryForList(
					"select ID_ from ACT_HI_OP_LOG where OPERATION_ID_ in (" + marks(chunk.size()) + ")", String.class,
					chunk.toArray()));
		}
		return ids;
	}

	/**
	 * The one case this transaction wrote to, if exactly one: rows without a root written
	 * with it (e.g. the operation log of the read grants a task creation makes) belong to
	 * that case's chain, so that they do not queue on the chain of rows of no case.
	 */
	private static String onlyCase(Map<String, Map<String, SortedMap<String, String>>> contents,
			Map<String, String> materialRoots) {
		Set<String> roots = new HashSet<>();
		contents.forEach((table, rows) -> rows.values().forEach((columns) -> {
			String root = root(table, columns, materialRoots);
			if (root != null) {
				roots.add(root);
			}
		}));
		return (roots.size() == 1) ? roots.iterator().next() : null;
	}

	private static String root(String table, SortedMap<String, String> columns, Map<String, String> materialRoots) {
		if (ChainedTable.CASE_MATERIAL.equals(table)) {
			return materialRoots.get(columns.get("PROCESS_INSTANCE_ID"));
		}
		return columns.get("ROOT_PROC_INST_ID_");
	}

	private String chainFor(Pending row, String root, String attributed) {
		if (this.partition == Partition.GLOBAL) {
			return GLOBAL;
		}
		if (ChainedTable.CATALOG_ENTRY.equals(row.table())) {
			return CATALOG;
		}
		if (root != null) {
			return root;
		}
		if (row.rowId() != null && row.first() != Change.INSERT) {
			String previous = previousChain(row.table(), row.rowId(), null);
			if (previous != null) {
				return previous;
			}
		}
		return (attributed != null) ? attributed : NO_CASE;
	}

	/** The chain a row was linked into before (a row stays in one chain). */
	private String previousChain(String table, String rowId, String otherwise) {
		List<String> chains = this.jdbc.queryForList(
				"select chain_key from fz_audit_link where source_table = ? and row_id = ? order by linked_at desc, link_seq desc",
				String.class, table, rowId);
		return chains.isEmpty() ? otherwise : chains.get(0);
	}

	static <T> List<List<T>> chunks(Collection<T> values) {
		List<List<T>> chunks = new ArrayList<>();
		List<T> current = new ArrayList<>();
		for (T value : values) {
			current.add(value);
			if (current.size() == IN_LIST) {
				chunks.add(current);
				current = new ArrayList<>();
			}
		}
		if (!current.isEmpty()) {
			chunks.add(current);
		}
		return chunks;
	}

	static String marks(int count) {
		return String.join(", ", Collections.nCopies(count, "?"));
	}

}
