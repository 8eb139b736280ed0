package cn.fazhi.decision;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import cn.fazhi.calendar.CaseClock;
import cn.fazhi.clock.LegalClocks;
import cn.fazhi.decision.DecisionRules.Rules;
import cn.fazhi.decision.catalog.CatalogEntry;
import cn.fazhi.decision.catalog.CatalogEntryBusyException;
import cn.fazhi.decision.catalog.DecisionCatalog;
import cn.fazhi.decision.catalog.DecisionCategory;
import cn.fazhi.directory.Directory;
import cn.fazhi.forms.FormRejections;
import cn.fazhi.system.CaseNumbers;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import static cn.fazhi.decision.MajorDecisionModel.Variables.AD_HOC_REASON;
import static cn.fazhi.decision.MajorDecisionModel.Variables.AFFECTS_ENTERPRISES;
import static cn.fazhi.decision.MajorDecisionModel.Variables.CASE_NUMBER;
import static cn.fazhi.decision.MajorDecisionModel.Variables.CATALOG_ENTRY_ID;
import static cn.fazhi.decision.MajorDecisionModel.Variables.CATEGORY;
import static cn.fazhi.decision.MajorDecisionModel.Variables.COMMENT_MIN_DAYS;
import static cn.fazhi.decision.MajorDecisionModel.Variables.DECISION_TITLE;
import static cn.fazhi.decision.MajorDecisionModel.Variables.EVALUATION_TRIGGERED;
import static cn.fazhi.decision.MajorDecisionModel.Variables.EXPERT_REVIEW_REQUIRED;
import static cn.fazhi.decision.MajorDecisionModel.Variables.HEARING_MATERIALS_MIN_DAYS;
import static cn.fazhi.decision.MajorDecisionModel.Variables.HEARING_REQUIRED;
import static cn.fazhi.decision.MajorDecisionModel.Variables.JURISDICTION;
import static cn.fazhi.decision.MajorDecisionModel.Variables.LEAD_OFFICE;
import static cn.fazhi.decision.MajorDecisionModel.Variables.PARTY_REPORT_REQUIRED;
import static cn.fazhi.decision.MajorDecisionModel.Variables.POST_EVALUATION_REQUIRED;
import static cn.fazhi.decision.MajorDecisionModel.Variables.PROPOSAL_SOURCE;
import static cn.fazhi.decision.MajorDecisionModel.Variables.RISK_ASSESSMENT_REQUIRED;
import static cn.fazhi.decision.MajorDecisionModel.Variables.START_BASIS;

/**
 * {@code serviceTask_registerDecision} (登记决策事项), in the transaction of the start: a
 * refusal here means nothing of the case is stored.
 * <ul>
 * <li>a catalogue matter (第3条第3款) takes its title, category and required steps from the
 * catalogue entry and is linked to it — a second decision for an entry while one runs is
 * refused with 409;</li>
 * <li>a matter outside the catalogue needs a reason, and only where the jurisdiction's
 * rules allow it ({@code major-decision-rules});</li>
 * <li>the case gets its number (案号, the business key) unless the client gave one.</li>
 * </ul>
 */
@Component
class RegisterDecisionDelegate implements JavaDelegate {

	static final String CASE_PREFIX = "MD";

	private final Directory directory;

	private final DecisionCatalog catalog;

	private final DecisionRules rules;

	private final CaseNumbers caseNumbers;

	private final CaseClock clock;

	private final LegalClocks clocks;

	private final String jurisdiction;

	RegisterDecisionDelegate(Directory directory, DecisionCatalog catalog, DecisionRules rules, CaseNumbers caseNumbers,
			CaseClock clock, LegalClocks clocks, @Value("${fazhi.jurisdiction:national}") String jurisdiction) {
		this.directory = directory;
		this.catalog = catalog;
		this.rules = rules;
		this.caseNumbers = caseNumbers;
		this.clock = clock;
		this.clocks = clocks;
		this.jurisdiction = jurisdiction;
	}

	@Override
	public void execute(DelegateExecution execution) {
		// input
		String proposer = currentUser();
		String office = this.directory.officeOf(proposer)
			.orElseThrow(() -> FormRejections.reject(START_BASIS, "您不属于任何单位，不能以单位名义提出决策建议；请联系系统管理员在组织目录中设置您的单位"));
		String deploymentId = ((ExecutionEntity) execution).getProcessDefinition().getDeploymentId();
		Rules rules = this.rules.evaluate(deploymentId, this.jurisdiction);
		String caseNumber = caseNumber(execution);
		// processing
		if ("CATALOG".equals(execution.getVariable(START_BASIS))) {
			fromCatalog(execution, office, caseNumber);
		}
		else {
			adHoc(execution, rules);
		}
		// output
		execution.setVariable(CASE_NUMBER, caseNumber);
		execution.setVariable(JURISDICTION, this.jurisdiction);
		execution.setVariable(LEAD_OFFICE, office);
		execution.setVariable("leadOfficeName", this.directory.officeName(office));
		execution.setVariable("proposingOffice", office);
		execution.setVariable("proposingOfficeName", this.directory.officeName(office));
		execution.setVariable("proposedBy", proposer);
		execution.setVariable("proposedByName", this.directory.displayName(proposer));
		execution.setVariable("proposedAt", this.clock.now());
		execution.setVariable("proposedAtText", CaseClock.text(this.clock.today()));
		execution.setVariable("startBasisName",
				DecisionLabels.name(DecisionLabels.START_BASIS, execution.getVariable(START_BASIS)));
		execution.setVariable("proposalSourceName",
				DecisionLabels.name(DecisionLabels.PROPOSAL_SOURCE, execution.getVariable(PROPOSAL_SOURCE)));
		execution.setVariable("categoryName",
				DecisionCategory.valueOf((String) execution.getVariable(CATEGORY)).label());
		execution.setVariable(COMMENT_MIN_DAYS, this.clocks.rule(execution, DecisionClocks.COMMENT_PERIOD).length());
		execution.setVariable(HEARING_MATERIALS_MIN_DAYS,
				this.clocks.rule(execution, DecisionClocks.HEARING_MATERIALS).length());
		for (String flag : List.of(HEARING_REQUIRED, EXPERT_REVIEW_REQUIRED, RISK_ASSESSMENT_REQUIRED,
				AFFECTS_ENTERPRISES, POST_EVALUATION_REQUIRED, EVALUATION_TRIGGERED)) {
			execution.setVariable(flag, Boolean.TRUE.equals(execution.getVariable(flag)));
		}
		execution.setVariable(PARTY_REPORT_REQUIRED,
				!Boolean.FALSE.equals(execution.getVariable(PARTY_REPORT_REQUIRED)));
		execution.setVariable("requiredStepsText", requiredSteps(execution));
	}

