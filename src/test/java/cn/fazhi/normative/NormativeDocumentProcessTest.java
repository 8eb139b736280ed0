package cn.fazhi.normative;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Date;
import java.util.List;
import java.util.Map;

import cn.fazhi.clock.LegalClock;
import cn.fazhi.clock.LegalClocks;
import cn.fazhi.legalreview.LegalityReviewProcess;
import cn.fazhi.normative.register.DocumentStatus;
import cn.fazhi.normative.register.NormativeDocument;
import cn.fazhi.normative.register.NormativeRegister;
import cn.fazhi.support.ActingUser;
import cn.fazhi.support.ProcessCoverageConfiguration;

import org.assertj.core.api.Assertions;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;

import static cn.fazhi.normative.NormativeDocumentDriver.CONGRESS;
import static cn.fazhi.normative.NormativeDocumentDriver.DRAFTER;
import static cn.fazhi.normative.NormativeDocumentDriver.JUSTICE;
import static cn.fazhi.normative.NormativeDocumentDriver.PROVINCE;
import static cn.fazhi.normative.NormativeDocumentDriver.SECRETARIAT;
import static cn.fazhi.normative.NormativeDocumentModel.Elements.ASSIGN_NUMBERS;
import static cn.fazhi.normative.NormativeDocumentModel.Elements.ADOPT_LEGALITY_CHANGES;
import static cn.fazhi.normative.NormativeDocumentModel.Elements.CONGRESS_FILING_OVERDUE;
import static cn.fazhi.normative.NormativeDocumentModel.Elements.CONGRESS_NOT_REQUIRED;
import static cn.fazhi.normative.NormativeDocumentModel.Elements.CORRECT_FOR_CONGRESS;
import static cn.fazhi.normative.NormativeDocumentModel.Elements.CORRECT_FOR_GOVERNMENT;
import static cn.fazhi.normative.NormativeDocumentModel.Elements.DOCUMENT_WITHDRAWN;
import static cn.fazhi.normative.NormativeDocumentModel.Elements.EVALUATE_VALIDITY;
import static cn.fazhi.normative.NormativeDocumentModel.Elements.EXPIRED;
import static cn.fazhi.normative.NormativeDocumentModel.Elements.EXPIRED_DURING_EVALUATION;
import static cn.fazhi.normative.NormativeDocumentModel.Elements.EXPIRE_DOCUMENT;
import static cn.fazhi.normative.NormativeDocumentModel.Elements.GOVERNMENT_FILING_OVERDUE;
import static cn.fazhi.normative.NormativeDocumentModel.Elements.NOT_ISSUED;
import static cn.fazhi.normative.NormativeDocumentModel.Elements.RECEIVE_GOVERNMENT_FILING;
import static cn.fazhi.normative.NormativeDocumentModel.Elements.RECORD_CONGRESS_FILING_OVERDUE;
import static cn.fazhi.normative.NormativeDocumentModel.Elements.RECORD_GOVERNMENT_FILING_OVERDUE;
import static cn.fazhi.normative.NormativeDocumentModel.Elements.REPEALED_ON_FILING_REVIEW;
import static cn.fazhi.normative.NormativeDocumentModel.Elements.REVIEW_GOVERNMENT_FILING;
import static cn.fazhi.normative.NormativeDocumentModel.Elements.REVISE_DRAFT;
import static cn.fazhi.normative.NormativeDocumentModel.Elements.START_REVISION;
import static cn.fazhi.normative.NormativeDocumentModel.Elements.SUBMIT_FOR_DELIBERATION;
import static cn.fazhi.normative.NormativeDocumentModel.Elements.VALIDITY_ENDS;
import static cn.fazhi.normative.NormativeDocumentModel.Elements.DRAFT;
import static cn.fazhi.normative.NormativeDocumentModel.Elements.EVALUATION_STARTS;
import static cn.fazhi.normative.NormativeDocumentModel.Elements.FILE_WITH_CONGRESS;
import static cn.fazhi.normative.NormativeDocumentModel.Elements.FILE_WITH_GOVERNMENT;
import static cn.fazhi.normative.NormativeDocumentModel.Elements.LEGALITY_REVIEW;
import static cn.fazhi.normative.NormativeDocumentModel.Elements.PUBLISH;
import static cn.fazhi.normative.NormativeDocumentModel.Elements.PUBLISH_FOR_COMMENT;
import static cn.fazhi.normative.NormativeDocumentModel.Elements.RECORD_MEETING;
import static cn.fazhi.normative.NormativeDocumentModel.Elements.REGISTER;
import static cn.fazhi.normative.NormativeDocumentModel.Elements.SCHEDULE_MEETING;
import static cn.fazhi.normative.NormativeDocumentModel.Elements.START_VALIDITY;
import static cn.fazhi.normative.NormativeDocumentModel.Elements.SUMMARIZE_COMMENTS;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;

/**
 * Every legal path of {@code normative-document} (行政规范性文件), run as the directory's demo
 * people with the real delegates, rule tables, forms validation, register and
 * permissions. The engine clock starts on Monday 2 March 2026.
 */
@SpringBootTest
@ActiveProfiles("test")
@Import(ProcessCoverageConfiguration.class)
@DisplayName("行政规范性文件 normative-document")
class NormativeDocumentProcessTest {

	static final Date START = at("2026-03-02T09:00:00+08:00");

	@Autowired
	ProcessEngine engine;

	@Autowired
	NormativeDocumentProcess process;

	@Autowired
	LegalityReviewProcess review;

	@Autowired
	NormativeRegister register;

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
	LegalClocks clocks;

	ActingUser acting;

	NormativeDocumentDriver driver;

