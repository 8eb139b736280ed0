package cn.fazhi.audit.chain;

import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeSet;

import cn.fazhi.audit.chain.VerificationReport.Break;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Checks the history against the audit chain, from the rows as they are now:
 * <ol>
 * <li>each chain's links follow one another (no gap) and each link's hash is recomputed
 * from the previous one and what it records; the chain's head row names its last
 * link;</li>
 * <li>for every row a chain names, the content recorded by its latest link is recomputed
 * from the row as it is now (a deleted row must be gone, any other must be there and
 * unchanged);</li>
 * <li>no chained row exists that no link names (a row inserted behind the system's
 * back);</li>
 * <li>(whole database) every chain is in the registry chain and every registered chain
 * still exists.</li>
 * </ol>
 * Reads only; takes no lock, so a case that is being worked on while it is verified may
 * show its newest rows as not yet linked — verify again.
 */
@Component
class ChainVerifier {

	static final int MAX_PROBLEMS = 100;

	private final JdbcTemplate jdbc;

	private final ChainWriter writer;

	private final ZoneId zone;

	ChainVerifier(JdbcTemplate jdbc, ChainWriter writer, @Value("${fazhi.calendar.zone:Asia/Shanghai}") ZoneId zone) {
		this.jdbc = jdbc;
		this.writer = writer;
		this.zone = zone;
	}

	private record Link(long seq, String table, String rowId, String operation, String contentHash, String linkHash) {
	}

	private record Head(long lastSeq, String lastHash) {
	}

	/** Problems found so far, in the order of chain, link and row. */
	private static final class Findings {

		final List<Ordered> found = new ArrayList<>();

		int chains;

		long links;

		long rows;

		void add(int chainOrder, long position, Break problem) {
			this.found.add(new Ordered(chainOrder, position, this.found.size(), problem));
		}

	}

	private record Ordered(int chain, long position, int arrival, Break problem) {
	}

	/** Every chain and every chained row of the database. */
	VerificationReport verifyAll() {
		Findings findings = new Findings();
		TreeSet<String> chains = new TreeSet<>(
				this.jdbc.queryForList("select chain_key from fz_audit_chain", String.class));
		// links whose chain has no head row are walked too
		chains.addAll(this.jdbc.queryForList("select distinct chain_key from fz_audit_link", String.class));
		int order = 0;
		for (String chain : chains) {
			walk(chain, order++, findings);
		}
		for (String chain : this.jdbc.queryForList(
				"select chain_key from fz_audit_chain c where c.chain_key <> ? and "
						+ "not exists (select 1 from fz_audit_link l where l.chain_key = ? and l.row_id = c.chain_key)",
				String.class, ChainWriter.REGISTRY, ChainWriter.REGISTRY)) {
			findings.add(order, 0, problem("CHAIN_NOT_REGISTERED", "审计链“" + chain + "”未在登记链中登记：可能是绕过系统伪造的审计链", chain,
					null, ChainedTable.CHAIN_REGISTRY, chain, null, null, null));
		}
		order++;
		for (ChainedTable table : ChainedTable.ALL) {
			orphans(table, "", new Object[0], "", order, findings);
		}
		return report("ALL", null, findings, chains);
	}

	/**
	 * One case: its chain and every chained row of the case and of the cases it called
	 * (they share the root process instance).
	 */
	VerificationReport verifyCase(String rootProcessInstanceId, String businessKey) {
		Findings findings = new Findings();
		String chain = this.writer.chainOf(rootProcessInstanceId);
		walk(chain, 0, findings);
		Integer registered = this.jdbc.queryForObject(
				"select count(*) from fz_audit_link where chain_key = ? and row_id = ?", Integer.class,
				ChainWriter.REGISTRY, chain);
		if (registered == null || registered == 0) {
			findings.add(0, Long.MAX_VALUE, problem("CHAIN_NOT_REGISTERED", "本案的审计链“" + chain + "”未在登记链中登记", chain,
					null, ChainedTable.CHAIN_REGISTRY, chain, null, null, null));
		}
		for (ChainedTable table : ChainedTable.ALL) {
			if (table.rootColumn() != null) {
				orphans(table, " and t." + table.rootColumn() + " = ?", new Object[] { rootProcessInstanceId, chain },
						" and l.chain_key = ?", 1, findings);
			}
			else if (ChainedTable.CASE_MATERIAL.equals(table.name())) {
				orphans(table,
						" and t.PROCESS_INSTANCE_ID in (select p.ID_ from ACT_HI_PROCINST p where p.ROOT_PROC_INST_ID_ = ?)",
						new Object[] { rootProcessInstanceId, chain }, " and l.chain_key = ?", 1, findings);
			}
		}
		return report("CASE", businessKey, findings, new TreeSet<>(List.of(chain)));
	}

