package cn.fazhi.audit.chain;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import cn.fazhi.legalreview.LegalityReviewProcess;
import cn.fazhi.support.ActingUser;
import cn.fazhi.support.FazhiSpringTest;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The chain inside the running engine: links commit and roll back with the history they
 * link (one transaction, shared by the engine and Fazhi), and cases worked on at the same
 * time each get a whole chain.
 */
@FazhiSpringTest
@DisplayName("审计链：与历史记录同一事务写入，并发办理时链条完整")
class AuditChainTest {

	@Autowired
	LegalityReviewProcess review;

	@Autowired
	TaskService taskService;

	@Autowired
	HistoryService historyService;

	@Autowired
	IdentityService identityService;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	PlatformTransactionManager transactionManager;

	@Autowired
	AuditChain chain;

	@Test
	void shouldRollBackTheLinksWithTheHistoryTheyLink() {
		// given
		long links = links();
		String key = "LR-ROLLBACK-" + System.nanoTime();

		// when: a review is started in a transaction that then rolls back
		new TransactionTemplate(this.transactionManager).executeWithoutResult((status) -> {
			start(key);
			assertThat(this.historyService.createHistoricProcessInstanceQuery().processInstanceBusinessKey(key).count())
				.isOne();
			status.setRollbackOnly();
		});

		// then: neither the history nor a link remains, and the chain is whole
		assertThat(this.historyService.createHistoricProcessInstanceQuery().processInstanceBusinessKey(key).count())
			.isZero();
		assertThat(links()).isEqualTo(links);
		VerificationReport report = this.chain.verifyAll();
		assertThat(report.intact()).as("%s", report.problems()).isTrue();
	}

	@Test
	void shouldKeepEveryChainWholeWhenCasesAreWorkedOnAtTheSameTime() throws Exception {
		// given: four officers, each carrying three reviews through intake and assignment
		ExecutorService pool = Executors.newFixedThreadPool(4);
		List<Future<List<String>>> work = new ArrayList<>();
		for (int officer = 0; officer < 4; officer++) {
			int number = officer;
			work.add(pool.submit(() -> {
				List<String> roots = new ArrayList<>();
				for (int i = 0; i < 3; i++) {
					ProcessInstance instance = start("LR-PARALLEL-" + number + "-" + i + "-" + System.nanoTime());
					step(instance, "sunli", Map.of("materialsComplete", "COMPLETE"));
					step(instance, "wujun", Map.of("reviewer", "zhouqiang"));
					roots.add(instance.getId());
				}
				return roots;
			}));
		}
		pool.shutdown();
		assertThat(pool.awaitTermination(5, TimeUnit.MINUTES)).isTrue();

		// then: each case has a chain of its own, whole and registered
		for (Future<List<String>> done : work) {
			for (String root : done.get()) {
				VerificationReport report = this.chain.verifyCase(root, root);
				assertThat(report.intact()).as("%s", report.problems()).isTrue();
				assertThat(report.checkedLinks()).isGreaterThan(20);
			}
		}
		VerificationReport all = this.chain.verifyAll();
		assertThat(all.intact()).as("%s", all.problems()).isTrue();
	}

	private ProcessInstance start(String key) {
		Map<String, Object> form = new HashMap<>();
		form.put("matterTitle", "示范市公共停车设施管理办法");
		form.put("matterType", "MAJOR_DECISION");
		form.put("draftSummary", "第一条 为了规范公共停车设施的规划、建设和管理……");
		form.put("legalBasisCited", "《中华人民共和国道路交通安全法》");
		form.put("proceduresPerformed", "已公开征求意见30日。");
		form.put("contactPerson", "张伟");
		form.put("contactPhone", "0571-88886666");
		return new ActingUser(this.identityService).as("zhangwei", () -> this.review.start(key, form));
	}

	private void step(ProcessInstance instance, String user, Map<String, Object> form) {
		Task task = this.taskService.createTaskQuery().processInstanceId(instance.getId()).singleResult();
		new ActingUser(this.identityService).as(user, () -> this.review.submit(task.getId(), form));
	}

	private long links() {
		Long count = this.jdbc.queryForObject("select count(*) from fz_audit_link", Long.class);
		return (count == null) ? 0 : count;
	}

}
