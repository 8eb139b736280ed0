package cn.fazhi.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntUnaryOperator;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;

import cn.fazhi.decision.MajorDecisionDriver;
import cn.fazhi.decision.MajorDecisionModel;
import cn.fazhi.decision.MajorDecisionProcess;
import cn.fazhi.legalreview.LegalityReviewProcess;
import cn.fazhi.notify.NotifyBench;
import cn.fazhi.reconsideration.ReconsiderationDriver;
import cn.fazhi.reconsideration.ReconsiderationModel;
import cn.fazhi.reconsideration.ReconsiderationProcess;
import cn.fazhi.support.ActingUser;
import cn.fazhi.support.TestDatabases;

import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.jobexecutor.JobExecutor;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.community.process_test_coverage.core.engine.ExcludeFromProcessCoverage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Fazhi's performance beside raw Camunda's (issue 8), in one JVM, on one database kind:
 * Fazhi as it runs in production (the whole application with listeners, rule tables, form
 * validation, legal clocks, audit chain, authorization and the mail outbox, on a file H2
 * database or on a new database of the local PostgreSQL server) and a plain engine
 * ({@link RawCamunda}) on a second database of the same kind. Not a test: it asserts only
 * that the work it times was done. Run with
 *
 * <pre>
 * ./mvnw -Pbench verify -Dbench.size=small        # tiny | small | full; see BenchSize
 * </pre>
 *
 * Each figure is written to {@code target/bench/results-<database>.json}; both databases'
 * files are merged into {@code target/bench/benchmarks.json} ({@link BenchReport}).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "spring.mail.host=localhost", "logging.level.org.camunda.bpm.engine.jobexecutor=warn",
				// as in production (the test profile turns it off)
				"fazhi.h2.analyze-initial-delay=PT1M" })
