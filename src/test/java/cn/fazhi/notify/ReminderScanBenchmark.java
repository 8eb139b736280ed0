package cn.fazhi.notify;

import java.time.Instant;
import java.util.Date;
import java.util.Map;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;

import cn.fazhi.legalreview.LegalityReviewProcess;
import cn.fazhi.support.MailSpringTest;
import cn.fazhi.support.TestDatabases;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static cn.fazhi.notify.NotifyFixture.at;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A benchmark, not a test (the build does not run it): how long the reminder scan takes
 * when many deadlines fall due at once, e.g. the first working day after a long holiday,
 * and how long the mails then take to go out. Each task is routed to the justice bureau
 * (4 people) and escalated to two heads, so each overdue task means 1 reminder row, 1
 * mail to 5 people, 2 case variables and 1 comment.
 *
 * <pre>
 * ./mvnw -o test -Dtest=ReminderScanBenchmark [-Dbenchmark.tasks=5000] [-Dfazhi.test.database=postgres]
 * </pre>
 */
@MailSpringTest
class ReminderScanBenchmark {

	@RegisterExtension
	static GreenMailExtension greenMail = new GreenMailExtension(ServerSetupTest.SMTP)
		.withConfiguration(GreenMailConfiguration.aConfig().withDisabledAuthentication());

	static final int TASKS = Integer.getInteger("benchmark.tasks", 5000);

	@Autowired
	DeadlineReminders reminders;

	@Autowired
	DailyDigest digest;

	@Autowired
	MailDispatcher dispatcher;

	@Autowired
	RepositoryService repositoryService;

	@Autowired
	RuntimeService runtimeService;

	@Autowired
	TaskService taskService;

	@Autowired
	IdentityService identityService;

	@Autowired
	LegalityReviewProcess review;

	@Autowired
	JdbcTemplate jdbc;

	Deployment deployment;

	@DynamicPropertySource
	static void database(DynamicPropertyRegistry registry) {
		TestDatabases.register(registry);
	}

	@AfterEach
	void cleanUp() {
		ClockUtil.reset();
		if (this.deployment != null) {
			this.repositoryService.deleteDeployment(this.deployment.getId(), true, true);
		}
	}

	@Test
	void scanManyDueDeadlines() throws Exception {
		// given: TASKS cases whose one task was due on the last day before the holiday
		new NotifyFixture(this.review, this.runtimeService, this.taskService, this.identityService, this.jdbc).clean();
		BpmnModelInstance model = Bpmn.createExecutableProcess("benchmark-deadline")
			.name("期限基准测试")
			.camundaHistoryTimeToLive(1)
			.startEvent()
			.userTask("userTask_work")
			.name("办理")
			.camundaCandidateGroups("justice-bureau")
			.camundaDueDate("${due}")
			.endEvent()
			.done();
		this.deployment = this.repositoryService.createDeployment()
			.addModelInstance("benchmark-deadline.bpmn", model)
			.deploy();
		at("2025-09-30T10:00:00");
		Date due = NotifyFixture.endOfDay("2025-09-30");
		long start = System.nanoTime();
		for (int i = 0; i < TASKS; i++) {
			this.runtimeService.startProcessInstanceByKey("benchmark-deadline", "BM-" + i,
					Map.of("due", due, "matterTitle", "基准测试事项" + i));
		}
		report("start " + TASKS + " cases", start);

		// when: the first scan after the holiday finds them all overdue
		at("2025-10-09T09:00:00");
		start = System.nanoTime();
		int reminded = this.reminders.scan();
		report("scan: " + reminded + " overdue tasks reminded and escalated", start);
		assertThat(reminded).isEqualTo(TASKS);
		start = System.nanoTime();
		assertThat(this.reminders.scan()).isZero();
		report("scan again: nothing left to do", start);

		// then: the mails go out (the mail thread started after the first commit)
		start = System.nanoTime();
		while (count("status <> 'SENT'") > 0) {
			this.dispatcher.dispatch(Instant.now());
			Thread.sleep(200);
		}
		report("all " + count("status = 'SENT'") + " mails sent after the scan ("
				+ greenMail.getReceivedMessages().length + " copies)", start);
		start = System.nanoTime();
		int digests = this.digest.send();
		report("daily digest over " + TASKS + " overdue tasks: " + digests + " mails queued", start);
	}

	private int count(String condition) {
		return this.jdbc.queryForObject("select count(*) from fz_mail_outbox where " + condition, Integer.class);
	}

	private static void report(String what, long startNanos) {
		System.out.printf("BENCHMARK %-75s %8.1f s%n", what, (System.nanoTime() - startNanos) / 1e9);
	}

}