	@BeforeEach
	void setUp() {
		init(this.engine);
		ClockUtil.setCurrentTime(START);
		this.acting = new ActingUser(this.identityService);
		this.driver = new NormativeDocumentDriver(this.process, this.review, this.runtimeService, this.taskService,
				this.managementService, this.acting);
	}

	@AfterEach
	void resetClock() {
		ClockUtil.reset();
	}

	@Test
	@DisplayName("政府文件：起草（公平竞争审查）→ 征求意见30日 → 合法性审核 → 常务会议通过 → 统一登记、编号、发布 → 报省政府和市人大常委会备案 → 有效期内")
	void shouldCarryAGovernmentDocumentFromDraftToFiledAndInForce() {
		// given: 张伟 of the natural resources bureau drafts a document to be issued by the
		// city government, which touches market activity
		var start = NormativeDocumentDriver.startForm("示范市国有建设用地使用权出让管理办法", "GOVERNMENT");
		start.put("affectsMarket", true);
		ProcessInstance instance = this.driver.start(start);
		Assertions.assertThat(instance.getBusinessKey()).matches("ND-2026-\\d{4}");
		assertThat(instance).isWaitingAt(DRAFT).task().hasCandidateGroup("dept-nrp");
		assertThat(instance).variables()
			.containsEntry("issuer", "demo-city")
			.containsEntry("issuerName", "示范市人民政府")
			.containsEntry("draftingOffice", "dept-nrp")
			.containsEntry("provisional", false)
			.containsEntry("commentMinDays", 30);

		// when: drafted with a fair-competition review, published for 30 days' comment
		var draft = NormativeDocumentDriver.draftForm();
		draft.put("fairCompetitionConclusion", "COMPLIANT");
		draft.put("fairCompetitionNote", "不涉及市场准入和退出、商品要素自由流动等限制。");
		this.driver.complete(instance, DRAFT, DRAFTER, draft);
		this.driver.publishForComment(instance, "2026-03-02");
		// then: the window ends on Wednesday 1 April; the timer fires the next morning
		assertThat(instance).variables().containsEntry("commentPeriodEndText", "2026年4月1日");
		this.driver.closeComments(instance);

		// when: the justice bureau reviews the draft as a case of its own, lawful
		assertThat(instance).isWaitingAt(LEGALITY_REVIEW);
		ProcessInstance review = this.driver.review(instance);
		Assertions.assertThat(review.getBusinessKey()).isEqualTo(instance.getBusinessKey() + "-LR1");
		Assertions.assertThat((String) this.runtimeService.getVariable(review.getId(), "proceduresPerformed"))
			.contains("公平竞争审查：不含排除、限制竞争的内容")
			.contains("至2026年4月1日届满");
		this.driver.legalityReview(instance, "LAWFUL");

		// and: the city government's executive meeting approves it (the secretariat keeps
		// the agenda)
		this.driver.complete(instance, SUBMIT_FOR_DELIBERATION, DRAFTER, Map.of("submissionNote", "提请审议"));
		assertThat(instance).isWaitingAt(SCHEDULE_MEETING).task().hasCandidateGroup("gov-office");
		this.driver.schedule(instance, true);
		assertThat(instance).isWaitingAt(RECORD_MEETING).task().hasCandidateGroup("gov-office");
		this.driver.meeting(instance, true, "APPROVED");

		// then: due for publication 20 working days after the meeting
		assertThat(instance).isWaitingAt(REGISTER).task().hasCandidateGroup("gov-office");
		assertThat(instance).variables().containsEntry("publicationDueDateText", "2026年3月30日");

		// when: registered, numbered and published
		this.driver.register(instance, true);
		assertThat(instance).hasPassed(ASSIGN_NUMBERS).isWaitingAt(PUBLISH);
		String number = (String) this.runtimeService.getVariable(instance.getId(), "documentNumber");
		Assertions.assertThat(number).matches("示政规〔2026〕\\d+号");
		Assertions.assertThat((String) this.runtimeService.getVariable(instance.getId(), "registrationNumber"))
			.matches("SFSG00-2026-\\d{4}");
		this.driver.publish(instance, true, "2026-03-02", "2026-04-01");

		// then: in the register as 有效 for five years, and filed on two tracks within 30
		// days
		NormativeDocument document = this.register.findByNumber(number).orElseThrow();
		Assertions.assertThat(document.status()).isEqualTo(DocumentStatus.VALID);
		Assertions.assertThat(document.validUntil()).isEqualTo(LocalDate.of(2031, 3, 31));
		Assertions.assertThat(document.issuerName()).isEqualTo("示范市人民政府");
		assertThat(instance).isWaitingAt(FILE_WITH_GOVERNMENT, FILE_WITH_CONGRESS);
		assertThat(instance).task(FILE_WITH_GOVERNMENT).hasCandidateGroup("gov-office");
		Assertions.assertThat(this.driver.task(instance, FILE_WITH_GOVERNMENT).getDueDate())
			.isEqualTo(at("2026-04-01T23:59:59+08:00"));
		this.driver.file(instance, "Government", true);
		this.driver.file(instance, "Congress", true);

		// then: the term runs to 31 March 2031; the evaluation window is the six months
		// before it (30 September 2030 + 6 months: the corresponding day, 30 March 2031,
		// 《民法典》第202条)
		assertThat(instance).hasPassed(START_VALIDITY).isWaitingAt(EVALUATION_STARTS);
		assertThat(instance).variables()
			.containsEntry("validUntilText", "2031年3月31日")
			.containsEntry("evaluationDueText", "2031年3月30日");
		Assertions
			.assertThat(this.managementService.createJobQuery()
				.processInstanceId(instance.getId())
				.activityId(EVALUATION_STARTS)
				.singleResult()
				.getDuedate())
			.isEqualTo(at("2030-10-01T00:00:00+08:00"));
		assertThat(instance).hasPassedInOrder(DRAFT, PUBLISH_FOR_COMMENT, SUMMARIZE_COMMENTS, LEGALITY_REVIEW,
				SCHEDULE_MEETING, RECORD_MEETING, REGISTER, ASSIGN_NUMBERS, PUBLISH, START_VALIDITY);
	}

