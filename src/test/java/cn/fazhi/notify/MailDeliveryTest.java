package cn.fazhi.notify;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

import cn.fazhi.legalreview.LegalityReviewProcess;
import cn.fazhi.support.MailSpringTest;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static cn.fazhi.notify.NotifyFixture.at;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Mail really sent, to a GreenMail SMTP server: after the step's commit, with the right
 * Chinese subject and body; during an outage the step still commits and the mail waits in
 * the outbox, retried, until the server is back; then it arrives exactly once.
 */
@MailSpringTest
@DisplayName("邮件发送：提交后异步发送、服务器故障后重试、不重复")
class MailDeliveryTest {

	@RegisterExtension
	static GreenMailExtension greenMail = new GreenMailExtension(ServerSetupTest.SMTP)
		.withConfiguration(GreenMailConfiguration.aConfig().withDisabledAuthentication());

	@Autowired
	DeadlineReminders reminders;

	@Autowired
	MailOutbox mailOutbox;

	@Autowired
	MailDispatcher dispatcher;

	@Autowired
	OutboxStore outbox;

	@Autowired
	LegalityReviewProcess review;

	@Autowired
	RuntimeService runtimeService;

	@Autowired
	TaskService taskService;

	@Autowired
	IdentityService identityService;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	PlatformTransactionManager transactionManager;

	@Autowired
	MockMvc mvc;

	NotifyFixture fixture;

	@BeforeEach
	void setUp() {
		this.fixture = new NotifyFixture(this.review, this.runtimeService, this.taskService, this.identityService,
				this.jdbc);
		this.fixture.clean();
	}

	@AfterEach
	void resetClock() {
		ClockUtil.reset();
	}

	@Test
	@DisplayName("超期督办邮件在提交后送达承办人员和两级负责人，含案号、环节、期限和任务链接")
	void shouldMailTheEscalationAfterCommit() throws Exception {
		// given: an intake due Tuesday 30 September 2025, found overdue on 1 October
		at("2025-09-26T10:00:00");
		ProcessInstance instance = this.fixture.submitReview("LR-2025-601", "示范市国有土地上房屋征收补偿办法");
		Task intake = this.fixture.task(instance);
		at("2025-10-01T00:30:00");

		// when
		this.reminders.scan();

		// then: one copy for each of the justice bureau's four people and 赵磊
		awaitMails(5);
		MimeMessage[] received = greenMail.getReceivedMessages();
		assertThat(received).hasSize(5);
		MimeMessage mail = received[0];
		assertThat(mail.getSubject()).isEqualTo("【督办】材料接收与初审已超期（LR-2025-601）");
		assertThat(Arrays.stream(mail.getRecipients(Message.RecipientType.TO)).map(Object::toString))
			.containsExactlyInAnyOrder("sunli@demo-city.fazhi.example", "wujun@demo-city.fazhi.example",
					"xumin@demo-city.fazhi.example", "zhouqiang@demo-city.fazhi.example",
					"zhaolei@demo-city.fazhi.example");
		assertThat(mail.getFrom()[0].toString()).isEqualTo("fazhi@localhost");
		assertThat(text(mail)).contains("案　　号：LR-2025-601", "办理环节：材料接收与初审", "办理期限：2025年9月30日", "程　　序：合法性审查",
				"承　　办：示范市司法局（待认领）", "督　　办：示范市司法局负责人（吴军）、示范市人民政府办公室负责人（赵磊）",
				"http://localhost:8080/camunda/app/tasklist/default/#/?task=" + intake.getId());
		awaitStatus("reminder:" + intake.getId() + ":OVERDUE", OutboxMail.SENT);
	}

	@Test
	@DisplayName("邮件服务器故障：办理步骤照常提交，邮件留在队列中重试，恢复后只送达一次")
	void shouldKeepTheMailThroughAnOutageAndSendItOnce() throws Exception {
		// given: the mail server is down
		greenMail.stop();
		at("2025-09-26T10:00:00");
		ProcessInstance instance = this.fixture.submitReview("LR-2025-602", "示范市养犬管理规定");
		Task intake = this.fixture.task(instance);
		at("2025-10-01T00:30:00");
		String key = "reminder:" + intake.getId() + ":OVERDUE";

		// when: the scan marks the case overdue and queues the escalation
		assertThat(this.reminders.scan()).isEqualTo(1);

		// then: the step is committed although no mail could go out
		assertThat(this.runtimeService.getVariable(instance.getId(), OverdueCase.OVERDUE)).isEqualTo(true);
		assertThat(this.taskService.getTaskComments(intake.getId())).hasSize(1);
		OutboxMail waiting = awaitAttempts(key, 1);
		assertThat(waiting.status()).isEqualTo(OutboxMail.PENDING);
		assertThat(waiting.lastError()).contains("Connection refused");
		assertThat(waiting.nextAttemptAt()).isAfter(Instant.now().plusSeconds(50));

		// when: a retry while it is still down, then the server is back
		assertThat(this.dispatcher.dispatch(Instant.now().plus(Duration.ofMinutes(2)))).isZero();
		assertThat(this.outbox.find(key).attempts()).isEqualTo(2);
		greenMail.start();
		int sent = this.dispatcher.dispatch(Instant.now().plus(Duration.ofMinutes(10)));

		// then: delivered, once, whatever runs again
		assertThat(sent).isEqualTo(1);
		awaitMails(5);
		assertThat(this.outbox.find(key).status()).isEqualTo(OutboxMail.SENT);
		assertThat(this.outbox.find(key).attempts()).isEqualTo(3);
		this.dispatcher.dispatch(Instant.now().plus(Duration.ofDays(1)));
		at("2025-10-02T00:30:00");
		assertThat(this.reminders.scan()).isZero();
		Thread.sleep(500);
		assertThat(subjects()).hasSize(5).containsOnly("【督办】材料接收与初审已超期（LR-2025-602）");
	}

