package cn.fazhi.reconsideration;

import java.time.OffsetDateTime;
import java.util.Date;
import java.util.List;
import java.util.Map;

import cn.fazhi.audit.CaseReplay;
import cn.fazhi.audit.compliance.ComplianceCheck;
import cn.fazhi.audit.compliance.ComplianceReport;
import cn.fazhi.support.ActingUser;
import cn.fazhi.support.ProcessCoverageConfiguration;

import org.assertj.core.api.Assertions;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;

import static cn.fazhi.reconsideration.ReconsiderationDriver.HEAD;
import static cn.fazhi.reconsideration.ReconsiderationDriver.ORGAN;
import static cn.fazhi.reconsideration.ReconsiderationDriver.STAFF;
import static cn.fazhi.reconsideration.ReconsiderationModel.Elements.ABANDONED;
import static cn.fazhi.reconsideration.ReconsiderationModel.Elements.ACCEPTANCE_REVIEW;
import static cn.fazhi.reconsideration.ReconsiderationModel.Elements.APPRAISAL;
import static cn.fazhi.reconsideration.ReconsiderationModel.Elements.APPROVE_CONVERSION;
import static cn.fazhi.reconsideration.ReconsiderationModel.Elements.APPROVE_DECISION;
import static cn.fazhi.reconsideration.ReconsiderationModel.Elements.APPROVE_EXTENSION;
import static cn.fazhi.reconsideration.ReconsiderationModel.Elements.APPROVE_WITHDRAWAL;
import static cn.fazhi.reconsideration.ReconsiderationModel.Elements.AWAIT_CORRECTION;
import static cn.fazhi.reconsideration.ReconsiderationModel.Elements.CHOOSE_PROCEDURE;
import static cn.fazhi.reconsideration.ReconsiderationModel.Elements.COMMITTEE;
import static cn.fazhi.reconsideration.ReconsiderationModel.Elements.CORRECTION_OVERDUE;
import static cn.fazhi.reconsideration.ReconsiderationModel.Elements.DECIDED;
import static cn.fazhi.reconsideration.ReconsiderationModel.Elements.DEEMED_ACCEPTED;
import static cn.fazhi.reconsideration.ReconsiderationModel.Elements.HANDLE_CASE;
import static cn.fazhi.reconsideration.ReconsiderationModel.Elements.HOLD_HEARING;
import static cn.fazhi.reconsideration.ReconsiderationModel.Elements.INCIDENTAL_REVIEW;
import static cn.fazhi.reconsideration.ReconsiderationModel.Elements.MEDIATED;
import static cn.fazhi.reconsideration.ReconsiderationModel.Elements.MEDIATION;
import static cn.fazhi.reconsideration.ReconsiderationModel.Elements.NOT_ACCEPTED;
import static cn.fazhi.reconsideration.ReconsiderationModel.Elements.REPLY_MISSED;
import static cn.fazhi.reconsideration.ReconsiderationModel.Elements.RESPONDENT_REPLY;
import static cn.fazhi.reconsideration.ReconsiderationModel.Elements.RESUME_OR_TERMINATE;
import static cn.fazhi.reconsideration.ReconsiderationModel.Elements.SCHEDULE_HEARING;
import static cn.fazhi.reconsideration.ReconsiderationModel.Elements.SEND_COPY;
import static cn.fazhi.reconsideration.ReconsiderationModel.Elements.SUSPENSION;
import static cn.fazhi.reconsideration.ReconsiderationModel.Elements.SUSPENSION_LIMIT;
import static cn.fazhi.reconsideration.ReconsiderationModel.Elements.TERMINATED;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;

/**
 * Every path of {@code reconsideration} (行政复议) run as the reconsideration office's demo
 * people with the real delegates, rule tables, forms validation and legal clocks. The
 * engine clock starts on Friday 26 September 2025, just before the National Day holiday
 * (1–8 October; Sunday 28 September and Saturday 11 October are make-up workdays).
 */
@SpringBootTest
@ActiveProfiles("test")
@Import(ProcessCoverageConfiguration.class)
@DisplayName("行政复议 reconsideration")
class ReconsiderationProcessTest {