	@Test
	@DisplayName("部门文件：依法不公开征求意见（记录理由）→ 部门办公会议 → 部门登记发布 → 只报市政府备案（司法局受理）")
	void shouldIssueADepartmentalDocumentFiledWithTheCityGovernmentOnly() {
		// given
		ProcessInstance instance = this.driver
			.start(NormativeDocumentDriver.startForm("示范市不动产登记资料查询管理规定", "DEPARTMENT"));
		assertThat(instance).variables().containsEntry("issuer", "dept-nrp").containsEntry("issuerName", "示范市自然资源和规划局");
		// when: comments are exempt for a recorded reason
		var draft = NormativeDocumentDriver.draftForm();
		draft.put("commentExempt", true);
		draft.put("commentExemptReason", "涉及不动产登记信息安全管理的具体措施，依法不予公开。");
		this.driver.complete(instance, DRAFT, DRAFTER, draft);
		// then: straight to the review, which is told why
		assertThat(instance).isWaitingAt(LEGALITY_REVIEW).hasNotPassed(PUBLISH_FOR_COMMENT);
		Assertions.assertThat(
				(String) this.runtimeService.getVariable(this.driver.review(instance).getId(), "proceduresPerformed"))
			.contains("未公开征求意见，理由：涉及不动产登记信息安全管理的具体措施");
		this.driver.legalityReview(instance, "LAWFUL");
		// when: the department's own office meeting decides; the department registers
		this.driver.complete(instance, SUBMIT_FOR_DELIBERATION, DRAFTER, Map.of("submissionNote", "提请局务会议审议"));
		assertThat(instance).isWaitingAt(SCHEDULE_MEETING).task().hasCandidateGroup("dept-nrp");
		Assertions.assertThat(this.runtimeService.getVariable(instance.getId(), "meetingTypeOptions").toString())
			.contains("OFFICE_MEETING")
			.doesNotContain("EXECUTIVE");
		this.driver.schedule(instance, false);
		this.driver.meeting(instance, false, "APPROVED");
		assertThat(instance).isWaitingAt(REGISTER).task().hasCandidateGroup("dept-nrp");
		this.driver.register(instance, false);
		Assertions.assertThat((String) this.runtimeService.getVariable(instance.getId(), "documentNumber"))
			.matches("示自然资规〔2026〕\\d+号");
		this.driver.publish(instance, false, "2026-03-02", "2026-03-02");
		// then: filed only with the city government, whose filing desk is the justice
		// bureau
		assertThat(instance).isWaitingAt(FILE_WITH_GOVERNMENT).hasPassed(CONGRESS_NOT_REQUIRED);
		this.driver.complete(instance, FILE_WITH_GOVERNMENT, DRAFTER, Map.of("governmentFiledOn", "2026-03-02",
				"governmentFilingMaterials", List.of("REPORT", "TEXT", "EXPLANATION", "BASIS")));
		assertThat(instance).task(RECEIVE_GOVERNMENT_FILING).hasCandidateGroup("justice-bureau");
		this.driver.complete(instance, RECEIVE_GOVERNMENT_FILING, JUSTICE, Map.of("governmentReceipt", "REGISTERED",
				"governmentReceiptNumber", "SFS-BA-2026-017", "governmentReceivedOn", "2026-03-02"));
		this.driver.complete(instance, REVIEW_GOVERNMENT_FILING, JUSTICE,
				Map.of("governmentReviewResult", "NO_ISSUES", "governmentReviewOpinion", "未发现问题。"));
		assertThat(instance).isWaitingAt(EVALUATION_STARTS).hasNotPassed(FILE_WITH_CONGRESS);
	}

	@Test
	@DisplayName("备案：材料不齐通知补充、审查要求纠正、修改后重新报送——两条途径各自进行")
	void shouldLoopThroughSupplementsAndCorrectionsOnBothFilingTracks() {
		// given
		ProcessInstance instance = this.driver.published("示范市城市道路挖掘管理办法", true);
		for (String track : List.of("Government", "Congress")) {
			String t = track.toLowerCase();
			String body = "Government".equals(track) ? PROVINCE : CONGRESS;
			// when: the first filing lacks the drafting explanation
			this.driver.complete(instance, "userTask_fileWith" + track, SECRETARIAT,
					Map.of(t + "FiledOn", "2026-03-02", t + "FilingMaterials", List.of("REPORT", "TEXT")));
			this.driver.complete(instance, "userTask_receive" + track + "Filing", body,
					Map.of(t + "Receipt", "SUPPLEMENT", t + "SupplementRequest", "请补充起草说明和制定依据。"));
			// then: back to the registrar, who files again
			assertThat(instance).task("userTask_fileWith" + track).hasCandidateGroup("gov-office");
			this.driver.complete(instance, "userTask_fileWith" + track, SECRETARIAT, Map.of(t + "FiledOn", "2026-03-02",
					t + "FilingMaterials", List.of("REPORT", "TEXT", "EXPLANATION", "BASIS")));
			this.driver.complete(instance, "userTask_receive" + track + "Filing", body, Map.of(t + "Receipt",
					"REGISTERED", t + "ReceiptNumber", "BA-" + t, t + "ReceivedOn", "2026-03-02"));
			// when: the review asks for a correction; the drafting office amends and
			// re-files
			this.driver.complete(instance, "userTask_review" + track + "Filing", body,
					Map.of(t + "ReviewResult", "CORRECTION", t + "ReviewOpinion", "第九条增设许可条件，缺乏上位法依据。"));
			assertThat(instance).task("userTask_correctFor" + track).hasCandidateGroup("dept-nrp");
			this.driver.complete(instance, "userTask_correctFor" + track, DRAFTER,
					Map.of(t + "CorrectionAction", "AMEND", t + "CorrectionNote", "删除第九条第三项，修改后重新公布。"));
			this.driver.file(instance, track, true);
		}
		// then: both tracks done, the document is in force
		assertThat(instance).isWaitingAt(EVALUATION_STARTS).hasPassed(CORRECT_FOR_GOVERNMENT, CORRECT_FOR_CONGRESS);
		Assertions.assertThat(document(instance).status()).isEqualTo(DocumentStatus.VALID);
	}

