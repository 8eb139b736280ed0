package cn.fazhi.audit.chain;

import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import java.util.TimeZone;
import java.util.UUID;

import cn.fazhi.audit.chain.AuditChainProperties.Partition;
import cn.fazhi.audit.chain.PendingLinks.Change;
import cn.fazhi.audit.chain.PendingLinks.Pending;
import cn.fazhi.audit.chain.VerificationReport.Break;
import cn.fazhi.system.DatabaseLocks;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;
import org.springframework.jdbc.datasource.init.ResourceDatabasePopulator;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Writing and verifying chains on a database of its own (H2, Fazhi's V8 migration and
 * small stand-ins for the history tables): every kind of tampering is found and named,
 * and what legitimately changes (removal times, the JVM's time zone, a new nullable
 * column, a deletion made through the system) is not reported.
 */
@DisplayName("审计链：核验能发现每一种改动")
class ChainVerificationTest {

	static final String CASE = "case-1";

	static final String OTHER = "case-2";

	JdbcTemplate jdbc;

	TransactionTemplate transaction;

	ChainWriter writer;

	ChainVerifier verifier;

	@BeforeEach
	void database() {
		SimpleDriverDataSource dataSource = new SimpleDriverDataSource(new org.h2.Driver(),
				"jdbc:h2:mem:chain-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", "");
		this.jdbc = new JdbcTemplate(dataSource);
		this.transaction = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
		new ResourceDatabasePopulator(new ClassPathResource("db/migration/V8__audit_chain.sql")).execute(dataSource);
		for (ChainedTable table : ChainedTable.ALL) {
			this.jdbc.execute(standIn(table));
		}
		this.writer = new ChainWriter(this.jdbc, new AuditChainProperties(true, Partition.CASE),
				new SimpleMeterRegistry());
		this.verifier = new ChainVerifier(this.jdbc, this.writer, ZoneId.of("Asia/Shanghai"));
		// a case: its instance, a task written and then updated, a variable update, and
		// an operation-log row without a case, written together with the task
		write(() -> {
			insert("ACT_HI_PROCINST", "p1", CASE, "重大行政决策");
			insert("ACT_HI_TASKINST", "t1", CASE, "集体讨论决定");
			insert("ACT_HI_OP_LOG", "op1", null, "Create Authorization");
		}, row("ACT_HI_PROCINST", "p1", Change.INSERT), row("ACT_HI_TASKINST", "t1", Change.INSERT),
				row("ACT_HI_OP_LOG", "op1", Change.INSERT));
		write(() -> {
			this.jdbc.update("update ACT_HI_TASKINST set TEXT_ = ?, DOUBLE_ = ? where ID_ = ?", "陈静完成", 2.50, "t1");
			insert("ACT_HI_DETAIL", "d1", CASE, "meetingDecision=APPROVED");
		}, row("ACT_HI_TASKINST", "t1", Change.UPDATE), row("ACT_HI_DETAIL", "d1", Change.INSERT));
		// another case
		write(() -> insert("ACT_HI_PROCINST", "p2", OTHER, "另一案件"), row("ACT_HI_PROCINST", "p2", Change.INSERT));
	}

	@Test
	void shouldFindTheHistoryIntactAsWritten() {
		// when
		VerificationReport theCase = this.verifier.verifyCase(CASE, "MD-1");
		VerificationReport all = this.verifier.verifyAll();

		// then: the rootless operation-log row went to the case it was written with
		assertThat(theCase.intact()).as("%s", theCase.problems()).isTrue();
		assertThat(theCase.checkedLinks()).isEqualTo(5);
		assertThat(theCase.checkedRows()).isEqualTo(4);
		assertThat(theCase.firstBroken()).isNull();
		assertThat(theCase.digest()).hasSize(64);
		assertThat(all.intact()).as("%s", all.problems()).isTrue();
		assertThat(all.checkedChains()).isEqualTo(3);
	}

	@Test
	void shouldNameTheLinkOfAChangedRow() {
		// when: the task's completion text is changed behind the system's back
		this.jdbc.update("update ACT_HI_TASKINST set TEXT_ = ? where ID_ = ?", "王芳完成", "t1");

		// then: the task's latest link (the update, 4th in the case's chain) is named
		Break broken = this.verifier.verifyCase(CASE, "MD-1").firstBroken();
		assertThat(broken.kind()).isEqualTo("ROW_CHANGED");
		assertThat(broken.linkId()).isEqualTo(CASE + ":4");
		assertThat(broken.table()).isEqualTo("ACT_HI_TASKINST");
		assertThat(broken.rowId()).isEqualTo("t1");
		assertThat(broken.expectedHash()).isNotEqualTo(broken.actualHash());
		assertThat(broken.row()).containsEntry("TEXT_", "王芳完成");
		assertThat(this.verifier.verifyAll().firstBroken().linkId()).isEqualTo(CASE + ":4");
	}

