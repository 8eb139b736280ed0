package cn.fazhi.normative;

import cn.fazhi.calendar.CaseClock;
import cn.fazhi.normative.register.NormativeRegister;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

import static cn.fazhi.normative.NormativeDocumentModel.Variables.DOCUMENT_ID;
import static cn.fazhi.normative.NormativeDocumentModel.Variables.REVISES_DOCUMENT_ID;

/**
 * Process {@code normative-document}, event {@code end} (every way a case ends): a
 * revision that ends without being published leaves the document it was to revise in
 * force — 修订中 becomes 有效 again.
 */
@Component
class NormativeDocumentEndedListener implements ExecutionListener {

	private final NormativeRegister register;

	private final CaseClock clock;

	NormativeDocumentEndedListener(NormativeRegister register, CaseClock clock) {
		this.register = register;
		this.clock = clock;
	}

	@Override
	public void notify(DelegateExecution execution) {
		if (execution.getVariable(REVISES_DOCUMENT_ID) instanceof Number revised
				&& execution.getVariable(DOCUMENT_ID) == null) {
			this.register.revisionAbandoned(revised.longValue(),
					"修订未完成（" + execution.getProcessBusinessKey() + "），继续有效", this.clock.today());
		}
	}

}