	@Test
	@DisplayName("备案审查后废止：另一途径终止，目录中标为废止（政府备案、人大备案各一例）")
	void shouldRepealADocumentOnAFilingBodysOpinion() {
		for (String track : List.of("Congress", "Government")) {
			// given
			ProcessInstance instance = this.driver.published("示范市户外广告设置管理办法（" + track + "）", true);
			String t = track.toLowerCase();
			String body = "Government".equals(track) ? PROVINCE : CONGRESS;
			this.driver.complete(instance, "userTask_fileWith" + track, SECRETARIAT, Map.of(t + "FiledOn", "2026-03-02",
					t + "FilingMaterials", List.of("REPORT", "TEXT", "EXPLANATION", "BASIS")));
			this.driver.complete(instance, "userTask_receive" + track + "Filing", body,
					Map.of(t + "Receipt", "REGISTERED", t + "ReceiptNumber", "BA-1", t + "ReceivedOn", "2026-03-02"));
			this.driver.complete(instance, "userTask_review" + track + "Filing", body,
					Map.of(t + "ReviewResult", "CORRECTION", t + "ReviewOpinion", "设定行政处罚，超越规范性文件权限。"));
			// when: the drafting office repeals it
			this.driver.complete(instance, "userTask_correctFor" + track, DRAFTER,
					Map.of(t + "CorrectionAction", "REPEAL", t + "CorrectionNote", "予以废止。"));
			// then
			assertThat(instance).isEnded().hasPassed(REPEALED_ON_FILING_REVIEW).hasNotPassed(START_VALIDITY);
			NormativeDocument document = document(instance);
			Assertions.assertThat(document.status()).isEqualTo(DocumentStatus.REPEALED);
			Assertions.assertThat(document.statusReason()).contains("备案审查意见废止").contains("予以废止。");
		}
	}

	@Test
	@DisplayName("备案期限：公布后30日届满仍未报送的记录逾期，任务保留；逾期报送后期限显示为超期")
	void shouldRecordALateFiling() {
		// given: published on 2 March, due on 1 April
		ProcessInstance instance = this.driver.published("示范市建筑垃圾管理办法", true);
		// when: nobody files by then; both timers fire on 2 April
		ClockUtil.setCurrentTime(at("2026-04-02T09:00:00+08:00"));
		this.driver.executeJob(instance, GOVERNMENT_FILING_OVERDUE);
		this.driver.executeJob(instance, CONGRESS_FILING_OVERDUE);
		// then: recorded, and the filing tasks stay open
		assertThat(instance).isWaitingAt(FILE_WITH_GOVERNMENT, FILE_WITH_CONGRESS)
			.hasPassed(RECORD_GOVERNMENT_FILING_OVERDUE, RECORD_CONGRESS_FILING_OVERDUE);
		assertThat(instance).variables()
			.containsEntry("governmentFilingOverdue", true)
			.containsEntry("congressFilingOverdue", true);
		Assertions.assertThat(this.taskService.getProcessInstanceComments(instance.getId()))
			.anySatisfy((comment) -> Assertions.assertThat(comment.getFullMessage())
				.contains("逾期未报送备案：应于2026年4月1日前报送示范省人民政府司法厅（备案审查处）备案"));
		// when: filed late
		this.driver.file(instance, "Government", true);
		// then: the period closed overdue
		Assertions
			.assertThat(this.clocks.ofCase(instance.getId())
				.stream()
				.filter((clock) -> "ND_FILING_GOVERNMENT".equals(clock.code()))
				.findFirst()
				.orElseThrow()
				.status())
			.isEqualTo(LegalClock.OVERDUE);
	}

