package cn.fazhi.normative;

import cn.fazhi.calendar.CaseClock;
import cn.fazhi.clock.DeadlineRule;
import cn.fazhi.clock.LegalClocks;
import cn.fazhi.directory.Directory;
import cn.fazhi.forms.FormRejections;
import cn.fazhi.normative.register.NormativeDocument;
import cn.fazhi.normative.register.NormativeRegister;
import cn.fazhi.system.CaseNumbers;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import static cn.fazhi.normative.NormativeDocumentModel.Variables.AFFECTS_MARKET;
import static cn.fazhi.normative.NormativeDocumentModel.Variables.CASE_NUMBER;
import static cn.fazhi.normative.NormativeDocumentModel.Variables.COMMENT_MIN_DAYS;
import static cn.fazhi.normative.NormativeDocumentModel.Variables.DOCUMENT_TITLE;
import static cn.fazhi.normative.NormativeDocumentModel.Variables.DRAFTING_OFFICE;
import static cn.fazhi.normative.NormativeDocumentModel.Variables.ISSUER;
import static cn.fazhi.normative.NormativeDocumentModel.Variables.ISSUER_NAME;
import static cn.fazhi.normative.NormativeDocumentModel.Variables.ISSUER_TYPE;
import static cn.fazhi.normative.NormativeDocumentModel.Variables.JURISDICTION;
import static cn.fazhi.normative.NormativeDocumentModel.Variables.PROVISIONAL;
import static cn.fazhi.normative.NormativeDocumentModel.Variables.REVISES_DOCUMENT_ID;
import static cn.fazhi.normative.NormativeDocumentModel.Variables.VALIDITY_CLOCK;

/**
 * {@code serviceTask_registerDraft} (登记起草事项), in the transaction of the start: the
 * drafting office is the starter's (for a revision, the office that drafted the revised
 * document); the issuing body is the government or that office; 暂行/试行 in the title
 * selects the shorter validity rule; the case gets its number (ND-yyyy-nnnn).
 */
@Component
class RegisterNormativeDraftDelegate implements JavaDelegate {

	static final String CASE_PREFIX = "ND";

	private final Directory directory;

	private final NormativeRegister register;

	private final CaseNumbers caseNumbers;

	private final CaseClock clock;

	private final LegalClocks clocks;

	private final String jurisdiction;

	RegisterNormativeDraftDelegate(Directory directory, NormativeRegister register, CaseNumbers caseNumbers,
			CaseClock clock, LegalClocks clocks, @Value("${fazhi.jurisdiction:national}") String jurisdiction) {
		this.directory = directory;
		this.register = register;
		this.caseNumbers = caseNumbers;
		this.clock = clock;
		this.clocks = clocks;
		this.jurisdiction = jurisdiction;
	}

	@Override
	public void execute(DelegateExecution execution) {
		// input
		String starter = currentUser();
		String office = draftingOffice(execution, starter);
		String title = (String) execution.getVariable(DOCUMENT_TITLE);
		boolean government = "GOVERNMENT".equals(execution.getVariable(ISSUER_TYPE));
		// processing
		boolean provisional = title.contains("暂行") || title.contains("试行");
		String validityClock = provisional ? NormativeClocks.VALIDITY_PROVISIONAL : NormativeClocks.VALIDITY;
		String caseNumber = caseNumber(execution);
		// output
		execution.setVariable(CASE_NUMBER, caseNumber);
		execution.setVariable(JURISDICTION, this.jurisdiction);
		execution.setVariable(DRAFTING_OFFICE, office);
		execution.setVariable("draftingOfficeName", this.directory.officeName(office));
		execution.setVariable(ISSUER, government ? this.directory.document().government().id() : office);
		execution.setVariable(ISSUER_NAME,
				government ? this.directory.document().government().name() : this.directory.officeName(office));
		execution.setVariable("issuerTypeName",
				NormativeLabels.name(NormativeLabels.ISSUER_TYPE, execution.getVariable(ISSUER_TYPE)));
		execution.setVariable(AFFECTS_MARKET, Boolean.TRUE.equals(execution.getVariable(AFFECTS_MARKET)));
		execution.setVariable(PROVISIONAL, provisional);
		execution.setVariable(VALIDITY_CLOCK, validityClock);
		DeadlineRule validity = this.clocks.rule(execution, validityClock);
		execution.setVariable("validityRuleText",
				validity.name() + validity.lengthText() + "（" + validity.article() + "）");
		execution.setVariable(COMMENT_MIN_DAYS, this.clocks.rule(execution, NormativeClocks.COMMENT_PERIOD).length());
		execution.setVariable("startedBy", starter);
		execution.setVariable("startedByName", this.directory.displayName(starter));
		execution.setVariable("startedAtText", CaseClock.text(this.clock.today()));
	}

	private String draftingOffice(DelegateExecution execution, String starter) {
		if (execution.getVariable(REVISES_DOCUMENT_ID) instanceof Number revised) {
			NormativeDocument document = this.register.find(revised.longValue())
				.orElseThrow(() -> FormRejections.reject(REVISES_DOCUMENT_ID, "规范性文件目录中没有编号为 " + revised + " 的文件"));
			execution.setVariable("revisesNumber", document.documentNumber());
			return document.draftingOffice();
		}
		return this.directory.officeOf(starter)
			.orElseThrow(() -> FormRejections.reject(ISSUER_TYPE, "您不属于任何单位，不能以单位名义起草规范性文件；请联系系统管理员在组织目录中设置您的单位"));
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

	private static String currentUser() {
		Authentication authentication = Context.getCommandContext().getAuthentication();
		return (authentication == null) ? null : authentication.getUserId();
	}

}