@ActiveProfiles("test")
@ExcludeFromProcessCoverage
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class Benchmarks {

	/**
	 * A free port unless {@code -Dbench.smtp.port} names one: the benchmark may run
	 * beside the tests (3025) or beside another benchmark run (a fixed 3625 made the
	 * second fail to start its mail server).
	 */
	static final int SMTP_PORT = Integer.getInteger("bench.smtp.port", StartupMemory.freePort());

	@RegisterExtension
	static GreenMailExtension smtp = new GreenMailExtension(new ServerSetup(SMTP_PORT, "127.0.0.1", "smtp"))
		.withConfiguration(GreenMailConfiguration.aConfig().withDisabledAuthentication())
		.withPerMethodLifecycle(false);

	/** The two databases of this run, chosen before the application starts. */
	static final class Databases {

		static final boolean POSTGRES = TestDatabases.isPostgres();

		static final String LABEL = POSTGRES ? "postgres" : "h2";

		static final String FAZHI;

		static final String RAW;

		static {
			if (POSTGRES) {
				List<String> urls = TestDatabases.createPostgresDatabases("bench_fazhi", "bench_raw");
				FAZHI = urls.get(0);
				RAW = urls.get(1);
			}
			else {
				Path dir = Path
					.of("target", "bench",
							"h2-" + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")))
					.toAbsolutePath();
				FAZHI = "jdbc:h2:file:" + dir.resolve("fazhi")
						+ System.getProperty("bench.h2.fazhi.options", ";DB_CLOSE_ON_EXIT=FALSE");
				RAW = "jdbc:h2:file:" + dir.resolve("raw") + ";DB_CLOSE_ON_EXIT=FALSE";
			}
		}

		static String user() {
			return POSTGRES ? TestDatabases.user() : "sa";
		}

	}

	@DynamicPropertySource
	static void database(DynamicPropertyRegistry registry) {
		registry.add("spring.datasource.url", () -> Databases.FAZHI);
		registry.add("spring.datasource.username", Databases::user);
		registry.add("spring.datasource.password", () -> "");
		registry.add("spring.mail.port", () -> SMTP_PORT);
	}

	/**
	 * A name for a run with other settings than production's (e.g.
	 * {@code -Dbench.variant=chain-off
	 * -Dfazhi.audit.chain.enabled=false}), to measure what one addition costs.
	 */
	static final String VARIANT = System.getProperty("bench.variant", "default");

	/** Longest time one latency round may take. */
	static final int ROUND_SECONDS = 60;

	static final String LEAD = "zhangwei";

	static final String AUDITOR = "hanxue";

	static final String INTAKE = "sunli";

	static final String OFFICE = "justice-bureau";

	@Autowired
	ApplicationContext context;

	@Autowired
	ProcessEngine engine;

	@Autowired
	MajorDecisionProcess decisions;

	@Autowired
	LegalityReviewProcess reviews;

	@Autowired
	ReconsiderationProcess reconsiderations;

	@Autowired
	RuntimeService runtimeService;

	@Autowired
	TaskService taskService;

	@Autowired
	HistoryService historyService;

	@Autowired
	ManagementService managementService;

	@Autowired
	IdentityService identityService;

	@Autowired
	FilterService filterService;

	@Autowired
	JdbcTemplate jdbc;

	@LocalServerPort
	int port;

	BenchSize size;

	RawCamunda raw;

	Footprint fazhiDb;

	Footprint rawDb;

	ActingUser acting;

	final Map<String, Object> results = new LinkedHashMap<>();

	/** Finished cases of each procedure, for the replays: Fazhi's and raw Camunda's. */
	final Map<String, List<String>> finishedFazhi = new LinkedHashMap<>();

	final Map<String, List<String>> finishedRaw = new LinkedHashMap<>();

	final AtomicInteger rawKeys = new AtomicInteger();

	/** Stands in for autovacuum's analysis where the server has it off (PostgreSQL). */
	private ScheduledExecutorService autovacuum;

	final AtomicInteger reviewKeys = new AtomicInteger();

	@BeforeAll
	void setUp() {
		this.size = BenchSize.fromSystemProperties();
		this.raw = new RawCamunda(Databases.RAW, Databases.user());
		this.fazhiDb = new Footprint(this.jdbc.getDataSource());
		this.rawDb = new Footprint(
				((ProcessEngineConfigurationImpl) this.raw.engine().getProcessEngineConfiguration()).getDataSource());
		this.acting = new ActingUser(this.identityService);
		this.results.put("database", Databases.LABEL);
		this.results.put("variant", VARIANT);
		this.results.put("configuration", configuration());
		this.results.put("databaseVersion", this.fazhiDb.version());
		this.results.put("size", this.size.describe());
		this.results.put("machine", BenchReport.machine());
		this.results.put("startedAt", OffsetDateTime.now().toString());
		log("benchmark %s on %s (%s)", this.size.name(), Databases.LABEL, this.fazhiDb.version());
		if (Databases.POSTGRES && !this.fazhiDb.autovacuum()) {
			// This server runs without autovacuum (the CI machines' configuration).
			// Without statistics, plans made while the tables were small stay in use as
			// they grow: loading 10,000 cases slowed from 40 s to over 3 minutes per
			// 1,000 (docs/benchmarks.md, harness fixes). Analyse as autovacuum's
			// defaults would: each minute, the tables changed by more than 50 rows plus
			// a tenth of their rows.
			this.autovacuum = Executors.newSingleThreadScheduledExecutor((task) -> {
				Thread thread = new Thread(task, "bench-autovacuum");
				thread.setDaemon(true);
				return thread;
			});
			this.autovacuum.scheduleWithFixedDelay(this::analyzeBoth, 60, 60, TimeUnit.SECONDS);
			this.results.put("autovacuum",
					"off on this server; every 60 s the benchmark analyses the tables autovacuum would analyse with its defaults "
							+ "(changed by more than 50 rows + 10 % since their last analysis)");
		}
	}

	private void analyzeBoth() {
		try {
			this.fazhiDb.analyzeChangedTables();
			this.rawDb.analyzeChangedTables();
		}
		catch (RuntimeException ex) {
			log("autovacuum stand-in: %s", ex.getMessage());
		}
	}

	/** Figures so far, after every metric: a run stopped later keeps them. */
	@AfterEach
	void writeSoFar() throws Exception {
		BenchReport.write(Databases.LABEL + ("default".equals(VARIANT) ? "" : "-" + VARIANT), this.results);
	}

	@AfterAll
	void tearDown() throws Exception {
		if (this.autovacuum != null) {
			this.autovacuum.shutdownNow();
		}
		ClockUtil.reset();
		this.results.put("finishedAt", OffsetDateTime.now().toString());
		if (this.raw != null) {
			this.raw.close();
		}
		BenchReport.write(Databases.LABEL + ("default".equals(VARIANT) ? "" : "-" + VARIANT), this.results);
	}

	private Map<String, Object> configuration() {
		Map<String, Object> configuration = new LinkedHashMap<>();
		var engineConfiguration = (ProcessEngineConfigurationImpl) this.engine.getProcessEngineConfiguration();
		configuration.put("auditChain", this.context.getEnvironment().getProperty("fazhi.audit.chain.enabled", "true"));
		configuration.put("authorization", engineConfiguration.isAuthorizationEnabled());
		configuration.put("history", engineConfiguration.getHistory());
		configuration.put("fazhiJdbcUrl", Databases.FAZHI.replaceAll("^(jdbc:[a-z0-9]+:).*?([^/]*)$", "$1…/$2"));
		configuration.put("rawCamundaJdbcUrl", Databases.RAW.replaceAll("^(jdbc:[a-z0-9]+:).*?([^/]*)$", "$1…/$2"));
		configuration.put("connectionPool", "HikariCP, 10 connections, for both");
		return configuration;
	}

	// ---- 1 and 5: throughput, storage

	@Test
	@Order(1)
	void throughputAndStorage() throws Exception {
		Map<String, Object> throughput = new LinkedHashMap<>();
		Map<String, Object> storage = new LinkedHashMap<>();
		Map<String, Object> shapes = new LinkedHashMap<>();
		// major decisions run on the engine clock of spring 2026, reconsiderations of
		// autumn 2025:
		// the drivers' dates are chosen for those
		setClock("2026-03-02T09:00:00");
		throughput.put("majorDecision",
				compare("major-decision", storage, shapes, this::fazhiDecision, rawCase(RawCamunda.DECISION, "MD")));
		setClock("2025-09-26T10:00:00");
		throughput.put("reconsideration", compare("reconsideration", storage, shapes, this::fazhiReconsideration,
				rawCase(RawCamunda.RECONSIDERATION, "RC")));
		ClockUtil.reset();
		this.results.put("throughput", throughput);
		this.results.put("storage", storage);
		this.results.put("shape", shapes);
	}

	/** One complete case; returns the tasks completed. */
	interface CaseRun {

		int run(int index);

	}

	private Map<String, Object> compare(String procedure, Map<String, Object> storage, Map<String, Object> shapes,
			CaseRun fazhi, CaseRun plain) throws Exception {
		Map<String, Object> figures = new LinkedHashMap<>();
		Footprint.Snapshot fazhiBefore = this.fazhiDb.snapshot();
		Footprint.Snapshot rawBefore = this.rawDb.snapshot();
		int fazhiCasesBefore = this.finishedFazhi.getOrDefault(procedure, List.of()).size();
		int rawCasesBefore = this.finishedRaw.getOrDefault(procedure, List.of()).size();
		Map<String, Object> fazhiFigures = new LinkedHashMap<>();
		Map<String, Object> rawFigures = new LinkedHashMap<>();
		Map<String, Object> ratios = new LinkedHashMap<>();
		for (int threads = 1; threads <= 2; threads++) {
			warmUp(procedure, "fazhi", threads, fazhi);
			warmUp(procedure, "raw", threads, plain);
			Repetitions fazhiRuns = new Repetitions();
			Repetitions rawRuns = new Repetitions();
			// alternately, so that a drift of the machine (another process, the database
			// growing) falls on both
			for (int repetition = 0; repetition < this.size.repetitions(); repetition++) {
				fazhiRuns.add(repetition(threads, fazhi));
				rawRuns.add(repetition(threads, plain));
			}
			fazhiFigures.put(threads + "thread", fazhiRuns.summary());
			rawFigures.put(threads + "thread", rawRuns.summary());
			ratios.put(threads + "thread", Stats.ratio(Stats.median(fazhiRuns.cases), Stats.median(rawRuns.cases)));
			log("%s %d thread(s): Fazhi %s, raw %s cases/s", procedure, threads, Stats.median(fazhiRuns.cases),
					Stats.median(rawRuns.cases));
		}
		int fazhiCases = this.finishedFazhi.get(procedure).size() - fazhiCasesBefore;
		int rawCases = this.finishedRaw.get(procedure).size() - rawCasesBefore;
		Footprint.Snapshot fazhiAfter = this.fazhiDb.snapshot();
		Footprint.Snapshot rawAfter = this.rawDb.snapshot();
		figures.put("fazhi", fazhiFigures);
		figures.put("rawCamunda", rawFigures);
		figures.put("ratioToRawCamunda", ratios);
		storage.put(procedure, storage(fazhiBefore, fazhiAfter, fazhiCases, rawBefore, rawAfter, rawCases));
		Map<String, Object> shape = new LinkedHashMap<>();
		shape.put("fazhi", shapeOf(this.engine.getHistoryService(), this.engine.getManagementService(),
				this.finishedFazhi.get(procedure).get(0)));
		shape.put("rawCamunda",
				shapeOf(this.raw.history(), this.raw.management(), this.finishedRaw.get(procedure).get(0)));
		shapes.put(procedure, shape);
		log("%s: %s", procedure, figures);
		return figures;
	}

	/**
	 * Runs cases until {@code bench.warmup.seconds} have passed (at least two per
	 * thread): the JIT compiles each system's own path before it is measured. Without
	 * this, Fazhi (measured first) paid for compiling the engine code raw Camunda then
	 * reused.
	 */
	private void warmUp(String procedure, String system, int threads, CaseRun run) throws Exception {
		long end = System.nanoTime() + Duration.ofSeconds(this.size.warmUpSeconds()).toNanos();
		int cases = 0;
		do {
			inParallel(threads, 2 * threads, run::run);
			cases += 2 * threads;
		}
		while (System.nanoTime() < end);
		log("%s %s %d thread(s): warmed up with %d cases", procedure, system, threads, cases);
	}

	/** One measured repetition: cases per second and task completions per second. */
	private double[] repetition(int threads, CaseRun run) throws Exception {
		long start = System.nanoTime();
		int completed = inParallel(threads, this.size.throughputCases(), run::run);
		double seconds = (System.nanoTime() - start) / 1e9;
		return new double[] { this.size.throughputCases() / seconds, completed / seconds };
	}

	private static final class Repetitions {

		private final List<Double> cases = new ArrayList<>();

		private final List<Double> tasks = new ArrayList<>();

		void add(double[] repetition) {
			this.cases.add(repetition[0]);
			this.tasks.add(repetition[1]);
		}

		Map<String, Object> summary() {
			Map<String, Object> perThreads = new LinkedHashMap<>();
			perThreads.put("casesPerSecond", Stats.summary(this.cases));
			perThreads.put("taskCompletionsPerSecond", Stats.summary(this.tasks));
			return perThreads;
		}

	}

	private Map<String, Object> storage(Footprint.Snapshot fazhiBefore, Footprint.Snapshot fazhiAfter, int fazhiCases,
			Footprint.Snapshot rawBefore, Footprint.Snapshot rawAfter, int rawCases) {
		Map<String, Object> storage = new LinkedHashMap<>();
		double fazhiBytes = (fazhiAfter.databaseBytes() - fazhiBefore.databaseBytes()) / (double) fazhiCases;
		double rawBytes = (rawAfter.databaseBytes() - rawBefore.databaseBytes()) / (double) rawCases;
		storage.put("fazhi", perCase(fazhiBefore, fazhiAfter, fazhiCases));
		storage.put("rawCamunda", perCase(rawBefore, rawAfter, rawCases));
		storage.put("bytesRatioToRawCamunda", Stats.ratio(fazhiBytes, rawBytes));
		return storage;
	}

	private static Map<String, Object> perCase(Footprint.Snapshot before, Footprint.Snapshot after, int cases) {
		Map<String, Object> perCase = new LinkedHashMap<>();
		perCase.put("finishedCases", cases);
		perCase.put("kilobytesPerCase", Stats.round((after.databaseBytes() - before.databaseBytes()) / 1024.0 / cases));
		perCase.put("tableKilobytesPerCase", Stats.round((after.totalBytes() - before.totalBytes()) / 1024.0 / cases));
		perCase.put("historyRowsPerCase",
				Stats.round((after.rows("ACT_HI_") - before.rows("ACT_HI_")) / (double) cases));
		perCase.put("fazhiRowsPerCase", Stats.round((after.rows("FZ_") - before.rows("FZ_")) / (double) cases));
		perCase.put("byteArrayRowsPerCase",
				Stats.round((after.rows("ACT_GE_BYTEARRAY") - before.rows("ACT_GE_BYTEARRAY")) / (double) cases));
		Map<String, Double> byTable = new LinkedHashMap<>();
		after.bytes().forEach((table, bytes) -> {
			double delta = (bytes - before.bytes().getOrDefault(table, 0L)) / 1024.0 / cases;
			if (Math.abs(delta) >= 0.5) {
				byTable.put(table, Stats.round(delta));
			}
		});
		perCase.put("kilobytesPerCaseByTable", byTable);
		return perCase;
	}

	/**
	 * What a finished case of a path consists of, from its history (with called cases).
	 */
	private static Map<String, Object> shapeOf(HistoryService history, ManagementService management,
			String businessKey) {
		HistoricProcessInstance root = history.createHistoricProcessInstanceQuery()
			.processInstanceBusinessKey(businessKey)
			.rootProcessInstances()
			.singleResult();
		List<String> instances = new ArrayList<>();
		instances.add(root.getId());
		history.createHistoricProcessInstanceQuery()
			.superProcessInstanceId(root.getId())
			.list()
			.forEach((sub) -> instances.add(sub.getId()));
		Map<String, Integer> activities = new java.util.TreeMap<>();
		long timers = 0;
		for (String instance : instances) {
			history.createHistoricActivityInstanceQuery()
				.processInstanceId(instance)
				.list()
				.forEach((activity) -> activities.merge(activity.getActivityType(), 1, Integer::sum));
			timers += history.createHistoricJobLogQuery()
				.processInstanceId(instance)
				.creationLog()
				.list()
				.stream()
				.filter((log) -> log.getJobDefinitionType() != null && log.getJobDefinitionType().startsWith("timer"))
				.count();
		}
		Map<String, Object> shape = new LinkedHashMap<>();
		shape.put("processInstances", instances.size());
		shape.put("timerJobsCreated", timers);
		shape.put("activitiesByType", activities);
		return shape;
	}

	private int fazhiDecision(int index) {
		MajorDecisionDriver driver = new MajorDecisionDriver(this.decisions, this.reviews, this.runtimeService,
				this.taskService, this.managementService, this.acting);
		ProcessInstance instance = driver.start(MajorDecisionDriver.adHocStart("示范市基准测试管理办法（第" + index + "件）"));
		driver.initiate(instance);
		driver.draft(instance);
		driver.publishForComment(instance, "2026-03-02");
		driver.closeCommentPeriod(instance);
		driver.summarizeComments(instance);
		driver.legalityReview(instance, "LAWFUL");
		driver.toMeeting(instance);
		driver.meeting(instance, "APPROVED", "APPROVED", null);
		driver.publish(instance);
		driver.complete(instance, MajorDecisionModel.Elements.EXECUTION_REPORT, MajorDecisionDriver.LEAD,
				Map.of("reportedPeriod", "2026年", "executionProgress", "完成", "executionStatus", "COMPLETED",
						"evaluationTriggered", false));
		driver.archive(instance);
		ended(instance, "major-decision");
		return 14;
	}

	private int fazhiReconsideration(int index) {
		ReconsiderationDriver driver = new ReconsiderationDriver(this.reconsiderations, this.taskService,
				this.managementService, this.acting);
		ProcessInstance instance = driver.register(ReconsiderationDriver.application("2025-09-10"));
		driver.accept(instance);
		driver.procedure(instance, "ORDINARY", Map.of());
		driver.complete(instance, ReconsiderationModel.Elements.SEND_COPY, ReconsiderationDriver.STAFF,
				Map.of("copySentOn", "2025-09-26", "copyMethod", "DIRECT"));
		driver.complete(instance, ReconsiderationModel.Elements.RESPONDENT_REPLY, ReconsiderationDriver.RESPONDENT,
				Map.of("replyText", "原行政行为事实清楚……", "replyEvidence", "现场检查笔录等", "replyLegalBasis", "《土地管理法》第七十七条"));
		driver.hearOpinions(instance, "2025-10-20");
		driver.propose(instance, "UPHOLD");
		driver.decideAndClose(instance, "2025-10-30");
		ended(instance, "reconsideration");
		return 10;
	}

	private void ended(ProcessInstance instance, String procedure) {
		HistoricProcessInstance done = this.historyService.createHistoricProcessInstanceQuery()
			.processInstanceId(instance.getId())
			.singleResult();
		assertThat(done.getEndTime()).as("%s %s ended", procedure, instance.getBusinessKey()).isNotNull();
		synchronized (this.finishedFazhi) {
			this.finishedFazhi.computeIfAbsent(procedure, (key) -> new ArrayList<>()).add(instance.getBusinessKey());
		}
	}

	private CaseRun rawCase(String processKey, String prefix) {
		String procedure = switch (processKey) {
			case RawCamunda.DECISION -> "major-decision";
			case RawCamunda.RECONSIDERATION -> "reconsideration";
			default -> "legality-review";
		};
		return (index) -> {
			String businessKey = "RAW-" + prefix + "-" + this.rawKeys.incrementAndGet();
			int completed = this.raw.runCase(processKey, businessKey);
			synchronized (this.finishedRaw) {
				this.finishedRaw.computeIfAbsent(procedure, (key) -> new ArrayList<>()).add(businessKey);
			}
			return completed;
		};
	}

	// ---- 4: statutory timers

	@Test
	@Order(2)
	void timers() throws Exception {
		Map<String, Object> timers = new LinkedHashMap<>();
		int count = this.size.timers();
		// warm-up: a few of each, fired the same way
		fazhiTimerRound(Math.max(10, count / 20));
		rawTimerRound(Math.max(10, count / 20));
		List<Double> fazhiSeconds = new ArrayList<>();
		List<Double> fazhiRate = new ArrayList<>();
		List<Double> scanSeconds = new ArrayList<>();
		List<Double> mailSeconds = new ArrayList<>();
		List<Double> rawSeconds = new ArrayList<>();
		List<Double> rawRate = new ArrayList<>();
		int reminders = 0;
		int mails = 0;
		for (int repetition = 0; repetition < this.size.repetitions(); repetition++) {
			TimerRound fazhi = fazhiTimerRound(count);
			fazhiSeconds.add(fazhi.fireSeconds());
			fazhiRate.add(count / fazhi.fireSeconds());
			scanSeconds.add(fazhi.scanSeconds());
			mailSeconds.add(fazhi.mailSeconds());
			reminders = fazhi.reminders();
			mails = fazhi.mails();
			TimerRound plain = rawTimerRound(count);
			rawSeconds.add(plain.fireSeconds());
			rawRate.add(count / plain.fireSeconds());
			log("timers %d: Fazhi %.1f s (reminder scan %.1f s, mails %.1f s), raw %.1f s", count, fazhi.fireSeconds(),
					fazhi.scanSeconds(), fazhi.mailSeconds(), plain.fireSeconds());
		}
		ClockUtil.reset();
		Map<String, Object> fazhi = new LinkedHashMap<>();
		fazhi.put("dueTimers", count);
		fazhi.put("seconds", Stats.summary(fazhiSeconds));
		fazhi.put("jobsPerSecond", Stats.summary(fazhiRate));
		fazhi.put("remindersPerRound", reminders);
		fazhi.put("mailsPerRound", mails);
		fazhi.put("reminderScanSeconds", Stats.summary(scanSeconds));
		fazhi.put("mailDeliverySeconds", Stats.summary(mailSeconds));
		Map<String, Object> plain = new LinkedHashMap<>();
		plain.put("dueTimers", count);
		plain.put("seconds", Stats.summary(rawSeconds));
		plain.put("jobsPerSecond", Stats.summary(rawRate));
		timers.put("fazhi", fazhi);
		timers.put("rawCamunda", plain);
		timers.put("jobsPerSecondRatioToRawCamunda", Stats.ratio(Stats.median(fazhiRate), Stats.median(rawRate)));
		timers.put("jobExecutor", "Camunda defaults on both: 3 jobs per acquisition, 3–10 threads, queue 3");
		this.results.put("timers", timers);
	}

	record TimerRound(double fireSeconds, double scanSeconds, double mailSeconds, int reminders, int mails) {
	}

	/**
	 * Reconsideration applications registered on Friday 26 September 2025: the 5 working
	 * days for the acceptance decision end on Friday 10 October. That morning the
	 * reminder scan sends "今日到期" to the reconsideration office; at midnight each case's
	 * "deemed accepted" timer (Art 30) is due and the job executor fires them all.
	 */
	private TimerRound fazhiTimerRound(int count) throws Exception {
		setClock("2025-09-26T10:00:00");
		ReconsiderationDriver driver = new ReconsiderationDriver(this.reconsiderations, this.taskService,
				this.managementService, this.acting);
		List<String> registered = Collections.synchronizedList(new ArrayList<>());
		// the year's first case alone: it creates the year's case-number counter
		// (docs/benchmarks.md, change 6)
		registered.add(driver.register(ReconsiderationDriver.application("2025-09-15")).getId());
		inParallel(2, count - 1, (index) -> {
			registered.add(driver.register(ReconsiderationDriver.application("2025-09-15")).getId());
			return 0;
		});
		// planner statistics, as the database keeps them up to date in production
		// (autovacuum on PostgreSQL, H2Statistics on H2)
		this.fazhiDb.analyze();
		// the morning of the last day: reminders and their mails
		setClock("2025-10-10T09:00:00");
		int mailsBefore = smtp.getReceivedMessages().length;
		long scanStart = System.nanoTime();
		int reminders = NotifyBench.scanReminders(this.context);
		double scanSeconds = (System.nanoTime() - scanStart) / 1e9;
		long mailStart = System.nanoTime();
		waitFor(() -> this.jdbc.queryForObject(
				"select count(*) from fz_mail_outbox where status in ('PENDING', 'SENDING')", Long.class) == 0,
				"mails delivered");
		double mailSeconds = (System.nanoTime() - mailStart) / 1e9;
		int mails = smtp.getReceivedMessages().length - mailsBefore;
		// midnight: the timers
		setClock("2025-10-11T00:00:01");
		long due = this.managementService.createJobQuery().executable().count();
		assertThat(due).as("due timers").isEqualTo(count);
		double fireSeconds = fire(jobExecutor(this.engine), this.managementService);
		String sample = registered.get(0);
		assertThat(this.taskService.createTaskQuery()
			.processInstanceId(sample)
			.taskDefinitionKey(ReconsiderationModel.Elements.CHOOSE_PROCEDURE)
			.count()).as("deemed accepted").isEqualTo(1);
		return new TimerRound(fireSeconds, scanSeconds, mailSeconds, reminders, mails);
	}

	private TimerRound rawTimerRound(int count) throws Exception {
		setClock("2025-09-26T10:00:00");
		Date due = Date.from(OffsetDateTime.parse("2025-10-11T00:00:00+08:00").toInstant());
		inParallel(2, count, (index) -> {
			Map<String, Object> variables = new HashMap<>(RawCamunda.startVariables(index));
			variables.put("due", due);
			this.raw.runtime()
				.startProcessInstanceByKey(RawCamunda.DEADLINE, "RAW-T-" + this.rawKeys.incrementAndGet(), variables);
			return 0;
		});
		this.rawDb.analyze();
		setClock("2025-10-11T00:00:01");
		assertThat(this.raw.management().createJobQuery().executable().count()).as("due raw timers").isEqualTo(count);
		double seconds = fire(this.raw.jobExecutor(), this.raw.management());
		return new TimerRound(seconds, 0, 0, 0, 0);
	}

	private static JobExecutor jobExecutor(ProcessEngine engine) {
		return ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getJobExecutor();
	}

	/** Starts the engine's job executor and waits until no job is due any more. */
	private static double fire(JobExecutor executor, ManagementService management) throws Exception {
		long start = System.nanoTime();
		if (executor.getProcessEngines().isEmpty()) {
			throw new IllegalStateException("the job executor serves no engine");
		}
		executor.start();
		try {
			waitFor(() -> management.createJobQuery().executable().count() == 0, "due jobs executed");
		}
		finally {
			executor.shutdown();
		}
		double seconds = (System.nanoTime() - start) / 1e9;
		assertThat(management.createJobQuery().withException().count()).as("failed jobs").isZero();
		return seconds;
	}

	// ---- 2: task list

	@Test
	@Order(3)
	void tasklist() throws Exception {
		ClockUtil.reset();
		Map<String, Object> tasklist = new LinkedHashMap<>();
		List<String> groups = groupsOf(INTAKE);
		Filter unclaimed = this.filterService.createFilterQuery().filterName("本单位待认领").singleResult();
		assertThat(unclaimed).as("Tasklist filter 本单位待认领").isNotNull();
		int openFazhi = 0;
		int openRaw = 0;
		for (int open : this.size.openCases()) {
			long loadStart = System.nanoTime();
			inParallel(2, open - openFazhi, (index) -> {
				this.acting.as(LEAD, () -> this.reviews.start(reviewKey(), reviewForm(index)));
				return 0;
			});
			double fazhiLoad = (System.nanoTime() - loadStart) / 1e9;
			loadStart = System.nanoTime();
			inParallel(2, open - openRaw, (index) -> {
				this.raw.runtime()
					.startProcessInstanceByKey(RawCamunda.REVIEW, "RAW-LR-" + this.rawKeys.incrementAndGet(),
							RawCamunda.startVariables(index));
				return 0;
			});
			double rawLoad = (System.nanoTime() - loadStart) / 1e9;
			openFazhi = open;
			openRaw = open;
			this.fazhiDb.analyze();
			this.rawDb.analyze();
			long officeTasks = this.taskService.createTaskQuery().taskCandidateGroup(OFFICE).count();
			long allTasks = this.taskService.createTaskQuery().count();
			Map<String, Object> atSize = new LinkedHashMap<>();
			atSize.put("openCasesInOfficeQueue", officeTasks);
			atSize.put("openTasksFazhi", allTasks);
			atSize.put("openTasksRawCamunda", this.raw.tasks().createTaskQuery().count());
			atSize.put("loadSecondsFazhi", Stats.round(fazhiLoad));
			atSize.put("loadSecondsRawCamunda", Stats.round(rawLoad));
			Map<String, Object> query = latency(() -> {
				List<Task> page = asUser(INTAKE, groups,
						() -> this.taskService.createTaskQuery()
							.taskCandidateGroup(OFFICE)
							.orderByTaskCreateTime()
							.desc()
							.listPage(0, 50));
				assertThat(page).hasSize(50);
			});
			Map<String, Object> filter = latency(() -> {
				List<Task> page = asUser(INTAKE, groups, () -> this.filterService.listPage(unclaimed.getId(), 0, 50));
				assertThat(page).hasSize(50);
			});
			Map<String, Object> plain = latency(() -> {
				List<Task> page = this.raw.tasks()
					.createTaskQuery()
					.taskCandidateGroup(RawCamunda.OFFICE)
					.orderByTaskCreateTime()
					.desc()
					.listPage(0, 50);
				assertThat(page).hasSize(50);
			});
			atSize.put("fazhiOfficeQueryAsUser", query);
			atSize.put("fazhiTasklistFilter", filter);
			atSize.put("rawCamunda", plain);
			atSize.put("p95RatioToRawCamunda", Stats.ratio(p95(query), p95(plain)));
			tasklist.put(String.valueOf(open), atSize);
			log("task list at %d open cases: %s", open, atSize);
		}
		tasklist.put("query",
				"first page of 50 tasks of the justice bureau's candidate group, newest first, as 孙丽 (Fazhi: with her "
						+ "authorizations) and without authentication (raw Camunda); also Tasklist's filter 本单位待认领 as she "
						+ "opens it (unclaimed tasks of all her groups, due date first)");
		this.results.put("tasklist", tasklist);
	}

	@SuppressWarnings("unchecked")
	private static double p95(Map<String, Object> latency) {
		return ((Number) ((Map<String, Object>) latency.get("p95Ms")).get("median")).doubleValue();
	}

	/**
	 * Times {@code call} in rounds of {@code bench.queries} calls after a warm-up. A
	 * round stops early after {@value #ROUND_SECONDS} seconds (a query that takes seconds
	 * would otherwise hold the run for hours); the samples taken are reported with
	 * {@code capped}.
	 */
	private Map<String, Object> latency(Runnable call) {
		long warmUpEnd = System.nanoTime() + Duration.ofSeconds(ROUND_SECONDS / 3).toNanos();
		for (int warmUp = 0; warmUp < Math.max(20, this.size.queries() / 5)
				&& System.nanoTime() < warmUpEnd; warmUp++) {
			call.run();
		}
		List<List<Double>> rounds = new ArrayList<>();
		boolean capped = false;
		for (int repetition = 0; repetition < this.size.repetitions(); repetition++) {
			List<Double> samples = new ArrayList<>();
			long roundEnd = System.nanoTime() + Duration.ofSeconds(ROUND_SECONDS).toNanos();
			for (int query = 0; query < this.size.queries(); query++) {
				if (System.nanoTime() > roundEnd) {
					capped = true;
					break;
				}
				long start = System.nanoTime();
				call.run();
				samples.add((System.nanoTime() - start) / 1e6);
			}
			rounds.add(samples);
		}
		Map<String, Object> latency = Stats.latency(rounds);
		if (capped) {
			latency.put("capped", "rounds stopped after " + ROUND_SECONDS + " s; samples per round: "
					+ rounds.stream().map(List::size).toList());
		}
		return latency;
	}

	private <T> T asUser(String user, List<String> groups, java.util.function.Supplier<T> work) {
		this.identityService.setAuthentication(user, groups);
		try {
			return work.get();
		}
		finally {
			this.identityService.clearAuthentication();
		}
	}

	private List<String> groupsOf(String user) {
		return this.identityService.createGroupQuery().groupMember(user).list().stream().map((g) -> g.getId()).toList();
	}

	/**
	 * A legality review started on its own gets no case number from Fazhi (see
	 * docs/benchmarks.md); the benchmark gives one, as a client starting it over REST
	 * can.
	 */
	private String reviewKey() {
		return "LR-BENCH-" + this.reviewKeys.incrementAndGet();
	}

	static Map<String, Object> reviewForm(int index) {
		Map<String, Object> form = new HashMap<>();
		form.put("matterTitle", "示范市基准测试规定（第" + index + "件）");
		form.put("matterType", "MAJOR_DECISION");
		form.put("draftSummary", "第一条 为了规范……，制定本规定。");
		form.put("legalBasisCited", "《国有土地上房屋征收与补偿条例》");
		form.put("proceduresPerformed", "已公开征求意见30日，已组织专家论证和风险评估。");
		form.put("contactPerson", "张伟");
		form.put("contactPhone", "0571-88886666");
		return form;
	}

	// ---- 3: auditor replay

	@Test
	@Order(4)
	void auditReplay() throws Exception {
		ClockUtil.reset();
		// finish open legality reviews (and start more if needed) until history holds
		// enough cases
		long finished = this.historyService.createHistoricProcessInstanceQuery()
			.rootProcessInstances()
			.finished()
			.count();
		int missing = (int) Math.max(0, this.size.finishedCases() - finished);
		List<Task> intake = this.taskService.createTaskQuery()
			.processDefinitionKey("legality-review")
			.taskDefinitionKey("userTask_intake")
			.listPage(0, missing);
		ConcurrentLinkedQueue<String> open = new ConcurrentLinkedQueue<>(
				intake.stream().map(Task::getProcessInstanceId).toList());
		long loadStart = System.nanoTime();
		inParallel(2, missing, (index) -> {
			String instance = open.poll();
			if (instance == null) {
				instance = this.acting.as(LEAD, () -> this.reviews.start(reviewKey(), reviewForm(index))).getId();
			}
			finishReview(instance);
			return 4;
		});
		double fazhiLoad = (System.nanoTime() - loadStart) / 1e9;
		long rawFinished = this.raw.history()
			.createHistoricProcessInstanceQuery()
			.rootProcessInstances()
			.finished()
			.count();
		int rawMissing = (int) Math.max(0, this.size.finishedCases() - rawFinished);
		List<Task> rawOpen = this.raw.tasks()
			.createTaskQuery()
			.processDefinitionKey(RawCamunda.REVIEW)
			.listPage(0, rawMissing);
		ConcurrentLinkedQueue<Task> rawQueue = new ConcurrentLinkedQueue<>(rawOpen);
		loadStart = System.nanoTime();
		inParallel(2, rawMissing, (index) -> {
			Task first = rawQueue.poll();
			String businessKey;
			if (first == null) {
				businessKey = "RAW-LR-" + this.rawKeys.incrementAndGet();
				this.raw.runCase(RawCamunda.REVIEW, businessKey);
			}
			else {
				businessKey = this.raw.runtime()
					.createProcessInstanceQuery()
					.processInstanceId(first.getProcessInstanceId())
					.singleResult()
					.getBusinessKey();
				for (int step = 0; step < 4; step++) {
					Task task = this.raw.tasks()
						.createTaskQuery()
						.processInstanceId(first.getProcessInstanceId())
						.singleResult();
					this.raw.tasks().complete(task.getId(), RawCamunda.formVariables());
				}
			}
			synchronized (this.finishedRaw) {
				this.finishedRaw.computeIfAbsent("legality-review", (key) -> new ArrayList<>()).add(businessKey);
			}
			return 4;
		});
		double rawLoad = (System.nanoTime() - loadStart) / 1e9;

		this.fazhiDb.analyze();
		this.rawDb.analyze();
		Map<String, Object> audit = new LinkedHashMap<>();
		audit.put("finishedCasesFazhi",
				this.historyService.createHistoricProcessInstanceQuery().rootProcessInstances().finished().count());
		audit.put("finishedCasesRawCamunda",
				this.raw.history().createHistoricProcessInstanceQuery().rootProcessInstances().finished().count());
		audit.put("historyRowsFazhi", this.fazhiDb.historyRows());
		audit.put("historyRowsRawCamunda", this.rawDb.historyRows());
		audit.put("loadSecondsFazhi", Stats.round(fazhiLoad));
		audit.put("loadSecondsRawCamunda", Stats.round(rawLoad));
		List<String> fazhiKeys = sample(this.finishedFazhi, legalityReviewKeys());
		List<String> rawKeys = sample(this.finishedRaw, List.of());
		HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
		String authorization = "Basic "
				+ Base64.getEncoder().encodeToString((AUDITOR + ":demo").getBytes(StandardCharsets.UTF_8));
		AtomicInteger next = new AtomicInteger();
		Map<String, Object> fazhi = latency(() -> {
			String key = fazhiKeys.get(Math.floorMod(next.getAndIncrement(), fazhiKeys.size()));
			HttpRequest request = HttpRequest
				.newBuilder(URI.create("http://127.0.0.1:" + this.port + "/api/audit/cases/"
						+ java.net.URLEncoder.encode(key, StandardCharsets.UTF_8).replace("+", "%20")))
				.header("Authorization", authorization)
				.GET()
				.build();
			try {
				HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
				assertThat(response.statusCode()).as("replay of %s: %s", key, response.body()).isEqualTo(200);
			}
			catch (java.io.IOException ex) {
				throw new java.io.UncheckedIOException(ex);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException(ex);
			}
		});
		AtomicInteger nextRaw = new AtomicInteger();
		Map<String, Object> plain = latency(
				() -> rawHistoryOfCase(rawKeys.get(Math.floorMod(nextRaw.getAndIncrement(), rawKeys.size()))));
		audit.put("fazhiReplayOverHttp", fazhi);
		audit.put("rawCamundaHistoryQueries", plain);
		audit.put("p95RatioToRawCamunda", Stats.ratio(p95(fazhi), p95(plain)));
		audit.put("sampledCases", Map.of("fazhi", fazhiKeys.size(), "rawCamunda", rawKeys.size()));
		audit.put("method", "GET /api/audit/cases/{businessKey} as the auditor 韩雪 over HTTP, cycling through finished "
				+ "major decisions, reconsiderations and legality reviews; raw Camunda: the history queries of one case "
				+ "and its called cases through the Java API (instance, called instances, activities, tasks, "
				+ "variables, details, user operations: the same queries Fazhi's replay makes)");
		this.results.put("audit", audit);
		log("audit: %s", audit);
	}

	private List<String> legalityReviewKeys() {
		return this.historyService.createHistoricProcessInstanceQuery()
			.processDefinitionKey("legality-review")
			.rootProcessInstances()
			.finished()
			.listPage(0, this.size.queries())
			.stream()
			.map(HistoricProcessInstance::getBusinessKey)
			.toList();
	}

	/** Up to a third of the sample from each procedure. */
	private List<String> sample(Map<String, List<String>> finished, List<String> more) {
		Map<String, List<String>> pools = new LinkedHashMap<>(finished);
		if (!more.isEmpty()) {
			pools.put("legality-review", more);
		}
		List<String> keys = new ArrayList<>();
		int each = Math.max(1, this.size.queries() / pools.size());
		pools.values().forEach((pool) -> keys.addAll(pool.subList(0, Math.min(each, pool.size()))));
		Collections.shuffle(keys, new java.util.Random(8));
		return keys;
	}

	private void finishReview(String instance) {
		step(instance, "sunli", Map.of("materialsComplete", "COMPLETE"));
		step(instance, "wujun", Map.of("reviewer", "zhouqiang"));
		step(instance, "zhouqiang", Map.of("reviewAction", "CONCLUDE", "legalityConclusion", "LAWFUL",
				"legalityReasons", "未超越法定职权，已履行法定程序。", "legalBasis", "《重大行政决策程序暂行条例》第27条"));
		step(instance, "wujun", Map.of("signOffDecision", "APPROVE"));
	}

	private void step(String instance, String user, Map<String, Object> form) {
		Task task = this.taskService.createTaskQuery().processInstanceId(instance).singleResult();
		this.acting.as(user, () -> this.reviews.submit(task.getId(), form));
	}

	/** What reading one case's history costs raw Camunda: the queries a replay needs. */
	private void rawHistoryOfCase(String businessKey) {
		HistoryService history = this.raw.history();
		HistoricProcessInstance root = history.createHistoricProcessInstanceQuery()
			.processInstanceBusinessKey(businessKey)
			.rootProcessInstances()
			.singleResult();
		List<String> instances = new ArrayList<>(List.of(root.getId()));
		history.createHistoricProcessInstanceQuery()
			.superProcessInstanceId(root.getId())
			.list()
			.forEach((sub) -> instances.add(sub.getId()));
		for (String instance : instances) {
			history.createHistoricActivityInstanceQuery()
				.processInstanceId(instance)
				.orderByHistoricActivityInstanceStartTime()
				.asc()
				.list();
			history.createHistoricTaskInstanceQuery().processInstanceId(instance).list();
			history.createHistoricVariableInstanceQuery().processInstanceId(instance).list();
			history.createHistoricDetailQuery().processInstanceId(instance).list();
			history.createUserOperationLogQuery().processInstanceId(instance).list();
		}
	}

	// ---- 6: start-up and memory

	@Test
	@Order(5)
	void startupAndMemory() throws Exception {
		if (Databases.POSTGRES || this.size.starts() == 0) {
			return; // the packaged jar starts on H2: measured once, in the H2 run
		}
		Path jar = StartupMemory.packagedJar(Path.of("."));
		Map<String, Object> startup = new LinkedHashMap<>();
		Map<String, Object> rss = new LinkedHashMap<>();
		for (Map.Entry<String, List<String>> setting : Map
			.of("defaultJvm", List.<String>of(), "xmx512m", List.of("-Xmx512m"))
			.entrySet()
			.stream()
			.sorted(Map.Entry.comparingByKey())
			.toList()) {
			List<StartupMemory.Start> starts = StartupMemory.measure(jar, setting.getValue(), this.size.starts(),
					Path.of("target", "bench", "startup").toAbsolutePath());
			Map<String, Object> time = new LinkedHashMap<>();
			time.put("secondsToHealthy",
					Stats.summary(starts.stream().map(StartupMemory.Start::secondsToReady).toList()));
			time.put("secondsReportedBySpring",
					Stats.summary(starts.stream().map(StartupMemory.Start::secondsReportedBySpring).toList()));
			startup.put(setting.getKey(), time);
			Map<String, Object> memory = new LinkedHashMap<>();
			memory.put("megabytesAtReady",
					Stats.summary(starts.stream().map((start) -> start.rssKbAtReady() / 1024.0).toList()));
			memory.put("megabytesAfterLoad",
					Stats.summary(starts.stream().map((start) -> start.rssKbAfterLoad() / 1024.0).toList()));
			rss.put(setting.getKey(), memory);
		}
		startup.put("method", "java -jar on a new H2 file database (schema creation and demo directory included), "
				+ "wall time until /actuator/health answers 200");
		rss.put("method", "VmRSS of the JVM when healthy, and after 100 authenticated requests");
		this.results.put("startup", startup);
		this.results.put("rss", rss);
		log("startup %s, rss %s", startup, rss);
	}

	// ---- helpers

	/**
	 * Runs {@code count} units of work on {@code threads} threads (each takes the next
	 * index), failing on the first error.
	 * @return the sum of what the units return
	 */
	static int inParallel(int threads, int count, IntUnaryOperator work) throws Exception {
		if (count <= 0) {
			return 0;
		}
		AtomicInteger next = new AtomicInteger();
		AtomicInteger sum = new AtomicInteger();
		ExecutorService pool = Executors.newFixedThreadPool(threads);
		try {
			List<Future<?>> workers = new ArrayList<>();
			for (int thread = 0; thread < threads; thread++) {
				workers.add(pool.submit(() -> {
					for (int index = next.getAndIncrement(); index < count; index = next.getAndIncrement()) {
						sum.addAndGet(work.applyAsInt(index));
						if (count >= 5000 && (index + 1) % (count / 10) == 0) {
							log("  … %d of %d", index + 1, count);
						}
					}
					return null;
				}));
			}
			for (Future<?> worker : workers) {
				worker.get();
			}
		}
		finally {
			pool.shutdownNow();
		}
		return sum.get();
	}

	interface Condition {

		boolean holds() throws Exception;

	}

	static void waitFor(Condition condition, String what) throws Exception {
		long deadline = System.nanoTime() + Duration.ofMinutes(30).toNanos();
		while (!condition.holds()) {
			if (System.nanoTime() > deadline) {
				throw new IllegalStateException("gave up waiting: " + what);
			}
			Thread.sleep(50);
		}
	}

	/** Sets the engine clock to a local time in the government's zone. */
	static void setClock(String localTime) {
		ClockUtil.setCurrentTime(Date.from(OffsetDateTime.parse(localTime + "+08:00").toInstant()));
	}

	static void log(String format, Object... arguments) {
		System.out.println("[bench " + LocalDateTime.now().format(DateTimeFormatter.ofPattern("HH:mm:ss")) + "] "
				+ String.format(format, arguments));
	}

}
