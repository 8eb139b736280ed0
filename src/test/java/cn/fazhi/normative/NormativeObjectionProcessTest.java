package cn.fazhi.normative;

import java.time.OffsetDateTime;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;

import cn.fazhi.clock.LegalClock;
import cn.fazhi.clock.LegalClocks;
import cn.fazhi.legalreview.LegalityReviewProcess;
import cn.fazhi.normative.objection.NormativeObjectionProcess;
import cn.fazhi.normative.register.DocumentStatus;
import cn.fazhi.normative.register.NormativeDocument;
import cn.fazhi.normative.register.NormativeRegister;
import cn.fazhi.support.ActingUser;

import org.assertj.core.api.Assertions;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;

import static cn.fazhi.normative.objection.NormativeObjectionModel.Elements.ANSWERED;
import static cn.fazhi.normative.objection.NormativeObjectionModel.Elements.APPLY_OUTCOME;
import static cn.fazhi.normative.objection.NormativeObjectionModel.Elements.ENACTOR_RESPONSE;
import static cn.fazhi.normative.objection.NormativeObjectionModel.Elements.REPLY;
import static cn.fazhi.normative.objection.NormativeObjectionModel.Elements.REVIEW;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;

/**
 * Review requests against normative documents (异议审查): 孙丽 (司法局) receives and reviews them,
 * the office that drafted the document answers for it, the applicant gets a reply; a
 * request can lead to the document's revision or repeal. The engine clock stands on
 * Monday 2 March 2026.
 */
@SpringBootTest
@ActiveProfiles("test")
@Import(SatelliteCoverageConfiguration.class)
@DisplayName("行政规范性文件异议审查 normative-document-objection")
class NormativeObjectionProcessTest {

	static final String REVIEWER = "sunli";

	@Autowired
	ProcessEngine engine;

	@Autowired
	NormativeObjectionProcess objection;

	@Autowired
	NormativeDocumentProcess process;

	@Autowired
	LegalityReviewProcess review;

	@Autowired
	NormativeRegister register;

	@Autowired
	LegalClocks clocks;

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

	ActingUser acting;

	NormativeDocumentDriver documents;

	@BeforeEach
	void setUp() {
		init(this.engine);
		ClockUtil.setCurrentTime(Date.from(OffsetDateTime.parse("2026-03-02T09:00:00+08:00").toInstant()));
		this.acting = new ActingUser(this.identityService);
		this.documents = new NormativeDocumentDriver(this.process, this.review, this.runtimeService, this.taskService,
				this.managementService, this.acting);
	}

	@AfterEach
	void resetClock() {
		ClockUtil.reset();
	}

	@Test
	@DisplayName("公民提出审查申请 → 审查发现问题 → 制定机关决定修改 → 修订案件启动、文件修订中 → 答复申请人")
	void shouldLeadAnObjectionToTheDocumentsRevision() {
		// given: a document in force
		NormativeDocument document = document(this.documents.inForce("示范市征收土地补偿安置办法（异议" + System.nanoTime() + "）"));
		// when: a citizen's request is received and registered
		ProcessInstance instance = start(document.documentNumber(), "DIRECT");
		Assertions.assertThat(instance.getBusinessKey()).matches("NDO-2026-\\d{4}");
		assertThat(instance).isWaitingAt(REVIEW).task().hasCandidateGroup("justice-bureau");
		assertThat(instance).variables()
			.containsEntry("documentTitle", document.title())
			.containsEntry("enactingOffice", "dept-nrp")
			.containsEntry("objectionDueText", "2026年3月31日");
		// and: the review finds a problem; the drafting office decides to revise
		complete(instance, REVIEW, REVIEWER, Map.of("reviewFinding", "PROBLEM", "reviewOpinion", "第十二条补偿标准低于省定标准。"));
		assertThat(instance).isWaitingAt(ENACTOR_RESPONSE).task().hasCandidateGroup("dept-nrp");
		Assertions
			.assertThat(
					this.taskService.createTaskQuery().processInstanceId(instance.getId()).singleResult().getDueDate())
			.isEqualTo(Date.from(OffsetDateTime.parse("2026-03-16T23:59:59+08:00").toInstant()));
		complete(instance, ENACTOR_RESPONSE, "zhangwei",
				Map.of("enactorAction", "REVISE", "enactorResponse", "按省定标准修改第十二条。"));
		// then: the document is under revision in a new case of the drafting office
		assertThat(instance).hasPassed(APPLY_OUTCOME).isWaitingAt(REPLY);
		Assertions.assertThat(this.register.find(document.id()).orElseThrow().status())
			.isEqualTo(DocumentStatus.UNDER_REVISION);
		String revision = (String) this.runtimeService.getVariable(instance.getId(), "revisionCaseNumber");
		assertThat(this.runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(revision).singleResult())
			.isWaitingAt(NormativeDocumentModel.Elements.DRAFT)
			.task()
			.hasCandidateGroup("dept-nrp");
		// when: the applicant is answered
		complete(instance, REPLY, REVIEWER, Map.of("replyText", "经审查，制定机关已启动修改。", "repliedOn", "2026-03-02"));
		// then
		assertThat(instance).isEnded().hasPassed(ANSWERED);
		Assertions.assertThat(clock(instance, "ND_OBJECTION_REVIEW").status()).isEqualTo(LegalClock.MET);
		Assertions.assertThat(clock(instance, "ND_ENACTOR_RESPONSE").status()).isEqualTo(LegalClock.MET);
	}