	@Test
	@DisplayName("三个一律：审核不合法 → 修改重新送审（补充材料、征求法律顾问意见、退回重审）→ 修改后合法但未采纳且不说明理由 → 退回 → 说明理由后上会")
	void shouldNotReachTheMeetingWithoutALawfulReviewOrAReasonForIgnoringIt() {
		// given
		ProcessInstance instance = exemptDraft("示范市临时占用城市道路管理办法", "GOVERNMENT");
		// when: the first review finds it unlawful
		this.driver.legalityReview(instance, "UNLAWFUL");
		// then: back to the drafting office, never to the meeting
		assertThat(instance).isWaitingAt(REVISE_DRAFT).hasNotPassed(SUBMIT_FOR_DELIBERATION);
		assertThat(instance).task().hasCandidateGroup("dept-nrp");
		assertThat(instance).variables()
			.hasEntrySatisfying("revisionReasonText",
					(text) -> Assertions.assertThat((String) text).startsWith("合法性审核结论为不合法：第五条设定罚款"));
		this.driver.complete(instance, REVISE_DRAFT, DRAFTER,
				Map.of("revisionAction", "RESUBMIT", "draftText", "删除第五条……", "revisionExplanation", "已删除罚款规定"));
		// when: the second round asks for supplements, consults the legal adviser, is
		// returned once by the head and ends lawful with changes
		ProcessInstance second = this.driver.review(instance);
		Assertions.assertThat(second.getBusinessKey()).isEqualTo(instance.getBusinessKey() + "-LR2");
		this.driver.reviewStep(second, "sunli", Map.of("materialsComplete", "INCOMPLETE", "missingItems", "制定依据原文"));
		this.driver.reviewStep(second, DRAFTER, Map.of("supplementDescription", "已补充制定依据原文"));
		this.driver.reviewStep(second, "sunli", Map.of("materialsComplete", "COMPLETE"));
		this.driver.reviewStep(second, "wujun", Map.of("reviewer", "zhouqiang"));
		this.driver.reviewStep(second, "zhouqiang", Map.of("reviewAction", "CONSULT", "consultees", List.of("hegang"),
				"consultationQuestion", "第七条是否增加了相对人义务？"));
		this.driver.reviewStep(second, "hegang", Map.of("adviserOpinion", "第七条第二款缺乏上位法依据。"));
		this.driver.reviewStep(second, "zhouqiang", NormativeDocumentDriver.opinion("LAWFUL_WITH_CHANGES"));
		this.driver.reviewStep(second, "wujun", Map.of("signOffDecision", "RETURN", "signOffComment", "请写明依据。"));
		this.driver.reviewStep(second, "zhouqiang", NormativeDocumentDriver.opinion("LAWFUL_WITH_CHANGES"));
		this.driver.reviewStep(second, "wujun", Map.of("signOffDecision", "APPROVE"));
		// and: the drafting office adopts only part of the changes and gives no reason
		assertThat(instance).isWaitingAt(ADOPT_LEGALITY_CHANGES);
		this.driver.complete(instance, ADOPT_LEGALITY_CHANGES, DRAFTER,
				Map.of("draftText", "修改稿……", "changesAdopted", "PARTLY"));
		// then: sent back, not to the meeting
		assertThat(instance).isWaitingAt(REVISE_DRAFT).variables().containsEntry("changesIgnored", true);
		assertThat(instance).variables()
			.hasEntrySatisfying("revisionReasonText",
					(text) -> Assertions.assertThat((String) text).contains("部分采纳且未说明理由，退回修改"));
		// when: revised, reviewed again, and this time the reason is stated
		this.driver.complete(instance, REVISE_DRAFT, DRAFTER,
				Map.of("revisionAction", "RESUBMIT", "draftText", "修改稿2", "revisionExplanation", "按审核意见修改"));
		this.driver.legalityReview(instance, "LAWFUL_WITH_CHANGES");
		this.driver.complete(instance, ADOPT_LEGALITY_CHANGES, DRAFTER, Map.of("draftText", "修改稿3", "changesAdopted",
				"PARTLY", "notAdoptedReason", "第七条第二款系执行《……条例》第十二条的规定，予以保留。"));
		// then
		assertThat(instance).isWaitingAt(SUBMIT_FOR_DELIBERATION)
			.variables()
			.containsEntry("legalityRound", 3)
			.containsEntry("changesIgnored", false)
			.containsEntry("changesAdoptedName", "部分采纳");
	}

	@Test
	@DisplayName("集体审议：暂缓 → 再次列入议程修改后再议 → 重新审核 → 不予通过，不予制发")
	void shouldDeferReviseAndRejectAtTheMeeting() {
		// given
		ProcessInstance instance = exemptDraft("示范市夜间施工管理规定", "GOVERNMENT");
		this.driver.legalityReview(instance, "LAWFUL");
		this.driver.complete(instance, SUBMIT_FOR_DELIBERATION, DRAFTER, Map.of("submissionNote", "提请审议"));
		// when: deferred, then sent back for changes
		this.driver.schedule(instance, true);
		this.driver.meeting(instance, true, "DEFERRED");
		assertThat(instance).isWaitingAt(SCHEDULE_MEETING);
		this.driver.schedule(instance, true);
		this.driver.meeting(instance, true, "REVISE");
		assertThat(instance).isWaitingAt(REVISE_DRAFT)
			.variables()
			.hasEntrySatisfying("revisionReasonText",
					(text) -> Assertions.assertThat((String) text).startsWith("集体审议决定修改后再次审议"));
		this.driver.complete(instance, REVISE_DRAFT, DRAFTER,
				Map.of("revisionAction", "RESUBMIT", "draftText", "修改稿", "revisionExplanation", "按会议意见修改"));
		this.driver.legalityReview(instance, "LAWFUL");
		this.driver.approve(instance, true);
		// then (approve() recorded APPROVED): numbered and published
		assertThat(instance).isWaitingAt(REGISTER);
		// given: another document the meeting rejects
		ProcessInstance rejected = exemptDraft("示范市停车泊位共享管理办法", "GOVERNMENT");
		this.driver.legalityReview(rejected, "LAWFUL");
		this.driver.complete(rejected, SUBMIT_FOR_DELIBERATION, DRAFTER, Map.of("submissionNote", "提请审议"));
		this.driver.schedule(rejected, true);
		this.driver.meeting(rejected, true, "REJECTED");
		// then: not issued, no number, nothing in the register
		assertThat(rejected).isEnded()
			.hasPassed(NOT_ISSUED)
			.hasNotPassed(REGISTER)
			.variables()
			.containsEntry("documentOutcome", "REJECTED")
			.doesNotContainKey("documentNumber");
		Assertions.assertThat(this.register.search("示范市停车泊位共享管理办法", null)).isEmpty();
	}