	@Autowired
	ProcessEngine engine;

	@Autowired
	ReconsiderationProcess process;

	@Autowired
	TaskService taskService;

	@Autowired
	ManagementService managementService;

	@Autowired
	HistoryService historyService;

	@Autowired
	IdentityService identityService;

	@Autowired
	CaseReplay replay;

	@Autowired
	ComplianceCheck compliance;

	ReconsiderationDriver driver;

	@BeforeEach
	void setUp() {
		init(this.engine);
		at("2025-09-26T10:00:00+08:00");
		this.driver = new ReconsiderationDriver(this.process, this.taskService, this.managementService,
				new ActingUser(this.identityService));
	}

	@AfterEach
	void resetClock() {
		ClockUtil.reset();
	}

	@Test
	@DisplayName("受理 → 普通程序 → 答复 → 听取意见 → 维持 → 送达 → 履行监督；期限跨国庆")
	void shouldUpholdAnOrdinaryCase() {
		// given: an application received on Friday 26 September 2025
		ProcessInstance instance = this.driver.register(ReconsiderationDriver.application("2025-09-10"));
		Assertions.assertThat(instance.getBusinessKey()).matches("示府复〔2025〕\\d+号");
		assertThat(instance).isWaitingAt(ACCEPTANCE_REVIEW).task().hasCandidateGroup("reconsideration-office");
		// then: 5 working days: Sun 28 Sep (make-up), 29, 30 Sep, 9, 10 Oct
		assertThat(instance).variables()
			.containsEntry("acceptanceDueText", "2025年10月10日")
			.containsEntry("withinTime", true)
			.containsEntry("respondentName", "示范市自然资源和规划局");
		Assertions.assertThat(this.driver.task(instance, ACCEPTANCE_REVIEW).getDueDate())
			.isEqualTo(endOfDay("2025-10-10"));

		// when: accepted the same day, ordinary procedure
		this.driver.accept(instance);
		assertThat(instance).isWaitingAt(CHOOSE_PROCEDURE).task().hasCandidateGroup("reconsideration-office-heads");
		this.driver.procedure(instance, "ORDINARY", Map.of());
		// then: decision 60 calendar days (25 November), copy 7 working days (Sat 11 Oct
		// counts)
		assertThat(instance).variables()
			.containsEntry("decisionDueText", "2025年11月25日")
			.containsEntry("copyDueText", "2025年10月13日");
		assertThat(instance).isWaitingAt(SEND_COPY).task().isAssignedTo(STAFF);

		// when: the copy goes out the same day
		this.driver.complete(instance, SEND_COPY, STAFF, Map.of("copySentOn", "2025-09-26", "copyMethod", "DIRECT"));
		// then: the respondent's office has 10 working days, to 16 October
		assertThat(instance).isWaitingAt(RESPONDENT_REPLY).task().hasCandidateGroup("dept-nrp");
		assertThat(instance).variables().containsEntry("replyDueText", "2025年10月16日");
		this.driver.complete(instance, RESPONDENT_REPLY, ReconsiderationDriver.RESPONDENT,
				Map.of("replyText", "……", "replyEvidence", "……", "replyLegalBasis", "……"));

		// when: the handler proposes a decision before hearing the parties: refused
		assertThat(instance).isWaitingAt(HANDLE_CASE);
		Assertions.assertThat(this.driver.task(instance, HANDLE_CASE).getDueDate()).isEqualTo(endOfDay("2025-11-25"));
		assertThatThrownBy(() -> this.driver.propose(instance, "UPHOLD"))
			.isInstanceOf(FormFieldValidationException.class)
			.hasMessageContaining("第49条");
		// and: after hearing them, upheld and approved by the government's head
		this.driver.hearOpinions(instance, "2025-10-20");
		this.driver.propose(instance, "UPHOLD");
		assertThat(instance).isWaitingAt(APPROVE_DECISION).task().hasCandidateGroup("gov-office-heads");
		this.driver.decideAndClose(instance, "2025-10-30");

		// then
		assertThat(instance).isEnded()
			.hasPassedInOrder(ACCEPTANCE_REVIEW, CHOOSE_PROCEDURE, SEND_COPY, RESPONDENT_REPLY, HANDLE_CASE,
					APPROVE_DECISION, DECIDED)
			.variables()
			.containsEntry("caseOutcome", "DECIDED")
			.containsEntry("decisionType", "UPHOLD")
			.containsEntry("decisionApprovedBy", ORGAN);
	}

