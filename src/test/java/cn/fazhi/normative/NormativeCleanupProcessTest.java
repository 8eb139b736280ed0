package cn.fazhi.normative;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;

import cn.fazhi.forms.FormRejections.FormConflictException;
import cn.fazhi.legalreview.LegalityReviewProcess;
import cn.fazhi.normative.cleanup.NormativeCleanupProcess;
import cn.fazhi.normative.register.CleanupResults;
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

import static cn.fazhi.normative.cleanup.NormativeCleanupModel.Elements.APPLY_RESULTS;
import static cn.fazhi.normative.cleanup.NormativeCleanupModel.Elements.PROPOSE_OUTCOME;
import static cn.fazhi.normative.cleanup.NormativeCleanupModel.Elements.PUBLISHED;
import static cn.fazhi.normative.cleanup.NormativeCleanupModel.Elements.PUBLISH_RESULTS;
import static cn.fazhi.normative.cleanup.NormativeCleanupModel.Elements.REVIEW_RESULTS;
import static cn.fazhi.normative.cleanup.NormativeCleanupModel.Elements.SELECT_DOCUMENTS;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;

/**
 * A cleanup campaign (清理) over many documents at once, run as the directory's demo
 * people: 孙丽 (司法局) organises it, the drafting office proposes each document's outcome, 陈静
 * (市政府办公室) publishes the results; the register, the documents' own cases and the
 * published result list follow. The engine clock stands on Monday 2 March 2026.
 */
@SpringBootTest
@ActiveProfiles("test")
@Import(SatelliteCoverageConfiguration.class)
@DisplayName("行政规范性文件清理 normative-document-cleanup")
class NormativeCleanupProcessTest {

	static final String ORGANISER = "sunli";

	@Autowired
	ProcessEngine engine;

	@Autowired
	NormativeCleanupProcess cleanup;

	@Autowired
	NormativeDocumentProcess process;

	@Autowired
	LegalityReviewProcess review;

	@Autowired
	NormativeRegister register;

	@Autowired
	CleanupResults results;

	@Autowired
	DocumentLifecycle lifecycle;

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
	@DisplayName("专项清理：四件文件分别继续有效、修改、废止、宣布失效 → 审核汇总 → 统一公布 → 目录更新，修订启动，结果公开")
	void shouldCarryOutACampaignOverManyDocuments() {
		// given: four documents of the natural resources bureau in force
		List<ProcessInstance> cases = new ArrayList<>();
		for (String title : List.of("示范市土地复垦管理办法", "示范市耕地占补平衡管理办法", "示范市临时用地管理办法", "示范市农村宅基地审批办法")) {
			cases.add(this.documents.inForce(title + "（清理" + System.nanoTime() + "）"));
		}
		List<NormativeDocument> targets = cases.stream().map(this::document).toList();
		// when: the justice bureau starts a special cleanup and chooses them
		ProcessInstance campaign = start("关于开展涉及营商环境的规范性文件专项清理");
		Assertions.assertThat(campaign.getBusinessKey()).matches("NDC-2026-\\d{4}");
		assertThat(campaign).isWaitingAt(SELECT_DOCUMENTS).task().hasCandidateGroup("justice-bureau");
		String options = this.runtimeService.getVariable(campaign.getId(), "documentOptions").toString();
		targets.forEach((document) -> Assertions.assertThat(options).contains(Long.toString(document.id())));
		complete(campaign, SELECT_DOCUMENTS, ORGANISER, Map.of("documents", ids(targets), "scopeNote", "四件文件"));
		// then: one proposal per document, each routed to its drafting office
		List<Task> proposals = this.taskService.createTaskQuery()
			.processInstanceId(campaign.getId())
			.taskDefinitionKey(PROPOSE_OUTCOME)
			.list();
		Assertions.assertThat(proposals).hasSize(4);
		assertThat(proposals.get(0)).hasCandidateGroup("dept-nrp");
		// when: the drafting office proposes keep, revise, repeal and declare invalid
		List<String> decisions = List.of("KEEP", "REVISE", "REPEAL", "DECLARE_INVALID");
		for (Task proposal : proposals) {
			String number = (String) this.taskService.getVariableLocal(proposal.getId(), "cleanupDocumentNumber");
			int index = targets.stream().map(NormativeDocument::documentNumber).toList().indexOf(number);
			this.acting.as("zhangwei", () -> this.cleanup.submit(proposal.getId(),
					Map.of("cleanupDecision", decisions.get(index), "cleanupReason", "理由" + index)));
		}
		// and: the justice bureau reviews the list, the secretariat publishes it
		assertThat(campaign).isWaitingAt(REVIEW_RESULTS);
		Assertions.assertThat((String) this.runtimeService.getVariable(campaign.getId(), "cleanupResultsText"))
			.contains("**继续有效**", "**修改**", "**废止**", "**宣布失效**");
		complete(campaign, REVIEW_RESULTS, ORGANISER, Map.of("cleanupSummary", "同意", "governmentApproved", true));
		assertThat(campaign).isWaitingAt(PUBLISH_RESULTS).task().hasCandidateGroup("gov-office");
		complete(campaign, PUBLISH_RESULTS, "chenjing",
				Map.of("resultChannels", List.of("GAZETTE", "WEBSITE"), "resultsPublishedOn", "2026-03-02"));
		// then: the register follows the list
		assertThat(campaign).isEnded().hasPassed(APPLY_RESULTS, PUBLISHED);
		Assertions.assertThat(status(targets.get(0))).isEqualTo(DocumentStatus.VALID);
		Assertions.assertThat(status(targets.get(1))).isEqualTo(DocumentStatus.UNDER_REVISION);
		Assertions.assertThat(status(targets.get(2))).isEqualTo(DocumentStatus.REPEALED);
		Assertions.assertThat(status(targets.get(3))).isEqualTo(DocumentStatus.EXPIRED);
		Assertions.assertThat(this.register.find(targets.get(2).id()).orElseThrow().statusReason())
			.startsWith("经关于开展涉及营商环境的规范性文件专项清理（" + campaign.getBusinessKey() + "）废止：理由2");
		// and: repealed and invalid documents' cases end, the kept and revised ones go on
		assertThat(cases.get(0)).isNotEnded();
		assertThat(cases.get(1)).isNotEnded();
		assertThat(cases.get(2)).isEnded();
		assertThat(cases.get(3)).isEnded();
		Assertions
			.assertThat(this.runtimeService.createProcessInstanceQuery()
				.processDefinitionKey(NormativeDocumentModel.PROCESS_KEY)
				.variableValueEquals("revisesDocumentId", targets.get(1).id())
				.count())
			.isEqualTo(1);
		// and: the result list is public
		var published = this.results.published()
			.stream()
			.filter((list) -> list.title().equals("关于开展涉及营商环境的规范性文件专项清理"))
			.findFirst()
			.orElseThrow();
		Assertions.assertThat(published.results())
			.extracting(CleanupResults.Result::decisionName)
			.containsExactlyInAnyOrder("继续有效", "修改", "废止", "宣布失效");
	}

