package cn.fazhi.reconsideration;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

import static cn.fazhi.reconsideration.ReconsiderationModel.Variables.CASE_OUTCOME;

/**
 * Event {@code start} of the case's end events: how the case ended, for the statistics
 * report (不予受理、视为放弃、撤回、终止、调解、决定).
 */
@Component
class CaseOutcomeListener implements ExecutionListener {

	@Override
	public void notify(DelegateExecution execution) {
		String outcome = switch (execution.getCurrentActivityId()) {
			case ReconsiderationModel.Elements.NOT_ACCEPTED -> "NOT_ACCEPTED";
			case ReconsiderationModel.Elements.ABANDONED -> "ABANDONED";
			case ReconsiderationModel.Elements.MEDIATED -> "MEDIATED";
			case ReconsiderationModel.Elements.DECIDED -> "DECIDED";
			default -> "APPROVE".equals(execution.getVariable("withdrawalApproval")) ? "WITHDRAWN" : "TERMINATED";
		};
		execution.setVariable(CASE_OUTCOME, outcome);
		execution.setVariable("caseOutcomeName", ReconsiderationLabels.name(ReconsiderationLabels.OUTCOME, outcome));
	}

}