	@Test
	@DisplayName("不予制发：公平竞争审查不得出台的不能继续（拒绝）→ 终止起草；审核不合法后撤回")
	void shouldNotIssueAbandonedOrWithdrawnDrafts() {
		// given: a document touching market activity that restricts competition
		var start = NormativeDocumentDriver.startForm("示范市预拌混凝土企业准入管理办法", "GOVERNMENT");
		start.put("affectsMarket", true);
		ProcessInstance instance = this.driver.start(start);
		var draft = NormativeDocumentDriver.draftForm();
		draft.put("fairCompetitionConclusion", "NOT_COMPLIANT");
		draft.put("fairCompetitionNote", "限定本地企业参与。");
		// when / then: it may not go on
		assertThatThrownBy(() -> this.driver.complete(instance, DRAFT, DRAFTER, draft))
			.isInstanceOf(FormFieldValidationException.class)
			.hasMessageContaining("不得出台（《公平竞争审查条例》第13条）");
		assertThat(instance).isWaitingAt(DRAFT);
		// when: the drafting office ends the drafting
		this.driver.complete(instance, DRAFT, DRAFTER, Map.of("draftingDecision", "ABANDON", "abandonReason",
				"经公平竞争审查不得出台，终止起草。", "fairCompetitionConclusion", "NOT_COMPLIANT", "fairCompetitionNote", "限定本地企业参与。"));
		// then
		assertThat(instance).isEnded().hasPassed(NOT_ISSUED).hasNotPassed(LEGALITY_REVIEW);
		assertThat(instance).variables().containsEntry("documentOutcome", "ABANDONED");
		// given: another draft found unlawful, which the drafting office withdraws
		ProcessInstance withdrawn = exemptDraft("示范市渣土运输车辆管理办法", "DEPARTMENT");
		this.driver.legalityReview(withdrawn, "UNLAWFUL");
		this.driver.complete(withdrawn, REVISE_DRAFT, DRAFTER,
				Map.of("revisionAction", "WITHDRAW", "revisionExplanation", "上位法即将修订，暂不制发。"));
		assertThat(withdrawn).isEnded().hasPassed(NOT_ISSUED).hasNotPassed(SUBMIT_FOR_DELIBERATION);
	}

	@Test
	@DisplayName("有效期：届满前6个月评估 → 继续有效，重新登记、编号、公布（原号失效）→ 再次评估 → 届满自动失效")
	void shouldRenewAfterEvaluationThenLapse() {
		// given: a government document in force until 31 March 2031
		ProcessInstance instance = this.driver.published("示范市城市绿化管理办法", true);
		this.driver.file(instance, "Government", true);
		this.driver.file(instance, "Congress", true);
		NormativeDocument first = document(instance);
		// when: the evaluation opens on 1 October 2030
		ClockUtil.setCurrentTime(at("2030-10-01T09:00:00+08:00"));
		this.driver.executeJob(instance, EVALUATION_STARTS);
		assertThat(instance).isWaitingAt(EVALUATE_VALIDITY).task().hasCandidateGroup("dept-nrp");
		Assertions.assertThat(this.driver.task(instance, EVALUATE_VALIDITY).getDueDate())
			.isEqualTo(at("2031-03-30T23:59:59+08:00"));
		// and: it is to continue: registered, numbered and published again
		this.driver.evaluate(instance, "CONTINUE");
		assertThat(instance).isWaitingAt(REGISTER).task().hasCandidateGroup("gov-office");
		this.driver.register(instance, true);
		this.driver.publish(instance, true, "2030-10-01", "2031-04-01");
		// then: a new number of 2030, the old one lapses, the term restarts
		NormativeDocument renewed = document(instance);
		Assertions.assertThat(renewed.documentNumber()).matches("示政规〔2030〕\\d+号");
		Assertions.assertThat(renewed.previousId()).isEqualTo(first.id());
		Assertions.assertThat(renewed.validUntil()).isEqualTo(LocalDate.of(2036, 3, 31));
		NormativeDocument old = this.register.find(first.id()).orElseThrow();
		Assertions.assertThat(old.status()).isEqualTo(DocumentStatus.EXPIRED);
		Assertions.assertThat(old.statusReason()).contains("重新登记、编号、公布为" + renewed.documentNumber());
		// when: filed again; the next evaluation lets it lapse
		this.driver.file(instance, "Government", true);
		this.driver.file(instance, "Congress", true);
		ClockUtil.setCurrentTime(at("2035-10-01T09:00:00+08:00"));
		this.driver.executeJob(instance, EVALUATION_STARTS);
		this.driver.evaluate(instance, "LAPSE");
		assertThat(instance).isWaitingAt(VALIDITY_ENDS);
		Assertions
			.assertThat(this.managementService.createJobQuery()
				.processInstanceId(instance.getId())
				.activityId(VALIDITY_ENDS)
				.singleResult()
				.getDuedate())
			.isEqualTo(at("2036-04-01T00:00:00+08:00"));
		ClockUtil.setCurrentTime(at("2036-04-01T00:00:01+08:00"));
		this.driver.executeJob(instance, VALIDITY_ENDS);
		// then
		assertThat(instance).isEnded().hasPassed(EXPIRE_DOCUMENT, EXPIRED);
		NormativeDocument lapsed = this.register.find(renewed.id()).orElseThrow();
		Assertions.assertThat(lapsed.status()).isEqualTo(DocumentStatus.EXPIRED);
		Assertions.assertThat(lapsed.statusReason()).isEqualTo("有效期届满（有效期至2036年3月31日）");
	}

