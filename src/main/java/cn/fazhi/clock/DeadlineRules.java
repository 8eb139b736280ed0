package cn.fazhi.clock;

import java.util.Map;

import cn.fazhi.calendar.PeriodUnit;

import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.engine.variable.value.StringValue;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Reads the statutory periods from the rule table {@code deadline-rules}
 * (processes/common/deadline-rules.dmn) for the jurisdiction Fazhi is configured for
 * ({@code fazhi.jurisdiction}). Legal staff edit periods there, not in code or BPMN.
 */
@Component
public class DeadlineRules {

	static final String DECISION_KEY = "deadline-rules";

	private final DecisionService decisionService;

	private final String jurisdiction;

	DeadlineRules(DecisionService decisionService, @Value("${fazhi.jurisdiction:national}") String jurisdiction) {
		this.decisionService = decisionService;
		this.jurisdiction = jurisdiction;
	}

	/**
	 * @param variant the matter type (e.g. {@code MAJOR_DECISION}), or null
	 * @throws ProcessEngineException when the table has no row for the code: a model that
	 * names an unknown period must not run
	 */
	public DeadlineRule rule(String code, String variant) {
		StringValue variantValue = Variables.stringValue((variant == null) ? "" : variant);
		var result = this.decisionService.evaluateDecisionTableByKey(DECISION_KEY,
				Variables.putValue("jurisdiction", this.jurisdiction)
					.putValue("code", code)
					.putValueTyped("variant", variantValue));
		if (result.isEmpty()) {
			throw new ProcessEngineException("deadline-rules has no period " + code + " for " + this.jurisdiction);
		}
		Map<String, Object> row = result.getSingleResult().getEntryMap();
		return new DeadlineRule(code, (variant == null) ? "" : variant, (String) row.get("name"),
				((Number) row.get("length")).intValue(), PeriodUnit.valueOf((String) row.get("unit")),
				(String) row.get("kind"), (String) row.get("startEvent"), Boolean.TRUE.equals(row.get("rollForward")),
				Boolean.TRUE.equals(row.get("pausable")), ((Number) row.get("maxExtension")).intValue(),
				(String) row.get("article"));
	}

	public String jurisdiction() {
		return this.jurisdiction;
	}

}
