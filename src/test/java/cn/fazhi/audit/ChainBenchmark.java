package cn.fazhi.audit;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import cn.fazhi.decision.MajorDecisionProcess;
import cn.fazhi.decision.catalog.DecisionCatalog;
import cn.fazhi.legalreview.LegalityReviewProcess;
import cn.fazhi.support.ActingUser;
import cn.fazhi.support.HttpIntegrationTest;
import cn.fazhi.support.TestDatabases;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * What the audit chain costs (ADR 0012; issue 8 benchmarks properly): the time of one
 * whole major decision (7 runs after 3 warm-up runs: median and minimum wall time, and
 * the CPU time of the driving thread, which on H2 includes the database and is the figure
 * least disturbed by other load on the machine), and of 4 officers carrying 3 legality
 * reviews each at the same time (wall time and the JVM's CPU time). Subclasses run it
 * with the chain off, per case and global. Only with {@code -Dfazhi.benchmark=true}:
 *
 * <pre>
 * ./mvnw -o verify -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false \
 *     -Dit.test='Chain*BenchmarkIT' -Dfazhi.benchmark=true -DreuseForks=false
 * </pre>
 *
 * Results are appended to {@code target/chain-benchmark.txt}.
 */
@EnabledIfSystemProperty(named = "fazhi.benchmark", matches = "true")
abstract class ChainBenchmark extends HttpIntegrationTest {

	@Autowired
	MajorDecisionProcess process;

	@Autowired
	LegalityReviewProcess review;

	@Autowired
	DecisionCatalog catalog;

	@Autowired
	RuntimeService runtimeService;

	@Autowired
	TaskService taskService;

	@Autowired
	ManagementService managementService;

	@Autowired
	IdentityService identityService;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	MeterRegistry meters;

	/** Runs before measuring: JIT compilation, caches, connection pool. */
	static final int WARM_UP = 3;

	/** Measured runs; the median is reported. */
	static final int RUNS = 7;

	abstract String label();

	private long links() {
		Long count = this.jdbc.queryForObject("select count(*) from fz_audit_link", Long.class);
		return (count == null) ? 0 : count;
	}

	@AfterEach
	void resetClock() {
		ClockUtil.reset();
	}

	@Test
	void measure() throws Exception {
		DecisionScenario scenario = new DecisionScenario(this.process, this.review, this.catalog, this.runtimeService,
				this.taskService, this.managementService, this.identityService, this.rest);
		for (int warmUp = 0; warmUp < WARM_UP; warmUp++) {
			scenario.decide("预热事项（" + System.nanoTime() + "）");
		}
		ThreadMXBean threads = ManagementFactory.getThreadMXBean();
		List<Long> wall = new ArrayList<>();
		List<Long> cpu = new ArrayList<>();
		List<Long> linking = new ArrayList<>();
		List<Long> share = new ArrayList<>();
		long links = 0;
		long transactions = 0;
		Timer timer = this.meters.get("fazhi.audit.chain.linking").timer();
		for (int run = 0; run < RUNS; run++) {
			long before = links();
			double linkingBefore = timer.totalTime(TimeUnit.MILLISECONDS);
			long countBefore = timer.count();
			long startCpu = threads.getCurrentThreadCpuTime();
			long start = System.nanoTime();
			scenario.decide("计时事项（" + System.nanoTime() + "）");
			long elapsed = (System.nanoTime() - start) / 1_000_000;
			wall.add(elapsed);
			cpu.add((threads.getCurrentThreadCpuTime() - startCpu) / 1_000_000);
			long spent = Math.round(timer.totalTime(TimeUnit.MILLISECONDS) - linkingBefore);
			linking.add(spent);
			share.add(spent * 1000 / Math.max(1, elapsed));
			links = links() - before;
			transactions = timer.count() - countBefore;
		}
		ClockUtil.reset();
		long processCpu = processCpu();
		long parallel = parallelReviews();
		long parallelCpu = (processCpu() - processCpu) / 1_000_000;
		String line = String.format("%-14s %-8s | one decision: wall median %5d ms, min %5d ms, test-thread CPU median "
				+ "%5d ms, linking median %4d ms in %d transactions (%.1f %% of wall) | links %4d | 4 officers x 3 "
				+ "reviews: wall %6d ms, process CPU %6d ms%n", label(), TestDatabases.isPostgres() ? "postgres" : "h2",
				median(wall), Collections.min(wall), median(cpu), median(linking), transactions, median(share) / 10.0,
				links, parallel, parallelCpu);
		System.out.print(line);
		Files.writeString(Path.of("target", "chain-benchmark.txt"), line, StandardCharsets.UTF_8,
				StandardOpenOption.CREATE, StandardOpenOption.APPEND);
	}

	private static long median(List<Long> values) {
		return values.stream().sorted().toList().get(values.size() / 2);
	}

	/**
	 * CPU time of the whole JVM (every thread; H2 runs inside it, PostgreSQL does not).
	 */
	private static long processCpu() {
		return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
			.getProcessCpuTime();
	}

	private long parallelReviews() throws Exception {
		ExecutorService pool = Executors.newFixedThreadPool(4);
		long start = System.nanoTime();
		List<Future<?>> work = new ArrayList<>();
		for (int officer = 0; officer < 4; officer++) {
			work.add(pool.submit(() -> {
				for (int i = 0; i < 3; i++) {
					ProcessInstance instance = startReview();
					step(instance, "sunli", Map.of("materialsComplete", "COMPLETE"));
					step(instance, "wujun", Map.of("reviewer", "zhouqiang"));
					step(instance, "zhouqiang", Map.of("reviewAction", "CONCLUDE", "legalityConclusion", "LAWFUL",
							"legalityReasons", "未超越法定职权。", "legalBasis", "第27条"));
					step(instance, "wujun", Map.of("signOffDecision", "APPROVE"));
				}
				return null;
			}));
		}
		for (Future<?> done : work) {
			done.get(10, TimeUnit.MINUTES);
		}
		pool.shutdown();
		return (System.nanoTime() - start) / 1_000_000;
	}

	private ProcessInstance startReview() {
		Map<String, Object> form = new HashMap<>();
		form.put("matterTitle", "示范市公共停车设施管理办法");
		form.put("matterType", "NORMATIVE_DOCUMENT");
		form.put("draftSummary", "第一条 ……");
		form.put("legalBasisCited", "《中华人民共和国道路交通安全法》");
		form.put("proceduresPerformed", "已公开征求意见30日。");
		form.put("contactPerson", "张伟");
		form.put("contactPhone", "0571-88886666");
		return new ActingUser(this.identityService).as("zhangwei",
				() -> this.review.start("LR-BENCH-" + System.nanoTime(), form));
	}

	private void step(ProcessInstance instance, String user, Map<String, Object> form) {
		Task task = this.taskService.createTaskQuery().processInstanceId(instance.getId()).singleResult();
		new ActingUser(this.identityService).as(user, () -> this.review.submit(task.getId(), form));
	}

}