	@Test
	@DisplayName("暂行文件：有效期2年，登记时不得更长；评估期内未作评估的，届满自动失效")
	void shouldLetAProvisionalDocumentLapseWhenNobodyEvaluatesIt() {
		// given
		ProcessInstance instance = exemptDraft("示范市城市更新暂行办法", "DEPARTMENT");
		assertThat(instance).variables()
			.containsEntry("provisional", true)
			.containsEntry("validityClock", "ND_VALIDITY_PROVISIONAL");
		this.driver.legalityReview(instance, "LAWFUL");
		this.driver.approve(instance, false);
		// when: the registration asks for three years
		assertThatThrownBy(() -> this.driver.complete(instance, REGISTER, DRAFTER,
				Map.of("signedBy", "李娜", "signedOn", "2026-03-02", "documentText", "正式文本", "validityYears", 3)))
			.isInstanceOf(FormFieldValidationException.class)
			.hasMessageContaining("有效期不得超过2年");
		// then: two years from 1 April 2026
		this.driver.register(instance, false);
		this.driver.publish(instance, false, "2026-03-02", "2026-04-01");
		Assertions.assertThat(document(instance).validUntil()).isEqualTo(LocalDate.of(2028, 3, 31));
		this.driver.file(instance, "Government", false);
		// when: the evaluation opens on 1 October 2027 and nobody evaluates by the end
		ClockUtil.setCurrentTime(at("2027-10-01T09:00:00+08:00"));
		this.driver.executeJob(instance, EVALUATION_STARTS);
		ClockUtil.setCurrentTime(at("2028-04-01T00:00:01+08:00"));
		this.driver.executeJob(instance, EXPIRED_DURING_EVALUATION);
		// then
		assertThat(instance).isEnded().hasPassed(EXPIRE_DOCUMENT).hasNotPassed(VALIDITY_ENDS);
		Assertions.assertThat(document(instance).status()).isEqualTo(DocumentStatus.EXPIRED);
		Assertions
			.assertThat(this.clocks.ofCase(instance.getId())
				.stream()
				.filter((clock) -> "ND_EXPIRY_EVALUATION".equals(clock.code()))
				.findFirst()
				.orElseThrow()
				.status())
			.isEqualTo(LegalClock.OVERDUE);
	}

	@Test
	@DisplayName("评估需要修改 → 修订中 → 原起草单位的修订案件发布 → 原文件废止（被替代），原案件终止")
	void shouldReplaceADocumentByItsRevision() {
		// given
		ProcessInstance instance = departmentalInForce("示范市土地储备管理办法");
		NormativeDocument original = document(instance);
		// when: the evaluation finds it needs changes
		ClockUtil.setCurrentTime(at("2030-10-01T09:00:00+08:00"));
		this.driver.executeJob(instance, EVALUATION_STARTS);
		this.driver.evaluate(instance, "REVISE");
		// then: under revision, still in force until the revision is published
		assertThat(instance).hasPassed(START_REVISION).isWaitingAt(VALIDITY_ENDS);
		Assertions.assertThat(this.register.find(original.id()).orElseThrow().status())
			.isEqualTo(DocumentStatus.UNDER_REVISION);
		String revisionKey = (String) this.runtimeService.getVariable(instance.getId(), "revisionCaseNumber");
		ProcessInstance revision = this.runtimeService.createProcessInstanceQuery()
			.processInstanceBusinessKey(revisionKey)
			.singleResult();
		assertThat(revision).isWaitingAt(DRAFT).task().hasCandidateGroup("dept-nrp");
		assertThat(revision).variables()
			.containsEntry("revisesDocumentId", original.id())
			.containsEntry("documentTitle", "示范市土地储备管理办法")
			.containsEntry("revisesNumber", original.documentNumber());
		// when: the revision is drafted, reviewed, decided and published
		var draft = NormativeDocumentDriver.draftForm();
		draft.put("commentExempt", true);
		draft.put("commentExemptReason", "仅作文字性修改");
		this.driver.complete(revision, DRAFT, DRAFTER, draft);
		this.driver.legalityReview(revision, "LAWFUL");
		this.driver.approve(revision, false);
		this.driver.register(revision, false);
		this.driver.publish(revision, false, "2030-10-01", "2030-11-01");
		// then: the original is repealed (replaced) and its case ends
		NormativeDocument replaced = this.register.find(original.id()).orElseThrow();
		Assertions.assertThat(replaced.status()).isEqualTo(DocumentStatus.REPEALED);
		Assertions.assertThat(replaced.statusReason()).startsWith("已修订，由示自然资规〔2030〕");
		assertThat(instance).isEnded().hasPassed(DOCUMENT_WITHDRAWN).hasNotPassed(EXPIRE_DOCUMENT);
		Assertions.assertThat(document(revision).previousId()).isEqualTo(original.id());
	}

	@Test
	@DisplayName("修订案件终止起草：原文件恢复有效")
	void shouldKeepADocumentInForceWhenItsRevisionIsAbandoned() {
		// given
		ProcessInstance instance = departmentalInForce("示范市测绘成果管理办法");
		long original = document(instance).id();
		ClockUtil.setCurrentTime(at("2030-10-01T09:00:00+08:00"));
		this.driver.executeJob(instance, EVALUATION_STARTS);
		this.driver.evaluate(instance, "REVISE");
		ProcessInstance revision = this.runtimeService.createProcessInstanceQuery()
			.processInstanceBusinessKey(
					(String) this.runtimeService.getVariable(instance.getId(), "revisionCaseNumber"))
			.singleResult();
		// when
		this.driver.complete(revision, DRAFT, DRAFTER,
				Map.of("draftingDecision", "ABANDON", "abandonReason", "上位法未作修改，维持原文件。"));
		// then
		assertThat(revision).isEnded();
		NormativeDocument kept = this.register.find(original).orElseThrow();
		Assertions.assertThat(kept.status()).isEqualTo(DocumentStatus.VALID);
		Assertions.assertThat(kept.statusReason()).contains("修订未完成");
		assertThat(instance).isWaitingAt(VALIDITY_ENDS);
	}