	@Test
	@DisplayName("简易程序（三千元以下）：30日审理期限，不能延长；转为普通程序后按60日计算")
	void shouldRunTheSimpleProcedureAndConvert() {
		// given
		var application = ReconsiderationDriver.application("2025-09-20");
		application.put("amountInvolved", 2000);
		ProcessInstance instance = this.driver.register(application);
		this.driver.accept(instance);
		// when: a ground of Art 53 that the amount contradicts is refused
		assertThatThrownBy(() -> this.driver.procedure(instance, "SIMPLE",
				Map.of("simpleGround", "SMALL_AMOUNT", "amountInvolved", 5000)))
			.isInstanceOf(FormFieldValidationException.class);
		this.driver.procedure(instance, "SIMPLE", Map.of("simpleGround", "SMALL_AMOUNT"));
		// then: 30 calendar days; copy in 3 working days, reply in 5
		assertThat(instance).variables()
			.containsEntry("decisionDueText", "2025年10月27日")
			.containsEntry("copyDueText", "2025年9月30日");
		at("2025-09-29T09:00:00+08:00");
		this.driver.complete(instance, SEND_COPY, STAFF, Map.of("copySentOn", "2025-09-29", "copyMethod", "POSTAL"));
		assertThat(instance).variables().containsEntry("replyDueText", "2025年10月13日");
		this.driver.complete(instance, RESPONDENT_REPLY, ReconsiderationDriver.RESPONDENT,
				Map.of("replyText", "……", "replyEvidence", "……", "replyLegalBasis", "……"));
		// and: a simple case cannot be extended, but may be converted
		assertThatThrownBy(() -> this.driver.handle(instance, Map.of("handlingAction", "EXTEND")))
			.isInstanceOf(FormFieldValidationException.class)
			.hasMessageContaining("简易程序的审理期限不能延长");
		this.driver.handle(instance, Map.of("handlingAction", "CONVERT", "handlingNote", "案情复杂"));
		this.driver.complete(instance, APPROVE_CONVERSION, HEAD,
				Map.of("conversionApproval", "APPROVE", "conversionReason", "不宜适用简易程序"));
		// then: ordinary from the original acceptance: 60 days
		assertThat(instance).isWaitingAt(HANDLE_CASE).variables().containsEntry("decisionDueText", "2025年11月25日");
	}

	@Test
	@DisplayName("通知补正 → 补正后重新计算受理审查期限 → 受理")
	void shouldReviewAgainAfterCorrection() {
		// given
		ProcessInstance instance = this.driver.register(ReconsiderationDriver.application("2025-09-15"));
		// when
		this.driver.complete(instance, ACCEPTANCE_REVIEW, STAFF,
				Map.of("acceptanceDecision", "CORRECTION_REQUIRED", "correctionItems", "1. 申请人身份证明复印件"));
		// then: 10 working days for the applicant, to 16 October
		assertThat(instance).isWaitingAt(AWAIT_CORRECTION)
			.variables()
			.containsEntry("correctionDueText", "2025年10月16日");
		// when: the corrections arrive on 13 October
		at("2025-10-13T09:00:00+08:00");
		this.driver.complete(instance, AWAIT_CORRECTION, STAFF,
				Map.of("correctionReceivedOn", "2025-10-13", "correctionContent", "已补交身份证明"));
		// then: a new review of 5 working days from 13 October
		assertThat(instance).isWaitingAt(ACCEPTANCE_REVIEW)
			.variables()
			.containsEntry("acceptanceDueText", "2025年10月20日")
			.containsEntry("correctionRound", 2)
			.containsEntry("corrected", true);
		this.driver.accept(instance);
		assertThat(instance).isWaitingAt(CHOOSE_PROCEDURE);
	}

