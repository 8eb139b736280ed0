package cn.fazhi.notify;

import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import cn.fazhi.legalreview.LegalityReviewProcess;
import cn.fazhi.normative.NormativeClocks;
import cn.fazhi.normative.NormativeDocumentModel;
import cn.fazhi.normative.NormativeDocumentProcess;
import cn.fazhi.support.ActingUser;
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
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import static cn.fazhi.notify.NotifyFixture.at;
import static cn.fazhi.notify.NotifyFixture.endOfDay;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The filing deadline of a normative document (公布之日起30日内报送备案) in the reminder scan: both
 * filing tasks are reminded two working days before, on the day, and escalated (督办) once
 * overdue — the reminders the tasks' due dates give every procedure (ADR 0011, 0014).
 */
@MailSpringTest
@DisplayName("备案期限提醒：行政规范性文件")
class NormativeFilingRemindersTest {

	@Autowired
	DeadlineReminders reminders;

	@Autowired
	OutboxStore outbox;

	@Autowired
	NormativeDocumentProcess process;

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

	NotifyFixture fixture;

	@BeforeEach
	void setUp() {
		this.fixture = new NotifyFixture(this.review, this.runtimeService, this.taskService, this.identityService,
				this.jdbc);
		this.fixture.clean();
	}

	@AfterEach
	void cleanUp() {
		this.fixture.clean();
	}

	@Test
	@DisplayName("公布于3月2日：两条备案途径的任务于4月1日到期，3月30日提醒，当日提醒，4月2日超期督办")
	void shouldRemindAndEscalateBothFilingTracks() {
		// given: a government document published on Monday 2 March 2026
		at("2026-03-02T09:00:00");
		ProcessInstance instance = published();
		List<Task> filings = this.taskService.createTaskQuery()
			.processInstanceId(instance.getId())
			.list()
			.stream()
			.sorted(Comparator.comparing(Task::getTaskDefinitionKey))
			.toList();
		assertThat(filings).extracting(Task::getTaskDefinitionKey)
			.containsExactly("userTask_fileWithCongress", "userTask_fileWithGovernment");
		assertThat(filings).extracting(Task::getDueDate).containsOnly(endOfDay("2026-04-01"));

		// when / then: three working days before, nothing; two working days before, both
		at("2026-03-27T09:00:00");
		assertThat(this.reminders.scan()).isZero();
		at("2026-03-30T09:00:00");
		assertThat(this.reminders.scan()).isEqualTo(2);
		Task government = filings.get(1);
		OutboxMail before = this.outbox.find("reminder:" + government.getId() + ":BEFORE");
		assertThat(before.subject()).isEqualTo("【办理提醒】报送政府备案将于2026年4月1日到期（" + instance.getBusinessKey() + "）");
		assertThat(before.body()).contains("办理期限：2026年4月1日", "还有2个工作日");
		assertThat(before.recipients()).contains("chenjing@demo-city.fazhi.example");
		// on the day, and overdue the next morning
		at("2026-04-01T08:30:00");
		assertThat(this.reminders.scan()).isEqualTo(2);
		at("2026-04-02T00:15:00");
		assertThat(this.reminders.scan()).isEqualTo(2);
		assertThat(this.fixture.stages(government.getId())).containsExactly("BEFORE", "DUE_TODAY", "OVERDUE");
	}

	/** Approved, then registered and published as 陈静 of the government office. */
	private ProcessInstance published() {
		Map<String, Object> variables = new HashMap<>();
		variables.put("documentTitle", "示范市城市照明管理办法");
		variables.put("issuerType", "GOVERNMENT");
		variables.put("issuer", "demo-city");
		variables.put("issuerName", "示范市人民政府");
		variables.put("draftingOffice", "dept-hcd");
		variables.put("validityClock", NormativeClocks.VALIDITY);
		variables.put("documentRouting",
				new HashMap<>(Map.of("deliberationGroup", "gov-office", "registrarGroup", "gov-office",
						"governmentFilingGroup", "province-filing", "congressFilingRequired", true,
						"congressFilingGroup", "congress-filing")));
		ProcessInstance instance = this.runtimeService.createProcessInstanceByKey(NormativeDocumentModel.PROCESS_KEY)
			.businessKey("ND-2026-9901")
			.setVariables(variables)
			.startBeforeActivity(NormativeDocumentModel.Elements.REGISTER)
			.execute();
		ActingUser acting = new ActingUser(this.identityService);
		acting.as("chenjing", () -> this.process.submit(this.fixture.task(instance).getId(),
				Map.of("signedBy", "赵磊", "signedOn", "2026-03-02", "documentText", "正式文本")));
		acting.as("chenjing",
				() -> this.process.submit(this.fixture.task(instance).getId(), Map.of("publicationChannels",
						List.of("GAZETTE"), "publishedOn", "2026-03-02", "effectiveDate", "2026-04-01")));
		return instance;
	}

}