	@Test
	@DisplayName("错误的输入：未选文件、公布日期在将来、文件在公布前已被废止——拒绝（400 / 409），不留下数据")
	void shouldRefuseBadCampaignsWithoutLeavingAnything() {
		// given
		ProcessInstance documentCase = this.documents.inForce("示范市地籍调查管理办法（清理" + System.nanoTime() + "）");
		NormativeDocument target = document(documentCase);
		ProcessInstance campaign = start("2026年度规范性文件定期清理");
		// when / then: no document chosen
		assertThatThrownBy(() -> complete(campaign, SELECT_DOCUMENTS, ORGANISER, Map.of("documents", List.of())))
			.isInstanceOf(FormFieldValidationException.class)
			.hasMessageContaining("「清理的文件」为必填项");
		complete(campaign, SELECT_DOCUMENTS, ORGANISER, Map.of("documents", ids(List.of(target))));
		complete(campaign, PROPOSE_OUTCOME, "zhangwei", Map.of("cleanupDecision", "REPEAL", "cleanupReason", "上位法已废止"));
		complete(campaign, REVIEW_RESULTS, ORGANISER, Map.of("cleanupSummary", "同意", "governmentApproved", true));
		// a publication date in the future
		assertThatThrownBy(() -> complete(campaign, PUBLISH_RESULTS, "chenjing",
				Map.of("resultChannels", List.of("WEBSITE"), "resultsPublishedOn", "2026-03-09")))
			.isInstanceOf(FormFieldValidationException.class)
			.hasMessageContaining("公布日期不得晚于今天");
		// the document was repealed by another case meanwhile
		this.lifecycle.repeal(target.id(), "经审查申请废止", "documentId");
		assertThatThrownBy(() -> complete(campaign, PUBLISH_RESULTS, "chenjing",
				Map.of("resultChannels", List.of("WEBSITE"), "resultsPublishedOn", "2026-03-02")))
			.isInstanceOf(FormConflictException.class)
			.hasMessageContaining("当前状态为“废止”，已不再有效，不能废止");
		assertThat(campaign).isWaitingAt(PUBLISH_RESULTS);
		Assertions.assertThat(this.results.published()).noneMatch((list) -> list.title().equals("2026年度规范性文件定期清理"));
		Assertions.assertThat(this.register.find(target.id()).orElseThrow().statusReason()).isEqualTo("经审查申请废止");
	}

	private ProcessInstance start(String title) {
		return this.acting.as(ORGANISER, () -> this.cleanup
			.start(Map.of("campaignTitle", title, "cleanupTrigger", "SPECIAL", "cleanupBasis", "按照上级部署……")));
	}

	private void complete(ProcessInstance instance, String taskKey, String user, Map<String, Object> form) {
		Task task = this.taskService.createTaskQuery()
			.processInstanceId(instance.getId())
			.taskDefinitionKey(taskKey)
			.singleResult();
		this.acting.as(user, () -> this.cleanup.submit(task.getId(), form));
	}

	private static List<String> ids(List<NormativeDocument> documents) {
		return documents.stream().map((document) -> Long.toString(document.id())).toList();
	}

	private DocumentStatus status(NormativeDocument document) {
		return this.register.find(document.id()).orElseThrow().status();
	}

	private NormativeDocument document(ProcessInstance instance) {
		long id = ((Number) this.runtimeService.getVariable(instance.getId(), "documentId")).longValue();
		return this.register.find(id).orElseThrow();
	}

}