	private void walk(String chain, int order, Findings findings) {
		findings.chains++;
		List<Link> links = this.jdbc.query(
				"select link_seq, source_table, row_id, row_op, content_hash, link_hash from fz_audit_link "
						+ "where chain_key = ? order by link_seq",
				(rs, row) -> new Link(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
						rs.getString(6)),
				chain);
		findings.links += links.size();
		String previous = Canonical.ZERO_HASH;
		long expected = 1;
		Map<String, Link> latest = new LinkedHashMap<>();
		for (Link link : links) {
			if (link.seq() != expected) {
				findings.add(order, expected,
						problem("LINK_MISSING",
								"审计链缺少第 " + expected + " 至第 " + (link.seq() - 1) + " 个链节：链节被删除，其后的链节无法接续", chain,
								expected, null, null, null, null, null));
			}
			else {
				String recomputed = Canonical.linkHash(previous, chain, link.seq(), link.table(), link.rowId(),
						link.operation(), link.contentHash());
				if (!recomputed.equals(link.linkHash())) {
					findings.add(order, link.seq(),
							problem("LINK_ALTERED", "审计链第 " + link.seq() + " 个链节被改动：按前一链节和本链节所记内容重新计算的哈希值与存储的不一致",
									chain, link.seq(), link.table(), link.rowId(), recomputed, link.linkHash(), null));
				}
			}
			previous = link.linkHash();
			expected = link.seq() + 1;
			latest.put(link.table() + "\n" + link.rowId(), link);
		}
		checkHead(chain, order, links, previous, findings);
		if (ChainWriter.REGISTRY.equals(chain)) {
			checkRegistered(latest, order, findings);
		}
		else {
			checkRows(chain, order, latest, findings);
		}
	}

	private void checkHead(String chain, int order, List<Link> links, String lastHash, Findings findings) {
		List<Head> heads = this.jdbc.query("select last_seq, last_hash from fz_audit_chain where chain_key = ?",
				(rs, row) -> new Head(rs.getLong(1), rs.getString(2)), chain);
		long lastSeq = links.isEmpty() ? 0 : links.get(links.size() - 1).seq();
		if (heads.isEmpty()) {
			if (!links.isEmpty()) {
				findings.add(order, lastSeq, problem("CHAIN_HEAD_MISSING", "审计链“" + chain + "”的链头记录缺失（fz_audit_chain）",
						chain, lastSeq, null, null, lastHash, null, null));
			}
			return;
		}
		Head head = heads.get(0);
		if (head.lastSeq() != lastSeq || !head.lastHash().equals(lastHash)) {
			findings.add(order, lastSeq,
					problem("HEAD_MISMATCH",
							"审计链末端（第 " + lastSeq + " 个链节）与链头记录（第 " + head.lastSeq() + " 个链节）不一致：链尾的链节被删除，或链头被改动", chain,
							head.lastSeq(), null, null, head.lastHash(), lastHash, null));
		}
	}

	/** The registry's links name chains: each must still have its head row. */
	private void checkRegistered(Map<String, Link> latest, int order, Findings findings) {
		TreeSet<String> heads = new TreeSet<>(
				this.jdbc.queryForList("select chain_key from fz_audit_chain", String.class));
		for (Link link : latest.values()) {
			findings.rows++;
			String expected = ChainWriter.registryContent(link.rowId());
			if (!expected.equals(link.contentHash())) {
				findings.add(order, link.seq(),
						problem("LINK_ALTERED", "登记链第 " + link.seq() + " 个链节所登记的内容被改动", ChainWriter.REGISTRY,
								link.seq(), link.table(), link.rowId(), expected, link.contentHash(), null));
			}
			else if (!heads.contains(link.rowId())) {
				findings.add(order, link.seq(), problem("CHAIN_DELETED", "登记过的审计链“" + link.rowId() + "”已不存在：整条审计链被删除",
						ChainWriter.REGISTRY, link.seq(), link.table(), link.rowId(), link.contentHash(), null, null));
			}
		}
	}

