package cn.fazhi.decision.catalog;

import java.time.Year;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

import cn.fazhi.support.FazhiSpringTest;
import cn.fazhi.system.web.ApiException;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The catalogue as the major-decision process uses it: one running case per matter,
 * status reports, the end of a case, and the demo catalogue.
 */
@FazhiSpringTest
@DisplayName("重大行政决策事项目录：与决策流程的衔接")
class DecisionCatalogTest {

	static final int YEAR = 2050;

	@Autowired
	DecisionCatalog catalog;

	@Autowired
	DemoCatalog demo;

	@Autowired
	TransactionTemplate transaction;

	@Test
	@DisplayName("启动决策后事项关联案号，状态为办理中")
	void shouldLinkTheMatterToTheDecisionBeingStarted() {
		// given
		CatalogEntry entry = newEntry();
		// when
		CatalogEntry started = this.catalog.startDecision(entry.id(), "MD-2050-0001", "pi-0001");
		// then
		assertThat(started.status()).isEqualTo(CatalogStatus.IN_PROGRESS);
		assertThat(started.runningBusinessKey()).isEqualTo("MD-2050-0001");
		assertThat(this.catalog.find(entry.id())).contains(started);
	}

	@Test
	@DisplayName("同一事项已有决策在办时，再次启动被拒绝并说明在办案号")
	void shouldRefuseASecondDecisionWhileOneRuns() {
		// given
		CatalogEntry entry = newEntry();
		this.catalog.startDecision(entry.id(), "MD-2050-0002", "pi-0002");
		// when / then
		assertThatThrownBy(() -> this.catalog.startDecision(entry.id(), "MD-2050-0003", "pi-0003"))
			.isInstanceOfSatisfying(CatalogEntryBusyException.class, (ex) -> {
				assertThat(ex.getRunningBusinessKey()).isEqualTo("MD-2050-0002");
				assertThat(ex.getEntryId()).isEqualTo(entry.id());
			})
			.hasMessage("该目录事项已有正在办理的决策（案号 MD-2050-0002），不能重复启动");
		assertThat(this.catalog.find(entry.id()).orElseThrow().runningBusinessKey()).isEqualTo("MD-2050-0002");
	}

	@Test
	@DisplayName("决策结束后解除关联、保留状态，可以再次启动")
	void shouldAllowANewDecisionOnceTheRunningOneEnded() {
		// given
		CatalogEntry entry = newEntry();
		this.catalog.startDecision(entry.id(), "MD-2050-0004", "pi-0004");
		this.catalog.updateStatus(entry.id(), CatalogStatus.STOPPED);
		// when
		this.catalog.decisionEnded(entry.id(), "MD-2050-0004");
		// then
		CatalogEntry ended = this.catalog.find(entry.id()).orElseThrow();
		assertThat(ended.runningBusinessKey()).isNull();
		assertThat(ended.status()).isEqualTo(CatalogStatus.STOPPED);
		assertThat(this.catalog.startDecision(entry.id(), "MD-2050-0005", "pi-0005").status())
			.isEqualTo(CatalogStatus.IN_PROGRESS);
	}

	@Test
	@DisplayName("另一案件的结束通知不解除当前案件的关联")
	void shouldIgnoreTheEndOfAnotherCase() {
		// given
		CatalogEntry entry = newEntry();
		this.catalog.startDecision(entry.id(), "MD-2050-0006", null);
		// when
		this.catalog.decisionEnded(entry.id(), "MD-2050-0001");
		this.catalog.decisionEnded(987654321L, "MD-2050-0006");
		// then
		assertThat(this.catalog.find(entry.id()).orElseThrow().runningBusinessKey()).isEqualTo("MD-2050-0006");
	}

