package cn.fazhi.decision;

import cn.fazhi.decision.catalog.DecisionCatalog;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

import static cn.fazhi.decision.MajorDecisionModel.Variables.CATALOG_ENTRY_ID;

/**
 * Process {@code major-decision}, event {@code end} (every way a case ends, including an
 * administrator deleting it): the catalogue entry is free for a new decision, e.g. an
 * adjusted one after 第37条. Its status stays as the case left it.
 */
@Component
class DecisionEndedListener implements ExecutionListener {

	private final DecisionCatalog catalog;

	DecisionEndedListener(DecisionCatalog catalog) {
		this.catalog = catalog;
	}

	@Override
	public void notify(DelegateExecution execution) {
		if (execution.getVariable(CATALOG_ENTRY_ID) instanceof Number id) {
			this.catalog.decisionEnded(id.longValue(), execution.getProcessBusinessKey());
		}
	}

}
