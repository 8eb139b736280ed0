package cn.fazhi.legalreview;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.spin.json.SpinJsonNode;
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
		Object value = execution.getVariable(CONSULTEES);
		List<String> ids = new ArrayList<>();
		if (value instanceof SpinJsonNode node && node.isArray()) {
			node.elements().forEach((element) -> ids.add(element.stringValue()));
		}
		else if (value instanceof Collection<?> collection) {
			collection.forEach((element) -> ids.add(String.valueOf(element)));
		}
		if (ids.isEmpty()) {
			throw new ProcessEngineException("legality-review: no one chosen to consult (variable consultees)");
		}
		return ids;
	}

}