	private void checkRows(String chain, int order, Map<String, Link> latest, Findings findings) {
		Map<String, List<Link>> byTable = new LinkedHashMap<>();
		latest.values()
			.forEach((link) -> byTable.computeIfAbsent(link.table(), (table) -> new ArrayList<>()).add(link));
		byTable.forEach((name, links) -> {
			ChainedTable table = ChainedTable.named(name).orElse(null);
			if (table == null) {
				links.forEach((link) -> findings.add(order, link.seq(),
						problem("LINK_ALTERED", "审计链第 " + link.seq() + " 个链节指向未知的表“" + name + "”", chain, link.seq(),
								name, link.rowId(), null, null, null)));
				return;
			}
			Map<String, SortedMap<String, String>> rows = this.writer.read(table,
					links.stream().map(Link::rowId).toList());
			for (Link link : links) {
				findings.rows++;
				SortedMap<String, String> row = rows.get(link.rowId());
				String actual = (row == null) ? null : Canonical.contentHash(name, row);
				if (!PendingLinks.Change.DELETE.name().equals(link.operation())) {
					if (row == null) {
						findings.add(order, link.seq(),
								problem("ROW_DELETED", "历史记录已被删除，但审计链第 " + link.seq() + " 个链节记载它存在", chain, link.seq(),
										name, link.rowId(), link.contentHash(), null, null));
					}
					else if (!actual.equals(link.contentHash())) {
						findings.add(order, link.seq(),
								problem("ROW_CHANGED", "历史记录在写入后被修改：当前内容的哈希值与审计链第 " + link.seq() + " 个链节所记的不一致", chain,
										link.seq(), name, link.rowId(), link.contentHash(), actual, row));
					}
				}
				else if (row != null) {
					findings.add(order, link.seq(),
							problem("ROW_REAPPEARED", "审计链第 " + link.seq() + " 个链节记载已删除的历史记录又出现了", chain, link.seq(),
									name, link.rowId(), Canonical.ZERO_HASH, actual, row));
				}
			}
		});
	}

	/** Chained rows in scope that no link names. */
	private void orphans(ChainedTable table, String scope, Object[] parameters, String linkScope, int order,
			Findings findings) {
		String sql = "select t.* from " + table.name() + " t where " + table.chainedRows() + scope
				+ " and not exists (select 1 from fz_audit_link l where l.source_table = ? and l.row_id = "
				+ table.idAsText() + linkScope + ")";
		List<Object> arguments = new ArrayList<>();
		if (parameters.length > 0) {
			arguments.add(parameters[0]);
		}
		arguments.add(table.name());
		for (int i = 1; i < parameters.length; i++) {
			arguments.add(parameters[i]);
		}
		for (SortedMap<String, String> row : this.jdbc.query(sql, RowReader.INSTANCE, arguments.toArray())) {
			findings.add(order, 0, problem("ROW_NOT_IN_CHAIN", "历史记录不在审计链中：可能是绕过系统直接插入的记录", null, null, table.name(),
					row.get(table.idColumn()), null, Canonical.contentHash(table.name(), row), row));
		}
	}

	private VerificationReport report(String scope, String businessKey, Findings findings, TreeSet<String> chains) {
		List<Break> problems = findings.found.stream()
			.sorted(Comparator.comparingInt(Ordered::chain)
				.thenComparingLong(Ordered::position)
				.thenComparingInt(Ordered::arrival))
			.map(Ordered::problem)
			.toList();
		return new VerificationReport(problems.isEmpty(), scope, businessKey, findings.chains, findings.links,
				findings.rows, digest(chains), OffsetDateTime.now(this.zone),
				problems.isEmpty() ? null : problems.get(0), problems.stream().limit(MAX_PROBLEMS).toList(),
				problems.size());
	}

	private String digest(TreeSet<String> chains) {
		StringBuilder heads = new StringBuilder();
		for (List<String> chunk : ChainWriter.chunks(chains)) {
			this.jdbc.query("select chain_key, last_seq, last_hash from fz_audit_chain where chain_key in ("
					+ ChainWriter.marks(chunk.size()) + ") order by chain_key", (rs) -> {
						heads.append(rs.getString(1))
							.append(':')
							.append(rs.getLong(2))
							.append(':')
							.append(rs.getString(3))
							.append('\n');
					}, chunk.toArray());
		}
		return Canonical.sha256(heads.toString());
	}

	private static Break problem(String kind, String description, String chain, Long seq, String table, String rowId,
			String expected, String actual, Map<String, String> row) {
		String linkId = (chain == null || seq == null) ? null : chain + ":" + seq;
		return new Break(kind, description, linkId, chain, seq, table, rowId, expected, actual, row);
	}

}
