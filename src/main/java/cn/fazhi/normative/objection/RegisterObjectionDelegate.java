package cn.fazhi.normative.objection;

import java.time.LocalDate;

import cn.fazhi.calendar.CaseClock;
import cn.fazhi.clock.LegalClocks;
import cn.fazhi.directory.Directory;
import cn.fazhi.forms.FormRejections;
import cn.fazhi.normative.NormativeClocks;
import cn.fazhi.normative.register.NormativeDocument;
import cn.fazhi.normative.register.NormativeRegister;
import cn.fazhi.system.CaseNumbers;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.stereotype.Component;

import static cn.fazhi.normative.objection.NormativeObjectionModel.Variables.APPLICANT_TYPE;
import static cn.fazhi.normative.objection.NormativeObjectionModel.Variables.CASE_NUMBER;
import static cn.fazhi.normative.objection.NormativeObjectionModel.Variables.DOCUMENT_ID;
import static cn.fazhi.normative.objection.NormativeObjectionModel.Variables.DOCUMENT_NUMBER;
import static cn.fazhi.normative.objection.NormativeObjectionModel.Variables.ENACTING_OFFICE;
import static cn.fazhi.normative.objection.NormativeObjectionModel.Variables.OBJECTION_SOURCE;
import static cn.fazhi.normative.objection.NormativeObjectionModel.Variables.RECEIVED_ON;
import static cn.fazhi.normative.objection.NormativeObjectionModel.Variables.REVIEW_OFFICE;

/**
 * {@code serviceTask_registerObjection} (登记受理), in the start's transaction: the request
 * names a document of the register still in force (otherwise 400, nothing kept); the
 * receiving office reviews it within {@code ND_OBJECTION_REVIEW} of receipt; the office
 * that drafted the document answers for it; the case gets its number (NDO-yyyy-nnnn).
 */
@Component
class RegisterObjectionDelegate implements JavaDelegate {

	static final String CASE_PREFIX = "NDO";

	private final NormativeRegister register;

	private final Directory directory;

	private final CaseNumbers caseNumbers;

	private final LegalClocks clocks;

	private final CaseClock clock;

	RegisterObjectionDelegate(NormativeRegister register, Directory directory, CaseNumbers caseNumbers,
			LegalClocks clocks, CaseClock clock) {
		this.register = register;
		this.directory = directory;
		this.caseNumbers = caseNumbers;
		this.clocks = clocks;
		this.clock = clock;
	}

	@Override
	public void execute(DelegateExecution execution) {
		// input
		Authentication authentication = Context.getCommandContext().getAuthentication();
		String office = this.directory.officeOf((authentication == null) ? null : authentication.getUserId())
			.orElseThrow(() -> FormRejections.reject(DOCUMENT_NUMBER, "您不属于任何单位，不能受理审查申请"));
		String number = String.valueOf(execution.getVariable(DOCUMENT_NUMBER)).strip();
		LocalDate received = this.clock.parseDate(execution.getVariable(RECEIVED_ON), "收到日期");
		// processing
		NormativeDocument document = this.register.findByNumber(number)
			.orElseThrow(() -> FormRejections.reject(DOCUMENT_NUMBER,
					"规范性文件目录中没有文号或者登记号为“" + number + "”的文件，请核对（见 /public/normative-documents）"));
		if (!document.inForce()) {
			throw FormRejections.reject(DOCUMENT_NUMBER, "《" + document.title() + "》已" + document.status().label() + "（"
					+ document.statusReason() + "），不再作为行政管理依据，无需审查");
		}
		if (received.isAfter(this.clock.today())) {
			throw FormRejections.reject(RECEIVED_ON, "收到日期不得晚于今天");
		}
		String caseNumber = this.caseNumbers.next(CASE_PREFIX, this.clock.today().getYear());
		execution.setProcessBusinessKey(caseNumber);
		// output
		execution.setVariable(CASE_NUMBER, caseNumber);
		execution.setVariable(DOCUMENT_ID, document.id());
		execution.setVariable(DOCUMENT_NUMBER, document.documentNumber());
		execution.setVariable("documentTitle", document.title());
		execution.setVariable("documentIssuerName", document.issuerName());
		execution.setVariable(REVIEW_OFFICE, office);
		execution.setVariable(ENACTING_OFFICE, document.draftingOffice());
		execution.setVariable("applicantTypeName",
				ObjectionLabels.name(ObjectionLabels.APPLICANT_TYPE, execution.getVariable(APPLICANT_TYPE)));
		execution.setVariable("objectionSourceName",
				ObjectionLabels.name(ObjectionLabels.SOURCE, execution.getVariable(OBJECTION_SOURCE)));
		execution.setVariable("receivedOnText", CaseClock.text(received));
		this.clocks.mirror(this.clocks.start(execution, NormativeClocks.OBJECTION_REVIEW, received), execution,
				"objectionDue");
	}

}