	@Test
	void shouldFindADeletedRow() {
		this.jdbc.update("delete from ACT_HI_DETAIL where ID_ = ?", "d1");
		Break broken = this.verifier.verifyCase(CASE, "MD-1").firstBroken();
		assertThat(broken.kind()).isEqualTo("ROW_DELETED");
		assertThat(broken.linkId()).isEqualTo(CASE + ":5");
		assertThat(broken.actualHash()).isNull();
	}

	@Test
	void shouldFindARowInsertedBehindTheSystemsBack() {
		insert("ACT_HI_DETAIL", "forged", CASE, "commentPeriodDays=10");
		VerificationReport report = this.verifier.verifyCase(CASE, "MD-1");
		assertThat(report.intact()).isFalse();
		assertThat(report.firstBroken().kind()).isEqualTo("ROW_NOT_IN_CHAIN");
		assertThat(report.firstBroken().rowId()).isEqualTo("forged");
		assertThat(report.firstBroken().linkId()).isNull();
		// a row claiming no case at all is found when everything is verified
		insert("ACT_HI_OP_LOG", "forged-op", null, "Delete");
		assertThat(this.verifier.verifyAll().problems()).extracting(Break::rowId).contains("forged", "forged-op");
	}

	@Test
	void shouldFindAnAlteredLink() {
		this.jdbc.update("update fz_audit_link set content_hash = ? where chain_key = ? and link_seq = 2",
				"f".repeat(64), CASE);
		Break broken = this.verifier.verifyCase(CASE, "MD-1").firstBroken();
		assertThat(broken.kind()).isEqualTo("LINK_ALTERED");
		assertThat(broken.linkId()).isEqualTo(CASE + ":2");
	}

	@Test
	void shouldFindALinkRemovedFromTheMiddleOrTheEnd() {
		this.jdbc.update("delete from fz_audit_link where chain_key = ? and link_seq = 3", CASE);
		Break broken = this.verifier.verifyCase(CASE, "MD-1").firstBroken();
		assertThat(broken.kind()).isEqualTo("LINK_MISSING");
		assertThat(broken.linkId()).isEqualTo(CASE + ":3");

		// and: the last link removed too (a truncated chain whose head was not rewritten)
		this.jdbc.update("delete from fz_audit_link where chain_key = ? and link_seq = 5", CASE);
		assertThat(this.verifier.verifyCase(CASE, "MD-1").problems()).extracting(Break::kind)
			.contains("LINK_MISSING", "HEAD_MISMATCH");
	}

	@Test
	void shouldFindAWholeChainRemovedOrAForgedOne() {
		// when: the other case vanishes with its chain
		this.jdbc.update("delete from ACT_HI_PROCINST where ID_ = ?", "p2");
		this.jdbc.update("delete from fz_audit_link where chain_key = ?", OTHER);
		this.jdbc.update("delete from fz_audit_chain where chain_key = ?", OTHER);
		// and: a forged chain appears
		this.jdbc.update("insert into fz_audit_chain (chain_key, last_seq, last_hash, created_at) values (?, 0, ?, ?)",
				"forged", Canonical.ZERO_HASH, Timestamp.valueOf(LocalDateTime.now()));

		// then
		List<Break> problems = this.verifier.verifyAll().problems();
		assertThat(problems).extracting(Break::kind).contains("CHAIN_DELETED", "CHAIN_NOT_REGISTERED");
		assertThat(problems).filteredOn((problem) -> problem.kind().equals("CHAIN_DELETED"))
			.extracting(Break::rowId)
			.containsExactly(OTHER);
	}