	@Test
	@DisplayName("逾期不补正，视为放弃申请")
	void shouldTreatIgnoredCorrectionAsAbandoned() {
		// given
		ProcessInstance instance = this.driver.register(ReconsiderationDriver.application("2025-09-15"));
		this.driver.complete(instance, ACCEPTANCE_REVIEW, STAFF,
				Map.of("acceptanceDecision", "CORRECTION_REQUIRED", "correctionItems", "申请书签名"));
		// when: the 10 working days pass (timer at the start of 17 October)
		Assertions.assertThat(this.driver.job(instance, CORRECTION_OVERDUE).getDuedate())
			.isEqualTo(Date.from(OffsetDateTime.parse("2025-10-17T00:00:00+08:00").toInstant()));
		this.driver.fire(instance, CORRECTION_OVERDUE);
		// then
		assertThat(instance).isEnded().hasPassed(ABANDONED).variables().containsEntry("caseOutcome", "ABANDONED");
	}

	@Test
	@DisplayName("5个工作日内未作出不予受理决定，视为受理，受理日为期限届满之日")
	void shouldDeemTheApplicationAccepted() {
		// given
		ProcessInstance instance = this.driver.register(ReconsiderationDriver.application("2025-09-15"));
		Assertions.assertThat(this.driver.job(instance, DEEMED_ACCEPTED).getDuedate())
			.isEqualTo(Date.from(OffsetDateTime.parse("2025-10-11T00:00:00+08:00").toInstant()));
		// when
		at("2025-10-11T00:00:01+08:00");
		this.driver.fire(instance, DEEMED_ACCEPTED);
		// then: accepted on 10 October; the decision period runs from then
		assertThat(instance).isWaitingAt(CHOOSE_PROCEDURE)
			.variables()
			.containsEntry("deemedAccepted", true)
			.containsEntry("acceptedOnText", "2025年10月10日");
		this.driver.procedure(instance, "ORDINARY", Map.of());
		assertThat(instance).variables().containsEntry("decisionDueText", "2025年12月9日");
	}

	@Test
	@DisplayName("超过申请期限的申请：提示承办人，决定不予受理")
	void shouldFlagAnApplicationOutOfTimeAndNotAcceptIt() {
		// given: known on 1 June; 60 days ended on 31 July
		ProcessInstance instance = this.driver.register(ReconsiderationDriver.application("2025-06-01"));
		assertThat(instance).variables()
			.containsEntry("withinTime", false)
			.hasEntrySatisfying("timelinessText",
					(text) -> Assertions.assertThat((String) text).contains("已超过申请期限").contains("2025年7月31日"));
		// when
		this.driver.complete(instance, ACCEPTANCE_REVIEW, STAFF,
				Map.of("acceptanceDecision", "NOT_ACCEPTED", "notAcceptedReason", "超过法定申请期限，且无正当理由（第20条）"));
		// then
		assertThat(instance).isEnded().hasPassed(NOT_ACCEPTED).variables().containsEntry("caseOutcome", "NOT_ACCEPTED");
	}

