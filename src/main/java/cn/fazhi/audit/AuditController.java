package cn.fazhi.audit;

import java.nio.charset.StandardCharsets;
import java.util.List;

import cn.fazhi.audit.chain.AuditChain;
import cn.fazhi.audit.chain.VerificationReport;
import cn.fazhi.audit.compliance.ComplianceCheck;
import cn.fazhi.audit.compliance.ComplianceReport;
import cn.fazhi.system.web.ApiException;

import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The auditor's API (审计回溯): read-only views of a case's complete history, its check
 * against the statutory rules, and the check that it is the history the audit chain
 * recorded. Who may see which case is decided by {@link AuditCases}; nothing here changes
 * anything.
 */
@RestController
@RequestMapping("/api/audit")
class AuditController {

	private final AuditCases cases;

	private final CaseReplay replay;

	private final AuditChain chain;

	private final ComplianceCheck compliance;

	private final ComplianceBatch batch;

	private final DeployedModels models;

	private final CaseSearch search;

	AuditController(AuditCases cases, CaseReplay replay, AuditChain chain, ComplianceCheck compliance,
			ComplianceBatch batch, DeployedModels models, CaseSearch search) {
		this.cases = cases;
		this.replay = replay;
		this.chain = chain;
		this.compliance = compliance;
		this.batch = batch;
		this.models = models;
		this.search = search;
	}

	/**
	 * Cases by procedure ({@code major-decision}, {@code legality-review},
	 * {@code reconsideration}, {@code normative-document}), office, year started, status
	 * ({@code RUNNING} | {@code COMPLETED}) and overdue mark; newest first, at most 200.
	 */
	@GetMapping("/cases")
	List<CaseSearch.Found> search(@RequestParam(required = false) String procedure,
			@RequestParam(required = false) String office, @RequestParam(required = false) Integer year,
			@RequestParam(required = false) String status, @RequestParam(required = false) Boolean overdue) {
		return this.search.search(blankToNull(procedure), blankToNull(office), year, blankToNull(status), overdue);
	}

	private static String blankToNull(String value) {
		return (value == null || value.isBlank()) ? null : value.strip();
	}

	/** The case's complete timeline, with the cases it called nested in their steps. */
	@GetMapping("/cases/{businessKey}")
	CaseTimeline replay(@PathVariable String businessKey) {
		return this.replay.replay(this.cases.visible(businessKey).getId());
	}

	/** The BPMN model the case ran on, as deployed (the auditor pages draw it). */
	@GetMapping("/cases/{businessKey}/model")
	ResponseEntity<byte[]> model(@PathVariable String businessKey) {
		HistoricProcessInstance theCase = this.cases.visible(businessKey);
		return ResponseEntity.ok()
			.contentType(new MediaType("application", "xml", StandardCharsets.UTF_8))
			.body(this.models.bpmn(theCase.getProcessDefinitionId()));
	}

	/**
	 * The case checked against every machine-checkable rule of its procedure, with the
	 * reviews it called.
	 */
	@GetMapping("/cases/{businessKey}/compliance")
	ComplianceReport compliance(@PathVariable String businessKey) {
		HistoricProcessInstance theCase = this.cases.visible(businessKey);
		return this.compliance.check(this.replay.replay(theCase.getId()), root(theCase));
	}

	/** Every case of a year (and lead office), each with its failed rules. */
	@GetMapping("/compliance")
	ComplianceBatch.BatchCompliance complianceOfYear(@RequestParam(required = false) String year,
			@RequestParam(required = false) String office) {
		if (year == null || year.isBlank()) {
			throw ApiException.badRequest("year", "缺少必填参数 year（年份），如 year=2026");
		}
		return this.batch.check(year, office);
	}

	/**
	 * Recomputes the audit chain against the current history: of one case (its whole
	 * decision, with the reviews it called: they share one chain) for anyone who may see
	 * the case, or of the whole database for auditors and administrators.
	 */
	@GetMapping("/verify")
	VerificationReport verify(@RequestParam(required = false) String businessKey) {
		if (businessKey == null || businessKey.isBlank()) {
			if (!this.cases.seesEverything()) {
				throw new ApiException(HttpStatus.FORBIDDEN, null, "只有审计监督人员和系统管理员可以核验全部审计链；核验单个案件请提供案号参数 businessKey");
			}
			return this.chain.verifyAll();
		}
		HistoricProcessInstance theCase = this.cases.visible(businessKey.strip());
		return this.chain.verifyCase(root(theCase), theCase.getBusinessKey());
	}

	/** The root of a case's chain: itself, or the decision that called it. */
	private static String root(HistoricProcessInstance theCase) {
		return (theCase.getRootProcessInstanceId() == null) ? theCase.getId() : theCase.getRootProcessInstanceId();
	}

}
