package cn.fazhi.normative;

import cn.fazhi.calendar.CaseClock;
import cn.fazhi.clock.LegalClocks;
import cn.fazhi.normative.register.NormativeRegister;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import static cn.fazhi.normative.NormativeDocumentModel.Variables.DOCUMENT_ID;
import static cn.fazhi.normative.NormativeDocumentModel.Variables.DOCUMENT_OUTCOME;
import static cn.fazhi.normative.NormativeDocumentModel.Variables.VALIDITY_CLOCK;

/**
 * {@code serviceTask_expireDocument} (有效期届满失效), run by the timer the day after the term's
 * last day: the register shows the document 失效 and the term's clock is closed.
 */
@Component
class ExpireDocumentDelegate implements JavaDelegate {

	private final NormativeRegister register;

	private final LegalClocks clocks;

	private final CaseClock clock;

	ExpireDocumentDelegate(NormativeRegister register, LegalClocks clocks, CaseClock clock) {
		this.register = register;
		this.clocks = clocks;
		this.clock = clock;
	}

	@Override
	public void execute(DelegateExecution execution) {
		long documentId = ((Number) execution.getVariable(DOCUMENT_ID)).longValue();
		this.register.expire(documentId, "有效期届满（有效期至" + execution.getVariable("validUntilText") + "）",
				this.clock.today());
		this.clocks.close(execution.getProcessInstanceId(), (String) execution.getVariable(VALIDITY_CLOCK));
		execution.setVariable(DOCUMENT_OUTCOME, "EXPIRED");
	}

}