	@Test
	@DisplayName("重大复杂案件：先听证并咨询行政复议委员会才能提出决定；听证通知不足5个工作日被拒绝")
	void shouldRequireHearingAndCommitteeInAMajorCase() {
		// given
		ProcessInstance instance = this.driver.register(ReconsiderationDriver.application("2025-09-20"));
		this.driver.accept(instance);
		this.driver.procedure(instance, "ORDINARY", Map.of("majorCase", true));
		this.driver.copyAndReply(instance, "2025-09-26");
		this.driver.hearOpinions(instance, "2025-10-09");
		// when: a decision without hearing and committee is refused
		assertThatThrownBy(() -> this.driver.propose(instance, "REVOKE"))
			.isInstanceOf(FormFieldValidationException.class)
			.hasMessageContaining("第50条");
		// and: a hearing notified only 3 working days ahead is refused
		this.driver.handle(instance, Map.of("handlingAction", "HEARING"));
		Map<String, Object> hearing = new java.util.HashMap<>(Map.of("hearingDate", "2025-10-20", "hearingPlace",
				"复议办听证室", "hearingNoticeSentOn", "2025-10-15", "hearingIssues", "处罚事实是否清楚", "presidingOfficer", "罗平",
				"hearingOfficers", "唐杰、孙丽", "hearingClerk", "周强"));
		assertThatThrownBy(() -> this.driver.complete(instance, SCHEDULE_HEARING, STAFF, hearing))
			.isInstanceOf(FormFieldValidationException.class)
			.hasMessageContaining("5个工作日前");
		hearing.put("hearingNoticeSentOn", "2025-10-10");
		this.driver.complete(instance, SCHEDULE_HEARING, STAFF, hearing);
		this.driver.complete(instance, HOLD_HEARING, STAFF, Map.of("hearingHeldOn", "2025-10-20", "hearingRecord",
				"听证笔录……", "applicantAttended", true, "respondentHeadAttended", true));
		this.driver.handle(instance, Map.of("handlingAction", "COMMITTEE"));
		this.driver.complete(instance, COMMITTEE, STAFF,
				Map.of("committeeMeetingOn", "2025-10-24", "committeeOpinion", "建议撤销"));
		// then: the decision may be proposed; the approver sees the record
		this.driver.propose(instance, "REVOKE");
		assertThat(instance).isWaitingAt(APPROVE_DECISION)
			.variables()
			.hasEntrySatisfying("opinionsSummaryText",
					(text) -> Assertions.assertThat((String) text).contains("【听证 2025年10月20日】").contains("建议撤销"));
	}

	@Test
	@DisplayName("中止审理和恢复、鉴定时间不计入：审理期限和任务到期日顺延")
	void shouldMoveTheDecisionDeadlineOnSuspensionAndAppraisal() {
		// given: decision due 25 November
		ProcessInstance instance = this.driver.register(ReconsiderationDriver.application("2025-09-20"));
		this.driver.accept(instance);
		this.driver.procedure(instance, "ORDINARY", Map.of());
		this.driver.copyAndReply(instance, "2025-09-26");
		// when: suspended on 20 October (force majeure), resumed on 27 October
		at("2025-10-20T09:00:00+08:00");
		this.driver.handle(instance, Map.of("handlingAction", "SUSPEND"));
		this.driver.complete(instance, SUSPENSION, STAFF, Map.of("suspensionGround", "GROUND_FIVE",
				"suspensionNoticeSentOn", "2025-10-20", "suspensionReason", "申请人因台风无法参加"));
		at("2025-10-27T09:00:00+08:00");
		this.driver.complete(instance, RESUME_OR_TERMINATE, STAFF,
				Map.of("suspensionOutcome", "RESUME", "resumeNoticeSentOn", "2025-10-27", "resumeNote", "台风影响已消除"));
		// then: 7 days later
		assertThat(instance).isWaitingAt(HANDLE_CASE).variables().containsEntry("decisionDueText", "2025年12月2日");
		Assertions.assertThat(this.driver.task(instance, HANDLE_CASE).getDueDate()).isEqualTo(endOfDay("2025-12-02"));
		// when: an appraisal from 3 to 5 November
		at("2025-11-03T09:00:00+08:00");
		this.driver.handle(instance, Map.of("handlingAction", "APPRAISAL"));
		at("2025-11-05T09:00:00+08:00");
		this.driver.complete(instance, APPRAISAL, STAFF, Map.of("appraisalKind", "APPRAISAL", "appraisalResult",
				"鉴定意见……", "appraisalCompletedOn", "2025-11-05"));
		// then: 2 more days
		assertThat(instance).variables().containsEntry("decisionDueText", "2025年12月4日");
	}

