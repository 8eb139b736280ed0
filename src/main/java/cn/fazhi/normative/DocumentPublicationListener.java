package cn.fazhi.normative;

import java.time.LocalDate;

import cn.fazhi.calendar.CaseClock;
import cn.fazhi.clock.LegalClocks;
import cn.fazhi.directory.Directory;
import cn.fazhi.forms.FormRejections;
import cn.fazhi.normative.register.NewDocument;
import cn.fazhi.normative.register.NormativeRegister;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

import static cn.fazhi.normative.NormativeDocumentModel.Variables.DOCUMENT_ID;
import static cn.fazhi.normative.NormativeDocumentModel.Variables.DOCUMENT_NUMBER;
import static cn.fazhi.normative.NormativeDocumentModel.Variables.DOCUMENT_OUTCOME;
import static cn.fazhi.normative.NormativeDocumentModel.Variables.DOCUMENT_TITLE;
import static cn.fazhi.normative.NormativeDocumentModel.Variables.DRAFTING_OFFICE;
import static cn.fazhi.normative.NormativeDocumentModel.Variables.EFFECTIVE_DATE;
import static cn.fazhi.normative.NormativeDocumentModel.Variables.ISSUER;
import static cn.fazhi.normative.NormativeDocumentModel.Variables.ISSUER_NAME;
import static cn.fazhi.normative.NormativeDocumentModel.Variables.PROVISIONAL;
import static cn.fazhi.normative.NormativeDocumentModel.Variables.PUBLICATION_CHANNELS;
import static cn.fazhi.normative.NormativeDocumentModel.Variables.PUBLISHED_ON;
import static cn.fazhi.normative.NormativeDocumentModel.Variables.REGISTRATION_NUMBER;
import static cn.fazhi.normative.NormativeDocumentModel.Variables.REVISES_DOCUMENT_ID;
import static cn.fazhi.normative.NormativeDocumentModel.Variables.ROUTING;
import static cn.fazhi.normative.NormativeDocumentModel.Variables.VALIDITY_CLOCK;
import static cn.fazhi.normative.NormativeDocumentModel.Variables.VALIDITY_LENGTH;
import static cn.fazhi.normative.NormativeDocumentModel.Variables.VALID_UNTIL;

/**
 * {@code userTask_publish} (统一发布), event {@code complete}: published today or before, in
 * force not before publication; the document enters the register as 有效 with its term. A
 * re-issued document (继续有效) makes its earlier version 失效; a revision makes the revised
 * document 废止 and ends its case. The filing periods start from the publication day
 * ({@code ND_FILING_GOVERNMENT}, {@code ND_FILING_CONGRESS}).
 */
@Component
class DocumentPublicationListener implements TaskListener {

	private final NormativeRegister register;

	private final DocumentLifecycle lifecycle;

	private final DocumentValidity validity;

	private final LegalClocks clocks;

	private final Directory directory;

	private final CaseClock clock;

	DocumentPublicationListener(NormativeRegister register, DocumentLifecycle lifecycle, DocumentValidity validity,
			LegalClocks clocks, Directory directory, CaseClock clock) {
		this.register = register;
		this.lifecycle = lifecycle;
		this.validity = validity;
		this.clocks = clocks;
		this.directory = directory;
		this.clock = clock;
	}

	@Override
	public void notify(DelegateTask task) {
		// input
		DelegateExecution execution = task.getExecution();
		LocalDate published = this.clock.parseDate(task.getVariable(PUBLISHED_ON), "公布日期");
		LocalDate effective = this.clock.parseDate(task.getVariable(EFFECTIVE_DATE), "施行日期");
		LocalDate signed = this.clock.parseDate(task.getVariable("signedOn"), "签发日期");
		int length = ((Number) task.getVariable(VALIDITY_LENGTH)).intValue();
		Long previous = (task.getVariable(DOCUMENT_ID) instanceof Number id) ? id.longValue() : null;
		// processing
		if (published.isAfter(this.clock.today()) || published.isBefore(signed)) {
			throw FormRejections.reject(PUBLISHED_ON, "公布日期应在签发日期（" + CaseClock.text(signed) + "）与今天（"
					+ CaseClock.text(this.clock.today()) + "）之间：文件公布后再办理此步骤");
		}
		if (effective.isBefore(published)) {
			throw FormRejections.reject(EFFECTIVE_DATE,
					"施行日期不得早于公布日期（" + CaseClock.text(published) + "）：未经公布的规范性文件不得作为行政管理依据");
		}
		LocalDate validUntil = this.validity.validUntil(execution, effective, length);
		String number = (String) task.getVariable(DOCUMENT_NUMBER);
		Long revised = (previous == null && task.getVariable(REVISES_DOCUMENT_ID) instanceof Number id) ? id.longValue()
				: null;
		long documentId = this.register.publish(new NewDocument((String) task.getVariable(REGISTRATION_NUMBER), number,
				(String) task.getVariable(DOCUMENT_TITLE), (String) task.getVariable(ISSUER),
				(String) task.getVariable(ISSUER_NAME), (String) task.getVariable(DRAFTING_OFFICE),
				Boolean.TRUE.equals(task.getVariable(PROVISIONAL)), published,
				String.join(",", NormativeLabels.codes(task.getVariable(PUBLICATION_CHANNELS))), effective, validUntil,
				length, execution.getProcessBusinessKey(), execution.getProcessInstanceId(),
				(previous != null) ? previous : revised));
		if (previous != null) {
			this.register.expire(previous, "经评估继续有效，重新登记、编号、公布为" + number, published);
			this.clocks.close(execution.getProcessInstanceId(), (String) task.getVariable(VALIDITY_CLOCK));
		}
		if (revised != null) {
			this.lifecycle.replaced(revised, number);
		}
		// output
		task.setVariable(DOCUMENT_ID, documentId);
		task.setVariable(DOCUMENT_OUTCOME, "PUBLISHED");
		task.setVariable("publishedOnText", CaseClock.text(published));
		task.setVariable("effectiveDateText", CaseClock.text(effective));
		task.setVariable(VALID_UNTIL, this.clock.endOfDay(validUntil));
		task.setVariable("validUntilText", CaseClock.text(validUntil));
		task.setVariable("publicationChannelsText",
				NormativeLabels.names(NormativeLabels.CHANNEL, task.getVariable(PUBLICATION_CHANNELS)));
		startFilingClocks(execution, published);
	}

	private void startFilingClocks(DelegateExecution execution, LocalDate published) {
		var routing = (java.util.Map<?, ?>) execution.getVariable(ROUTING);
		this.clocks.mirror(this.clocks.start(execution, NormativeClocks.FILING_GOVERNMENT, published), execution,
				"filingGovernmentDue");
		execution.setVariable("governmentFilingBodyName",
				this.directory.officeName(String.valueOf(routing.get("governmentFilingGroup"))));
		if (Boolean.TRUE.equals(routing.get("congressFilingRequired"))) {
			this.clocks.mirror(this.clocks.start(execution, NormativeClocks.FILING_CONGRESS, published), execution,
					"filingCongressDue");
			execution.setVariable("congressFilingBodyName",
					this.directory.officeName(String.valueOf(routing.get("congressFilingGroup"))));
		}
	}

}