	@Test
	@DisplayName("错误的输入：缺必填项、选项无效、审计人员发起、他人办理、缩短征求意见期限不说明理由、施行早于公布——均被拒绝且不留下数据")
	void shouldRefuseBadInputWithoutLeavingAnything() {
		long before = this.historyService.createHistoricProcessInstanceQuery().count();
		// a required field is missing
		var missing = NormativeDocumentDriver.startForm("示范市……办法", "GOVERNMENT");
		missing.remove("documentTitle");
		assertThatThrownBy(() -> this.driver.start(missing)).isInstanceOf(FormFieldValidationException.class)
			.hasMessageContaining("「文件名称」为必填项");
		// an option that is not offered
		assertThatThrownBy(() -> this.driver.start(NormativeDocumentDriver.startForm("示范市……办法", "PROVINCE")))
			.isInstanceOf(FormFieldValidationException.class)
			.hasMessageContaining("「发布名义」的取值“PROVINCE”不在可选范围内");
		// the auditor may not start anything
		assertThatThrownBy(() -> this.acting.as("hanxue",
				() -> this.process.start(null, NormativeDocumentDriver.startForm("审计不应能起草", "DEPARTMENT"))))
			.isInstanceOf(AuthorizationException.class);
		Assertions.assertThat(this.historyService.createHistoricProcessInstanceQuery().count()).isEqualTo(before);
		// another office may not work on the case
		ProcessInstance instance = this.driver.start(NormativeDocumentDriver.startForm("示范市地名管理办法", "GOVERNMENT"));
		assertThatThrownBy(() -> this.driver.complete(instance, DRAFT, "wangfang", NormativeDocumentDriver.draftForm()))
			.isInstanceOf(AuthorizationException.class);
		// a shortened comment period without a reason, and a notice dated in the future
		this.driver.draft(instance);
		assertThatThrownBy(() -> this.driver.complete(instance, PUBLISH_FOR_COMMENT, DRAFTER,
				Map.of("commentChannels", List.of("WEBSITE"), "commentPublishedOn", "2026-03-02", "commentPeriodDays",
						15, "commentMethods", "电子邮件")))
			.isInstanceOf(FormFieldValidationException.class)
			.hasMessageContaining("「缩短期限的理由」为必填项");
		assertThatThrownBy(() -> this.driver.complete(instance, PUBLISH_FOR_COMMENT, DRAFTER,
				Map.of("commentChannels", List.of("WEBSITE"), "commentPublishedOn", "2026-03-09", "commentPeriodDays",
						30, "commentMethods", "电子邮件")))
			.isInstanceOf(FormFieldValidationException.class)
			.hasMessageContaining("公告发布日期 2026年3月9日 不在近30日内");
		assertThat(instance).isWaitingAt(PUBLISH_FOR_COMMENT);
		Assertions.assertThat(this.clocks.ofCase(instance.getId())).isEmpty();
		// an effective date before publication
		ProcessInstance approved = exemptDraft("示范市门前三包责任制管理办法", "GOVERNMENT");
		this.driver.legalityReview(approved, "LAWFUL");
		this.driver.approve(approved, true);
		this.driver.register(approved, true);
		assertThatThrownBy(() -> this.driver.publish(approved, true, "2026-03-02", "2026-03-01"))
			.isInstanceOf(FormFieldValidationException.class)
			.hasMessageContaining("施行日期不得早于公布日期");
		assertThatThrownBy(() -> this.driver.publish(approved, true, "2026-03-03", "2026-04-01"))
			.isInstanceOf(FormFieldValidationException.class)
			.hasMessageContaining("公布日期应在签发日期");
		assertThat(approved).isWaitingAt(PUBLISH);
		String number = (String) this.runtimeService.getVariable(approved.getId(), "documentNumber");
		Assertions.assertThat(this.register.findByNumber(number)).isEmpty();
	}

	private ProcessInstance exemptDraft(String title, String issuerType) {
		ProcessInstance instance = this.driver.start(NormativeDocumentDriver.startForm(title, issuerType));
		var draft = NormativeDocumentDriver.draftForm();
		draft.put("commentExempt", true);
		draft.put("commentExemptReason", "为应对突发事件需要立即制发。");
		this.driver.complete(instance, DRAFT, DRAFTER, draft);
		return instance;
	}

	/**
	 * A departmental document published on 2 March, in force from 1 April 2026, filed.
	 */
	private ProcessInstance departmentalInForce(String title) {
		ProcessInstance instance = exemptDraft(title, "DEPARTMENT");
		this.driver.legalityReview(instance, "LAWFUL");
		this.driver.approve(instance, false);
		this.driver.register(instance, false);
		this.driver.publish(instance, false, "2026-03-02", "2026-04-01");
		this.driver.file(instance, "Government", false);
		return instance;
	}

	private NormativeDocument document(ProcessInstance instance) {
		long id = ((Number) this.historyService.createHistoricVariableInstanceQuery()
			.processInstanceId(instance.getId())
			.variableName("documentId")
			.singleResult()
			.getValue()).longValue();
		return this.register.find(id).orElseThrow();
	}

	static Date at(String dateTime) {
		return Date.from(OffsetDateTime.parse(dateTime).toInstant());
	}

}