	@Test
	@DisplayName("决策报告的状态写入目录；已启动的事项不能回到未启动，也不能删除")
	void shouldRecordReportedStatusAndKeepStartedMatters() {
		// given
		CatalogEntry entry = newEntry();
		this.catalog.startDecision(entry.id(), "MD-2050-0007", null);
		// when
		this.catalog.updateStatus(entry.id(), CatalogStatus.DECIDED);
		this.catalog.updateStatus(entry.id(), CatalogStatus.PUBLISHED);
		this.catalog.decisionEnded(entry.id(), "MD-2050-0007");
		// then
		assertThat(this.catalog.find(entry.id()).orElseThrow().status()).isEqualTo(CatalogStatus.PUBLISHED);
		assertThatThrownBy(() -> this.catalog.updateStatus(entry.id(), CatalogStatus.NOT_STARTED))
			.isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> this.catalog.delete(entry.id()))
			.isInstanceOfSatisfying(ApiException.class,
					(ex) -> assertThat(ex.getStatus()).isEqualTo(HttpStatus.CONFLICT))
			.hasMessageContaining("已公布");
		assertThatThrownBy(() -> this.catalog.updateStatus(987654321L, CatalogStatus.DECIDED)).isInstanceOfSatisfying(
				ApiException.class, (ex) -> assertThat(ex.getStatus()).isEqualTo(HttpStatus.NOT_FOUND));
	}

	@Test
	@DisplayName("决策办理期间不能修改事项（409），结束后可以修改")
	void shouldRefuseChangesWhileADecisionRuns() {
		// given
		CatalogEntry entry = newEntry();
		this.catalog.startDecision(entry.id(), "MD-2050-0008", null);
		NewCatalogEntry changed = new NewCatalogEntry(YEAR, entry.title() + "（修订）", "OTHER_MAJOR", "dept-edu", true,
				true, true, "2050年底");
		// when / then
		assertThatThrownBy(() -> this.catalog.update(entry.id(), changed, "chenjing"))
			.isInstanceOfSatisfying(ApiException.class,
					(ex) -> assertThat(ex.getStatus()).isEqualTo(HttpStatus.CONFLICT))
			.hasMessageContaining("MD-2050-0008");
		assertThat(this.catalog.find(entry.id()).orElseThrow().title()).isEqualTo(entry.title());
		this.catalog.decisionEnded(entry.id(), "MD-2050-0008");
		CatalogEntry updated = this.catalog.update(entry.id(), changed, "chenjing");
		assertThat(updated.title()).endsWith("（修订）");
		assertThat(updated.leadOfficeName()).isEqualTo("示范市教育局");
		assertThat(updated.status()).isEqualTo(CatalogStatus.IN_PROGRESS);
	}

	@Test
	@DisplayName("拒绝重复启动不影响调用方事务，调用方仍可提交")
	void shouldLeaveTheCallersTransactionUsableWhenRefusing() {
		// given
		CatalogEntry entry = newEntry();
		CatalogEntry other = newEntry();
		this.catalog.startDecision(entry.id(), "MD-2050-0009", null);
		// when: a delegate catches the refusal and carries on in the same transaction
		this.transaction.executeWithoutResult((status) -> {
			assertThatThrownBy(() -> this.catalog.startDecision(entry.id(), "MD-2050-0010", null))
				.isInstanceOf(CatalogEntryBusyException.class);
			this.catalog.startDecision(other.id(), "MD-2050-0010", null);
		});
		// then
		assertThat(this.catalog.find(other.id()).orElseThrow().runningBusinessKey()).isEqualTo("MD-2050-0010");
	}

	@Test
	@DisplayName("启动失败时回滚调用方事务，事项不留关联")
	void shouldUnlinkWhenTheCallersTransactionRollsBack() {
		// given
		CatalogEntry entry = newEntry();
		// when
		assertThatThrownBy(() -> this.transaction.executeWithoutResult((status) -> {
			this.catalog.startDecision(entry.id(), "MD-2050-0011", null);
			throw new IllegalStateException("the process failed to start");
		})).isInstanceOf(IllegalStateException.class);
		// then
		CatalogEntry after = this.catalog.find(entry.id()).orElseThrow();
		assertThat(after.runningBusinessKey()).isNull();
		assertThat(after.status()).isEqualTo(CatalogStatus.NOT_STARTED);
	}

	@Test
	@DisplayName("两个事务同时启动同一事项，只有一个成功")
	void shouldLetExactlyOneOfTwoConcurrentStartsWin() throws Exception {
		// given
		CatalogEntry entry = newEntry();
		// when
		ConcurrentStarts race = ConcurrentStarts.race(this.transaction, this.catalog, entry.id(), "MD-2050-0101",
				"MD-2050-0102");
		// then
		assertThat(race.winners()).hasSize(1);
		assertThat(race.failures()).singleElement()
			.isInstanceOfSatisfying(CatalogEntryBusyException.class,
					(ex) -> assertThat(ex.getRunningBusinessKey()).isEqualTo(race.winners().get(0)));
		assertThat(this.catalog.find(entry.id()).orElseThrow().runningBusinessKey()).isEqualTo(race.winners().get(0));
	}

	@Test
	@DisplayName("演示模式下本年度目录有示范事项，重复执行不重复录入")
	void shouldSeedTheDemoCatalogueOnce() {
		// given
		int year = Year.now(ZoneId.of("Asia/Shanghai")).getValue();
		List<CatalogEntry> seeded = this.catalog.list(year);
		// when
		this.demo.seed();
		// then
		assertThat(this.catalog.list(year)).isEqualTo(seeded);
		assertThat(seeded).extracting(CatalogEntry::leadOffice).contains("dept-nrp", "dept-edu", "dept-hcd");
		CatalogEntry land = seeded.stream()
			.filter((entry) -> entry.leadOffice().equals("dept-nrp"))
			.findFirst()
			.orElseThrow();
		assertThat(land.hearingRequired() && land.expertReviewRequired() && land.riskAssessmentRequired()).isTrue();
		assertThat(this.catalog.list(year + 1)).isNotEmpty();
	}

	private CatalogEntry newEntry() {
		String title = "示范市测试事项" + UUID.randomUUID().toString().substring(0, 8);
		return this.catalog
			.create(new NewCatalogEntry(YEAR, title, "PUBLIC_POLICY", "dept-nrp", null, null, null, null), "chenjing");
	}

}