	@Test
	@DisplayName("同一通知只入队一次；事务回滚则不发送")
	void shouldQueueANoticeOnceAndNothingOnRollback() throws Exception {
		// when
		boolean first = this.mailOutbox.enqueue("test:once", List.of("sunli@demo-city.fazhi.example"), "【测试】一次", "正文");
		boolean second = this.mailOutbox.enqueue("test:once", List.of("sunli@demo-city.fazhi.example"), "【测试】一次", "正文");
		new TransactionTemplate(this.transactionManager).executeWithoutResult((status) -> {
			this.mailOutbox.enqueue("test:rolled-back", List.of("sunli@demo-city.fazhi.example"), "【测试】回滚", "正文");
			status.setRollbackOnly();
		});

		// then
		assertThat(first).isTrue();
		assertThat(second).isFalse();
		awaitMails(1);
		Thread.sleep(500);
		assertThat(subjects()).containsExactly("【测试】一次");
		assertThat(this.outbox.find("test:rolled-back")).isNull();
	}

	@Test
	@DisplayName("重试次数用尽后标记为发送失败，只有系统管理员可以查询")
	void shouldGiveUpAfterTheLastAttemptAndShowItToAdministrators() throws Exception {
		// given: the server stays down
		greenMail.stop();
		this.mailOutbox.enqueue("test:failed", List.of("nobody@demo-city.fazhi.example"), "【测试】无法送达", "正文");
		awaitAttempts("test:failed", 1);

		// when: every later attempt fails too (1 min, 5 min, 15 min, 1 h, then every 4 h)
		Instant later = Instant.now();
		for (int attempt = 2; attempt <= 10; attempt++) {
			later = later.plus(Duration.ofHours(5));
			this.dispatcher.dispatch(later);
		}

		// then
		OutboxMail failed = this.outbox.find("test:failed");
		assertThat(failed.status()).isEqualTo(OutboxMail.FAILED);
		assertThat(failed.attempts()).isEqualTo(10);
		assertThat(this.dispatcher.dispatch(later.plus(Duration.ofDays(30)))).isZero();
		assertThat(this.outbox.find("test:failed").attempts()).isEqualTo(10);
		this.mvc.perform(get("/api/admin/mail-outbox").param("status", "FAILED").with(httpBasic("demo", "demo")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.length()").value(1))
			.andExpect(jsonPath("$[0].dedupKey").value("test:failed"))
			.andExpect(jsonPath("$[0].subject").value("【测试】无法送达"))
			.andExpect(jsonPath("$[0].attempts").value(10))
			.andExpect(jsonPath("$[0].lastError").value(org.hamcrest.Matchers.containsString("Connection refused")))
			.andExpect(jsonPath("$[0].body").doesNotExist());
		this.mvc.perform(get("/api/admin/mail-outbox").param("status", "FAILED").with(httpBasic("wujun", "demo")))
			.andExpect(status().isForbidden())
			.andExpect(jsonPath("$.message").value("只有系统管理员可以查看邮件发送队列"));
		this.mvc.perform(get("/api/admin/mail-outbox").param("status", "LOST").with(httpBasic("demo", "demo")))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.parameter").value("status"));
	}

	private List<String> subjects() throws MessagingException {
		List<String> subjects = new java.util.ArrayList<>();
		for (MimeMessage message : greenMail.getReceivedMessages()) {
			subjects.add(message.getSubject());
		}
		return subjects;
	}

	/**
	 * GreenMail's own waitForIncomingEmail counts only mails arriving after the call; the
	 * mail thread may have been quicker.
	 */
	private static void awaitMails(int count) throws InterruptedException {
		for (int i = 0; i < 100 && greenMail.getReceivedMessages().length < count; i++) {
			Thread.sleep(100);
		}
		assertThat(greenMail.getReceivedMessages()).as("mails received").hasSizeGreaterThanOrEqualTo(count);
	}

	private static String text(MimeMessage message) throws Exception {
		return (String) message.getContent();
	}

	/** The after-commit attempt runs on the mail thread: wait for it. */
	private OutboxMail awaitAttempts(String key, int attempts) throws InterruptedException {
		for (int i = 0; i < 100; i++) {
			OutboxMail mail = this.outbox.find(key);
			if (mail != null && mail.attempts() >= attempts && !OutboxMail.SENDING.equals(mail.status())) {
				return mail;
			}
			Thread.sleep(100);
		}
		throw new AssertionError("no attempt " + attempts + " of " + key + ": " + this.outbox.find(key));
	}

	private void awaitStatus(String key, String status) throws InterruptedException {
		for (int i = 0; i < 100 && !status.equals(this.outbox.find(key).status()); i++) {
			Thread.sleep(100);
		}
		assertThat(this.outbox.find(key).status()).isEqualTo(status);
	}

}