	@Test
	@DisplayName("延长审理期限：经机构负责人批准，最多30日")
	void shouldExtendTheDecisionPeriodWithinTheCap() {
		// given
		ProcessInstance instance = this.driver.register(ReconsiderationDriver.application("2025-09-20"));
		this.driver.accept(instance);
		this.driver.procedure(instance, "ORDINARY", Map.of());
		this.driver.copyAndReply(instance, "2025-09-26");
		// when
		this.driver.handle(instance, Map.of("handlingAction", "EXTEND", "handlingNote", "案情复杂"));
		this.driver.complete(instance, APPROVE_EXTENSION, HEAD, Map.of("extensionApproval", "APPROVE", "extensionDays",
				20, "extensionReason", "需补充调查", "partiesNotifiedOn", "2025-11-10"));
		// then
		assertThat(instance).isWaitingAt(HANDLE_CASE).variables().containsEntry("decisionDueText", "2025年12月15日");
		// when: 11 more days would exceed 30
		this.driver.handle(instance, Map.of("handlingAction", "EXTEND", "handlingNote", "仍需调查"));
		assertThatThrownBy(() -> this.driver.complete(instance, APPROVE_EXTENSION, HEAD,
				Map.of("extensionApproval", "APPROVE", "extensionDays", 11, "extensionReason", "再延长",
						"partiesNotifiedOn", "2025-12-01")))
			.isInstanceOf(FormFieldValidationException.class)
			.hasMessageContaining("最多可延长 30日");
		this.driver.complete(instance, APPROVE_EXTENSION, HEAD,
				Map.of("extensionApproval", "REJECT", "extensionReason", "不符合延长条件"));
		assertThat(instance).isWaitingAt(HANDLE_CASE);
	}

	@Test
	@DisplayName("和解后撤回申请，经批准终止；调解达成协议的以调解书结案")
	void shouldEndBySettlementOrMediation() {
		// given
		ProcessInstance settled = accepted("2025-09-20");
		// when: settlement, withdrawal approved
		this.driver.handle(settled, Map.of("handlingAction", "MEDIATION"));
		this.driver.complete(settled, MEDIATION, STAFF,
				Map.of("mediationOutcome", "SETTLED", "mediationRecord", "双方达成和解"));
		this.driver.complete(settled, APPROVE_WITHDRAWAL, HEAD,
				Map.of("withdrawalApproval", "APPROVE", "withdrawalNote", "准予撤回"));
		// then
		assertThat(settled).isEnded().hasPassed(TERMINATED).variables().containsEntry("caseOutcome", "WITHDRAWN");
		// given / when: mediation that fails once, then an agreement
		ProcessInstance mediated = accepted("2025-09-21");
		this.driver.handle(mediated, Map.of("handlingAction", "MEDIATION"));
		this.driver.complete(mediated, MEDIATION, STAFF,
				Map.of("mediationOutcome", "FAILED", "mediationRecord", "未达成"));
		this.driver.handle(mediated, Map.of("handlingAction", "WITHDRAWAL"));
		this.driver.complete(mediated, APPROVE_WITHDRAWAL, HEAD,
				Map.of("withdrawalApproval", "REJECT", "withdrawalNote", "撤回非真实意思表示"));
		this.driver.handle(mediated, Map.of("handlingAction", "MEDIATION"));
		this.driver.complete(mediated, MEDIATION, STAFF, Map.of("mediationOutcome", "MEDIATION_AGREEMENT",
				"mediationRecord", "达成调解协议", "mediationDocumentNumber", "示府复调〔2025〕1号"));
		// then
		assertThat(mediated).isEnded().hasPassed(MEDIATED).variables().containsEntry("caseOutcome", "MEDIATED");
	}

	@Test
	@DisplayName("审计合规检查：逾期作出的决定被指出（第62条），按期受理、已听取意见的规则通过")
	void shouldNameTheLateDecisionInTheComplianceCheck() {
		// given: an ordinary case decided after its period (25 November 2025)
		ProcessInstance instance = accepted("2025-09-20");
		this.driver.hearOpinions(instance, "2025-10-20");
		at("2025-11-27T09:00:00+08:00");
		this.driver.propose(instance, "UPHOLD");
		this.driver.decideAndClose(instance, "2025-11-28");
		// when
		ComplianceReport report = this.compliance.check(this.replay.replay(instance.getId()), instance.getId());
		// then
		Assertions.assertThat(report.rules())
			.filteredOn((rule) -> rule.id().equals("RC-62"))
			.singleElement()
			.satisfies((rule) -> {
				Assertions.assertThat(rule.result()).isEqualTo(ComplianceReport.Result.FAIL);
				Assertions.assertThat(rule.article()).contains("第62条");
				Assertions.assertThat(rule.explanation()).contains("晚于审理期限 2025年11月25日");
			});
		Assertions.assertThat(report.rules())
			.filteredOn((rule) -> List.of("RC-30", "RC-49").contains(rule.id()))
			.extracting(ComplianceReport.RuleResult::result)
			.containsOnly(ComplianceReport.Result.PASS);
	}

