package cn.fazhi.decision;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

import static cn.fazhi.decision.MajorDecisionModel.Variables.LEGALITY_CONCLUSION;
import static cn.fazhi.decision.MajorDecisionModel.Variables.REVISION_REASON_TEXT;

/**
 * {@code callActivity_legalityReview}, event {@code end}: an unlawful draft goes back to
 * the lead office with the review's reasons (经审查不合法的，不得提交讨论，第25条第2款).
 */
@Component
class LegalityResultListener implements ExecutionListener {

	@Override
	public void notify(DelegateExecution execution) {
		if ("UNLAWFUL".equals(execution.getVariable(LEGALITY_CONCLUSION))) {
			execution.setVariable(REVISION_REASON_TEXT, "合法性审查结论为不合法：" + execution.getVariable("legalityReasons"));
		}
	}

}