	private void fromCatalog(DelegateExecution execution, String office, String caseNumber) {
		Object id = execution.getVariable(CATALOG_ENTRY_ID);
		Optional<CatalogEntry> found = (id instanceof Number number) ? this.catalog.find(number.longValue())
				: Optional.empty();
		CatalogEntry entry = found.orElseThrow(
				() -> FormRejections.reject(CATALOG_ENTRY_ID, "决策事项目录中没有编号为“" + id + "”的事项，请核对政府网站公布的《重大行政决策事项目录》"));
		if (!entry.leadOffice().equals(office)) {
			throw FormRejections.reject(CATALOG_ENTRY_ID, "目录事项“" + entry.title() + "”的承办单位是" + entry.leadOfficeName()
					+ "，应由该单位提出；您所在单位是" + this.directory.officeName(office));
		}
		try {
			this.catalog.startDecision(entry.id(), caseNumber, execution.getProcessInstanceId());
		}
		catch (CatalogEntryBusyException ex) {
			throw FormRejections.conflict(CATALOG_ENTRY_ID, ex.getMessage());
		}
		execution.setVariable(CATALOG_ENTRY_ID, entry.id());
		execution.setVariable(DECISION_TITLE, entry.title());
		execution.setVariable(CATEGORY, entry.category().name());
		execution.setVariable(HEARING_REQUIRED, entry.hearingRequired());
		execution.setVariable(EXPERT_REVIEW_REQUIRED, entry.expertReviewRequired());
		execution.setVariable(RISK_ASSESSMENT_REQUIRED, entry.riskAssessmentRequired());
		execution.setVariable("catalogYear", entry.year());
	}

	private static void adHoc(DelegateExecution execution, Rules rules) {
		if (!rules.adHocAllowed()) {
			throw FormRejections.reject(START_BASIS, "本辖区实行年度重大行政决策事项目录管理，目录外事项应当先报请调整目录，再以目录事项启动");
		}
		Object reason = execution.getVariable(AD_HOC_REASON);
		if (reason == null || reason.toString().isBlank()) {
			throw FormRejections.reject(AD_HOC_REASON, "目录外事项应当说明启动理由");
		}
		try {
			DecisionCategory.valueOf(String.valueOf(execution.getVariable(CATEGORY)));
		}
		catch (IllegalArgumentException ex) {
			throw FormRejections.reject(CATEGORY, "请选择决策事项类别");
		}
		execution.removeVariable(CATALOG_ENTRY_ID);
	}

	private String caseNumber(DelegateExecution execution) {
		String given = execution.getProcessBusinessKey();
		if (given != null && !given.isBlank()) {
			return given;
		}
		String generated = this.caseNumbers.next(CASE_PREFIX, this.clock.today().getYear());
		execution.setProcessBusinessKey(generated);
		return generated;
	}

	private static String requiredSteps(DelegateExecution execution) {
		List<String> steps = new ArrayList<>(List.of("公众参与（公开征求意见）"));
		if (Boolean.TRUE.equals(execution.getVariable(HEARING_REQUIRED))) {
			steps.add("听证会");
		}
		if (Boolean.TRUE.equals(execution.getVariable(AFFECTS_ENTERPRISES))) {
			steps.add("听取企业意见、公平竞争审查");
		}
		if (Boolean.TRUE.equals(execution.getVariable(EXPERT_REVIEW_REQUIRED))) {
			steps.add("专家论证");
		}
		if (Boolean.TRUE.equals(execution.getVariable(RISK_ASSESSMENT_REQUIRED))) {
			steps.add("风险评估");
		}
		steps.add("合法性审查");
		steps.add("集体讨论决定");
		if (!Boolean.FALSE.equals(execution.getVariable(PARTY_REPORT_REQUIRED))) {
			steps.add("向党委请示报告");
		}
		steps.add("决策公布");
		return String.join("、", steps);
	}

	private static String currentUser() {
		Authentication authentication = Context.getCommandContext().getAuthentication();
		return (authentication == null) ? null : authentication.getUserId();
	}

}
