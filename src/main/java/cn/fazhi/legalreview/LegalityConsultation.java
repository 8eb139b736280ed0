package cn.fazhi.legalreview;

import java.util.List;

import cn.fazhi.forms.ChosenValues;

import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

import static cn.fazhi.legalreview.LegalityReviewModel.Variables.CONSULTEES;

/**
 * Bean {@code legalityConsultation}: the collection of {@code userTask_adviserOpinion}
 * (multi-instance, one task per consulted adviser). The reviewer's choice arrives as JSON
 * from Tasklist (a checklist) or as a list from Java.
 */
@Component("legalityConsultation")
public class LegalityConsultation {

	public List<String> consultees(DelegateExecution execution) {
		List<String> ids = ChosenValues.of(execution.getVariable(CONSULTEES));
		if (ids.isEmpty()) {
			throw new ProcessEngineException("legality-review: no one chosen to consult (variable consultees)");
		}
		return ids;
	}

}
