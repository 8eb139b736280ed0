package cn.fazhi.normative;

import cn.fazhi.calendar.CaseClock;
import cn.fazhi.normative.register.NormativeRegister;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import static cn.fazhi.normative.NormativeDocumentModel.Variables.DOCUMENT_ID;
import static cn.fazhi.normative.NormativeDocumentModel.Variables.DOCUMENT_OUTCOME;

/**
 * {@code serviceTask_repealOnFilingReview}: the enacting office repealed the document on
 * a filing body's review opinion; the register shows it 废止 with that reason (this case
 * ends with it, the other filing track is cancelled).
 */
@Component
class RepealOnFilingReviewDelegate implements JavaDelegate {

	private final NormativeRegister register;

	private final CaseClock clock;

	RepealOnFilingReviewDelegate(NormativeRegister register, CaseClock clock) {
		this.register = register;
		this.clock = clock;
	}

	@Override
	public void execute(DelegateExecution execution) {
		// input
		long documentId = ((Number) execution.getVariable(DOCUMENT_ID)).longValue();
		String track = "REPEAL".equals(execution.getVariable("governmentCorrectionAction")) ? "government" : "congress";
		String body = (String) execution.getVariable(track + "FilingBodyName");
		// processing
		this.register.repeal(documentId, "根据" + body + "备案审查意见废止：" + execution.getVariable(track + "CorrectionNote"),
				this.clock.today());
		// output
		execution.setVariable(DOCUMENT_OUTCOME, "REPEALED");
	}

}