	@Test
	@DisplayName("被申请人逾期未答复：只能撤销、确认违法、确认无效或责令履行")
	void shouldLimitTheDecisionAfterAMissedReply() {
		// given
		ProcessInstance instance = this.driver.register(ReconsiderationDriver.application("2025-09-20"));
		this.driver.accept(instance);
		this.driver.procedure(instance, "SIMPLE", Map.of("simpleGround", "WARNING"));
		this.driver.complete(instance, SEND_COPY, STAFF, Map.of("copySentOn", "2025-09-26", "copyMethod", "DIRECT"));
		// when: 5 working days pass
		this.driver.fire(instance, REPLY_MISSED);
		// then
		assertThat(instance).isWaitingAt(HANDLE_CASE).variables().containsEntry("replyMissed", true);
		assertThatThrownBy(() -> this.driver.propose(instance, "UPHOLD"))
			.isInstanceOf(FormFieldValidationException.class)
			.hasMessageContaining("第70条");
		this.driver.propose(instance, "REVOKE");
		assertThat(instance).isWaitingAt(APPROVE_DECISION);
	}

	@Test
	@DisplayName("中止满60日：第一、二、四项事由终止，其他事由继续中止")
	void shouldTerminateAfterSixtyDaysOfSuspensionOnlyForCertainGrounds() {
		// given: ground 1 (applicant died)
		ProcessInstance ended = accepted("2025-09-20");
		suspend(ended, "GROUND_ONE");
		// when
		this.driver.fire(ended, SUSPENSION_LIMIT);
		// then
		assertThat(ended).isEnded()
			.hasPassed(ReconsiderationModel.Elements.TERMINATED_AFTER_SUSPENSION)
			.variables()
			.containsEntry("caseOutcome", "TERMINATED");
		// given: ground 7 (a legal question awaits interpretation)
		ProcessInstance waiting = accepted("2025-09-21");
		suspend(waiting, "GROUND_SEVEN");
		this.driver.fire(waiting, SUSPENSION_LIMIT);
		// then: still suspended; the office may end it itself
		assertThat(waiting).isWaitingAt(RESUME_OR_TERMINATE);
		this.driver.complete(waiting, RESUME_OR_TERMINATE, STAFF,
				Map.of("suspensionOutcome", "TERMINATE", "resumeNoticeSentOn", "2025-12-01", "resumeNote", "终止"));
		assertThat(waiting).isEnded().hasPassed(TERMINATED);
	}

	@Test
	@DisplayName("规范性文件附带审查：审查期间不计入审理期限")
	void shouldPauseForAnIncidentalReview() {
		// given
		var application = ReconsiderationDriver.application("2025-09-20");
		application.put("incidentalReviewRequested", true);
		application.put("normativeDocumentName", "示范市违法建设处罚裁量基准");
		ProcessInstance instance = this.driver.register(application);
		this.driver.accept(instance);
		this.driver.procedure(instance, "ORDINARY", Map.of());
		this.driver.copyAndReply(instance, "2025-09-26");
		// when: reviewed from 10 to 17 November
		at("2025-11-10T09:00:00+08:00");
		this.driver.handle(instance, Map.of("handlingAction", "INCIDENTAL_REVIEW"));
		assertThat(instance).isWaitingAt(INCIDENTAL_REVIEW)
			.variables()
			.containsEntry("incidentalDueText", "2025年12月10日");
		at("2025-11-17T09:00:00+08:00");
		this.driver.complete(instance, INCIDENTAL_REVIEW, STAFF, Map.of("incidentalHandling", "HANDLE", "enactingBody",
				"示范市人民政府", "incidentalResult", "LAWFUL", "incidentalOpinion", "该裁量基准合法"));
		// then: 7 days later than 25 November
		assertThat(instance).isWaitingAt(HANDLE_CASE).variables().containsEntry("decisionDueText", "2025年12月2日");
	}

