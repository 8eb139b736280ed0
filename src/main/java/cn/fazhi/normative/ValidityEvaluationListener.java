package cn.fazhi.normative;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

import static cn.fazhi.normative.NormativeDocumentModel.Variables.EVALUATION_OUTCOME;

/**
 * {@code userTask_evaluateValidity}, event {@code complete}: records the evaluation's
 * conclusion in words for the register's history and later forms.
 */
@Component
class ValidityEvaluationListener implements TaskListener {

	@Override
	public void notify(DelegateTask task) {
		task.setVariable("evaluationOutcomeName",
				NormativeLabels.name(NormativeLabels.EVALUATION_OUTCOME, task.getVariable(EVALUATION_OUTCOME)));
	}

}