	@Test
	@DisplayName("行政复议附带审查 → 存在问题 → 制定机关废止 → 文件废止、其案件终止")
	void shouldRepealADocumentOnAReconsiderationOrgansRequest() {
		// given
		ProcessInstance documentCase = this.documents.inForce("示范市闲置土地处置办法（异议" + System.nanoTime() + "）");
		NormativeDocument document = document(documentCase);
		var form = startForm(document.registrationNumber(), "RECONSIDERATION");
		form.put("reconsiderationCaseNumber", "示政复〔2026〕15号");
		ProcessInstance instance = this.acting.as(REVIEWER, () -> this.objection.start(form));
		// when
		complete(instance, REVIEW, REVIEWER, Map.of("reviewFinding", "PROBLEM", "reviewOpinion", "设定了上位法没有的收费。"));
		complete(instance, ENACTOR_RESPONSE, "zhangwei", Map.of("enactorAction", "REPEAL", "enactorResponse", "予以废止。"));
		// then
		NormativeDocument repealed = this.register.find(document.id()).orElseThrow();
		Assertions.assertThat(repealed.status()).isEqualTo(DocumentStatus.REPEALED);
		Assertions.assertThat(repealed.statusReason()).startsWith("经审查申请（" + instance.getBusinessKey() + "）：予以废止。");
		assertThat(documentCase).isEnded();
		assertThat(instance).variables().containsEntry("objectionSourceName", "行政复议附带审查");
	}

	@Test
	@DisplayName("未发现问题、不予受理、制定机关说明理由维持：答复申请人，文件继续有效")
	void shouldAnswerWithoutChangingTheDocument() {
		// given
		NormativeDocument document = document(this.documents.inForce("示范市土地征收成片开发方案编制办法（异议" + System.nanoTime() + "）"));
		for (String finding : new String[] { "LAWFUL", "NOT_ACCEPTED", "PROBLEM" }) {
			ProcessInstance instance = start(document.documentNumber(), "DIRECT");
			// when
			complete(instance, REVIEW, REVIEWER, Map.of("reviewFinding", finding, "reviewOpinion", "审查意见……"));
			if ("PROBLEM".equals(finding)) {
				complete(instance, ENACTOR_RESPONSE, "zhangwei",
						Map.of("enactorAction", "MAINTAIN", "enactorResponse", "该条款系执行上位法规定，理由如下……"));
			}
			complete(instance, REPLY, REVIEWER, Map.of("replyText", "答复……", "repliedOn", "2026-03-02"));
			// then
			assertThat(instance).isEnded().hasNotPassed(APPLY_OUTCOME);
		}
		Assertions.assertThat(this.register.find(document.id()).orElseThrow().status()).isEqualTo(DocumentStatus.VALID);
	}

	@Test
	@DisplayName("错误的输入：文件不存在、已废止、收到日期在将来、缺必填项——拒绝，不留下数据")
	void shouldRefuseBadRequestsWithoutLeavingAnything() {
		ProcessInstance documentCase = this.documents.inForce("示范市建设用地审查报批办法（异议" + System.nanoTime() + "）");
		NormativeDocument document = document(documentCase);
		long before = this.historyService.createHistoricProcessInstanceQuery().count();
		assertThatThrownBy(() -> start("示政规〔1999〕99号", "DIRECT")).isInstanceOf(FormFieldValidationException.class)
			.hasMessageContaining("规范性文件目录中没有文号或者登记号为“示政规〔1999〕99号”的文件");
		var future = startForm(document.documentNumber(), "DIRECT");
		future.put("receivedOn", "2026-03-05");
		assertThatThrownBy(() -> this.acting.as(REVIEWER, () -> this.objection.start(future)))
			.isInstanceOf(FormFieldValidationException.class)
			.hasMessageContaining("收到日期不得晚于今天");
		var missing = startForm(document.documentNumber(), "RECONSIDERATION");
		assertThatThrownBy(() -> this.acting.as(REVIEWER, () -> this.objection.start(missing)))
			.isInstanceOf(FormFieldValidationException.class)
			.hasMessageContaining("「行政复议案号」为必填项");
		this.register.repeal(document.id(), "已废止", java.time.LocalDate.of(2026, 3, 2));
		assertThatThrownBy(() -> start(document.documentNumber(), "DIRECT"))
			.isInstanceOf(FormFieldValidationException.class)
			.hasMessageContaining("已废止（已废止），不再作为行政管理依据");
		Assertions.assertThat(this.historyService.createHistoricProcessInstanceQuery().count()).isEqualTo(before);
	}

	private ProcessInstance start(String number, String source) {
		return this.acting.as(REVIEWER, () -> this.objection.start(startForm(number, source)));
	}

	private static Map<String, Object> startForm(String number, String source) {
		Map<String, Object> form = new HashMap<>();
		form.put("applicantName", "李明");
		form.put("applicantType", "CITIZEN");
		form.put("applicantContact", "13800000000");
		form.put("objectionSource", source);
		form.put("documentNumber", number);
		form.put("objectionContent", "该文件第十二条规定的补偿标准低于上位法规定，请求审查。");
		form.put("receivedOn", "2026-03-01");
		return form;
	}

	private void complete(ProcessInstance instance, String taskKey, String user, Map<String, Object> form) {
		Task task = this.taskService.createTaskQuery()
			.processInstanceId(instance.getId())
			.taskDefinitionKey(taskKey)
			.singleResult();
		this.acting.as(user, () -> this.objection.submit(task.getId(), form));
	}

	private NormativeDocument document(ProcessInstance instance) {
		long id = ((Number) this.runtimeService.getVariable(instance.getId(), "documentId")).longValue();
		return this.register.find(id).orElseThrow();
	}

	private LegalClock clock(ProcessInstance instance, String code) {
		return this.clocks.ofCase(instance.getId())
			.stream()
			.filter((clock) -> code.equals(clock.code()))
			.findFirst()
			.orElseThrow();
	}

}