	@ParameterizedTest(name = "{0}")
	@ValueSource(strings = { "ALTER", "REVOKE", "CONFIRM_ILLEGAL", "ORDER_PERFORMANCE", "CONFIRM_INVALID", "UPHOLD",
			"DISMISS_REQUEST", "DISMISS_APPLICATION" })
	@DisplayName("每一种行政复议决定")
	void shouldDecideWithEveryDecisionType(String decisionType) {
		// given: a simple case
		ProcessInstance instance = this.driver.register(ReconsiderationDriver.application("2025-09-20"));
		this.driver.accept(instance);
		this.driver.procedure(instance, "SIMPLE", Map.of("simpleGround", "ON_THE_SPOT"));
		this.driver.copyAndReply(instance, "2025-09-26");
		// when
		this.driver.propose(instance, decisionType);
		// then: the approver may also send it back
		this.driver.complete(instance, APPROVE_DECISION, ORGAN,
				Map.of("approvalMode", "COLLECTIVE", "decisionApproval", "RETURN", "approvalNote", "请补充理由"));
		this.driver.propose(instance, decisionType);
		this.driver.decideAndClose(instance, "2025-10-20");
		assertThat(instance).isEnded()
			.variables()
			.containsEntry("decisionType", decisionType)
			.containsEntry("caseOutcome", "DECIDED");
	}

	@Test
	@DisplayName("春节：受理审查期限跳过春节假期，计入调休上班的周六")
	void shouldCountAcceptanceAcrossTheSpringFestival() {
		// given: received Thursday 12 February 2026
		at("2026-02-12T10:00:00+08:00");
		ProcessInstance instance = this.driver.register(ReconsiderationDriver.application("2026-02-02"));
		// then: 13 Feb, Sat 14 Feb (make-up), 24, 25, 26 Feb
		assertThat(instance).variables().containsEntry("acceptanceDueText", "2026年2月26日");
		Assertions.assertThat(instance.getBusinessKey()).startsWith("示府复〔2026〕");
	}

	@Test
	@DisplayName("错误的申请：缺申请人、知道日期在将来、被申请人不明——拒绝且不留数据")
	void shouldRefuseBadApplicationsWithoutLeavingAnything() {
		long before = this.historyService.createHistoricProcessInstanceQuery().count();
		var missing = ReconsiderationDriver.application("2025-09-20");
		missing.remove("applicantName");
		assertThatThrownBy(() -> this.driver.register(missing)).isInstanceOf(FormFieldValidationException.class)
			.hasMessageContaining("为必填项");
		var future = ReconsiderationDriver.application("2025-09-20");
		future.put("knowledgeDate", "2025-10-20");
		assertThatThrownBy(() -> this.driver.register(future)).isInstanceOf(FormFieldValidationException.class)
			.hasMessageContaining("晚于今天");
		var unknown = ReconsiderationDriver.application("2025-09-20");
		unknown.put("respondent", "dept-unknown");
		assertThatThrownBy(() -> this.driver.register(unknown)).isInstanceOf(FormFieldValidationException.class)
			.hasMessageContaining("不在可选范围内");
		Assertions.assertThat(this.historyService.createHistoricProcessInstanceQuery().count()).isEqualTo(before);
	}

	private ProcessInstance accepted(String knowledgeDate) {
		ProcessInstance instance = this.driver.register(ReconsiderationDriver.application(knowledgeDate));
		this.driver.accept(instance);
		this.driver.procedure(instance, "ORDINARY", Map.of());
		this.driver.copyAndReply(instance, "2025-09-26");
		return instance;
	}

	private void suspend(ProcessInstance instance, String ground) {
		this.driver.handle(instance, Map.of("handlingAction", "SUSPEND"));
		this.driver.complete(instance, SUSPENSION, STAFF,
				Map.of("suspensionGround", ground, "suspensionNoticeSentOn", "2025-09-26", "suspensionReason", "……"));
	}

	private static void at(String instant) {
		ClockUtil.setCurrentTime(Date.from(OffsetDateTime.parse(instant).toInstant()));
	}

	private static Date endOfDay(String day) {
		return Date.from(OffsetDateTime.parse(day + "T23:59:59+08:00").toInstant());
	}

}
