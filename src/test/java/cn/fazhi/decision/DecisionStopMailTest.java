package cn.fazhi.decision;

import java.time.OffsetDateTime;
import java.util.Date;
import java.util.Map;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.internet.MimeMessage;

import cn.fazhi.decision.catalog.CatalogEntry;
import cn.fazhi.decision.catalog.DecisionCatalog;
import cn.fazhi.decision.catalog.NewCatalogEntry;
import cn.fazhi.legalreview.LegalityReviewProcess;
import cn.fazhi.notify.MailOutbox;
import cn.fazhi.support.ActingUser;
import cn.fazhi.support.MailSpringTest;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import static cn.fazhi.decision.MajorDecisionModel.Elements.ARCHIVE;
import static cn.fazhi.decision.MajorDecisionModel.Elements.HIGH_RISK_DECISION;
import static cn.fazhi.decision.MajorDecisionModel.Elements.NOTIFY_STOP;
import static cn.fazhi.decision.MajorDecisionModel.Elements.RISK_ASSESSMENT;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The stop notice of a major decision (通知决策停止, 第37条) with a real mail server: the step
 * commits whether or not the server is up, and the notice arrives once when it is.
 */
@MailSpringTest
@DisplayName("决策停止通知邮件")
class DecisionStopMailTest {

	@RegisterExtension
	static GreenMailExtension greenMail = new GreenMailExtension(ServerSetupTest.SMTP)
		.withConfiguration(GreenMailConfiguration.aConfig().withDisabledAuthentication());

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
	MailOutbox outbox;

	MajorDecisionDriver driver;

	@BeforeEach
	void setUp() {
		ClockUtil.setCurrentTime(Date.from(OffsetDateTime.parse("2026-03-02T09:00:00+08:00").toInstant()));
		this.driver = new MajorDecisionDriver(this.process, this.review, this.runtimeService, this.taskService,
				this.managementService, new ActingUser(this.identityService));
	}

	@AfterEach
	void resetClock() {
		ClockUtil.reset();
	}

	@Test
	@DisplayName("邮件服务器故障时停止决策的步骤照常完成，恢复后通知只送达一次")
	void shouldStopTheDecisionDuringAnOutageAndNotifyOnceLater() throws Exception {
		// given: a decision whose risk stays high, and no mail server
		ProcessInstance instance = stoppedForRisk("示范市垃圾焚烧发电厂选址（邮件测试）");
		greenMail.stop();
		String key = "decision-stopped:" + instance.getBusinessKey();

		// when: the asynchronous notice step runs
		this.driver.executeJob(instance, NOTIFY_STOP);

		// then: it completed (no failed job, no incident) and the case went on to
		// archiving
		assertThat(this.managementService.createJobQuery().processInstanceId(instance.getId()).count()).isZero();
		assertThat(this.driver.task(instance, ARCHIVE)).isNotNull();
		assertThat(this.runtimeService.getVariable(instance.getId(), "stopNotifiedTo").toString())
			.contains("zhangwei@demo-city.fazhi.example", "chenjing@demo-city.fazhi.example");
		awaitAttempt(key);
		assertThat(status(key)).isEqualTo("PENDING");

		// when: the server is back and the outbox is polled (twice)
		greenMail.start();
		this.jdbc.update("update fz_mail_outbox set next_attempt_at = ? where dedup_key = ?",
				OffsetDateTime.now().minusMinutes(1), key);
		pollOutbox();
		pollOutbox();

		// then: one notice for each person of the lead office and the secretariat
		for (int i = 0; i < 100 && !"SENT".equals(status(key)); i++) {
			Thread.sleep(100);
		}
		assertThat(status(key)).isEqualTo("SENT");
		MimeMessage[] received = greenMail.getReceivedMessages();
		assertThat(received).hasSize(5);
		assertThat(received[0].getSubject())
			.isEqualTo("【重大行政决策】示范市垃圾焚烧发电厂选址（邮件测试）：风险不可控，停止决策（" + instance.getBusinessKey() + "）");
		assertThat((String) received[0].getContent()).contains("案号：" + instance.getBusinessKey(), "决定人：赵磊",
				"理由：群众反对强烈，风险不可控");
	}

	private ProcessInstance stoppedForRisk(String title) {
		CatalogEntry entry = this.catalog.create(
				new NewCatalogEntry(2026, title, "PUBLIC_POLICY", "dept-nrp", false, false, true, "2026年第四季度"),
				MajorDecisionDriver.SECRETARIAT);
		ProcessInstance instance = this.driver.start(MajorDecisionDriver.catalogStart(entry.id()));
		this.driver.initiate(instance);
		this.driver.draft(instance);
		this.driver.complete(instance, RISK_ASSESSMENT, MajorDecisionDriver.LEAD,
				Map.of("riskLevel", "HIGH", "riskPoints", "群众反对强烈", "riskMeasures", "……", "responsePlan", "……"));
		this.driver.complete(instance, HIGH_RISK_DECISION, MajorDecisionDriver.HEAD,
				Map.of("highRiskAction", "STOP", "highRiskReason", "群众反对强烈，风险不可控"));
		return instance;
	}

	/** What the scheduled poll does. */
	private void pollOutbox() {
		this.outbox.sendDue();
	}

	private String status(String key) {
		return this.jdbc.queryForObject("select status from fz_mail_outbox where dedup_key = ?", String.class, key);
	}

	/** The attempt right after the commit runs on the mail thread: wait for it. */
	private void awaitAttempt(String key) throws InterruptedException {
		for (int i = 0; i < 100; i++) {
			if (!this.jdbc.queryForList(
					"select id from fz_mail_outbox where dedup_key = ? and attempts > 0 and status <> 'SENDING'", key)
				.isEmpty()) {
				return;
			}
			Thread.sleep(100);
		}
		throw new AssertionError("the mail " + key + " was never tried");
	}

}
