package cn.fazhi.normative;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

import static cn.fazhi.normative.NormativeDocumentModel.Variables.LEGALITY_CONCLUSION;
import static cn.fazhi.normative.NormativeDocumentModel.Variables.REVISION_REASON_TEXT;

/**
 * {@code callActivity_legalityReview}, event {@code end}: an unlawful draft goes back to
 * the drafting office with the review's reasons (经审核不合法的，不得提交集体审议, 国办发〔2018〕115号).
 */
@Component
class NormativeLegalityResultListener implements ExecutionListener {

	@Override
	public void notify(DelegateExecution execution) {
		if ("UNLAWFUL".equals(execution.getVariable(LEGALITY_CONCLUSION))) {
			execution.setVariable(REVISION_REASON_TEXT, "合法性审核结论为不合法：" + execution.getVariable("legalityReasons"));
		}
	}

}