	@Test
	void shouldAcceptWhatLegitimatelyChanges() {
		// Camunda sets removal times in bulk when a case ends
		this.jdbc.update("update ACT_HI_TASKINST set REMOVAL_TIME_ = ?", Timestamp.valueOf(LocalDateTime.now()));
		// a deletion made through the system is chained
		write(() -> this.jdbc.update("delete from ACT_HI_DETAIL where ID_ = ?", "d1"),
				row("ACT_HI_DETAIL", "d1", Change.DELETE));
		// the server moves to another time zone
		TimeZone zone = TimeZone.getDefault();
		try {
			TimeZone.setDefault(TimeZone.getTimeZone("America/Los_Angeles"));
			VerificationReport report = this.verifier.verifyCase(CASE, "MD-1");
			assertThat(report.intact()).as("%s", report.problems()).isTrue();
		}
		finally {
			TimeZone.setDefault(zone);
		}
		// but a deleted row that comes back is found
		insert("ACT_HI_DETAIL", "d1", CASE, "meetingDecision=APPROVED");
		assertThat(this.verifier.verifyCase(CASE, "MD-1").firstBroken().kind()).isEqualTo("ROW_REAPPEARED");
	}

	@Test
	void shouldSealTheHistoryThatExistedBeforeTheChainOnce() {
		// given: history written before the chain existed (an upgraded database)
		insert("ACT_HI_PROCINST", "old", "case-old", "2025年的案件");
		insert("ACT_HI_TASKINST", "old-task", "case-old", "已办结");
		assertThat(this.verifier.verifyAll().firstBroken().kind()).isEqualTo("ROW_NOT_IN_CHAIN");
		ChainBaseline baseline = new ChainBaseline(new AuditChainProperties(true, Partition.CASE), this.jdbc,
				this.writer, new DatabaseLocks(this.jdbc.getDataSource()), this.transaction, null);

		// when
		baseline.sealOnce();

		// then: sealed as it is, in its own case's chain, once
		VerificationReport report = this.verifier.verifyCase("case-old", "OLD");
		assertThat(report.intact()).as("%s", report.problems()).isTrue();
		assertThat(report.checkedLinks()).isEqualTo(2);
		assertThat(
				this.jdbc.queryForObject("select count(*) from fz_audit_link where row_op = 'BASELINE'", Integer.class))
			.isEqualTo(2);
		insert("ACT_HI_TASKINST", "later", "case-old", "事后插入");
		baseline.sealOnce();
		assertThat(this.verifier.verifyCase("case-old", "OLD").firstBroken().rowId()).isEqualTo("later");
	}

	@Test
	void shouldRefuseToLinkARowTheTransactionCannotRead() {
		// a row reported as written that this transaction cannot see: the writer must not
		// link what it cannot read back
		org.assertj.core.api.Assertions.assertThatThrownBy(() -> write(() -> {
		}, row("ACT_HI_TASKINST", "not-there", Change.INSERT)))
			.isInstanceOf(IllegalStateException.class)
			.hasMessageContaining("cannot be read back");
	}

	private void write(Runnable writes, Pending... rows) {
		this.transaction.executeWithoutResult((status) -> {
			writes.run();
			this.writer.committed(this.writer.write(List.of(rows), Set.of()));
		});
	}

	private static Pending row(String table, String id, Change change) {
		return new Pending(table, id, change, change);
	}

	private void insert(String table, String id, String root, String text) {
		this.jdbc.update(
				"insert into " + table + " (ID_, ROOT_PROC_INST_ID_, TEXT_, TIME_, DOUBLE_) values (?, ?, ?, ?, ?)", id,
				root, text, Timestamp.valueOf(LocalDateTime.of(2026, 5, 12, 16, 0, 0, 123_000_000)), 1.5);
	}

	/** The columns the chain reads: id, root and a few typed values. */
	private static String standIn(ChainedTable table) {
		if (table.numericId()) {
			return "create table " + table.name() + " (" + table.idColumn()
					+ " bigint primary key, STATUS varchar(20))";
		}
		if (table.rootColumn() == null) {
			return "create table " + table.name() + " (" + table.idColumn() + " varchar(64) primary key, "
					+ "PROCESS_INSTANCE_ID varchar(64), ROOT_PROC_INST_ID_ varchar(64), TEXT_ varchar(200), "
					+ "TIME_ timestamp, DOUBLE_ double precision)";
		}
		return "create table " + table.name() + " (ID_ varchar(64) primary key, ROOT_PROC_INST_ID_ varchar(64), "
				+ "TYPE_ integer default 3, TEXT_ varchar(200), TIME_ timestamp, DOUBLE_ double precision, "
				+ "BYTES_ varbinary(100), REMOVAL_TIME_ timestamp)";
	}

}
