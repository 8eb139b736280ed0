package cn.fazhi.clock;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import cn.fazhi.calendar.PeriodUnit;

import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.engine.variable.value.StringValue;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Reads the statutory periods from the rule table {@code deadline-rules}
 * (processes/common/deadline-rules.dmn) for the jurisdiction Fazhi is configured for
 * ({@code fazhi.jurisdiction}). Legal staff edit periods there, not in code or BPMN.
 * <p>
 * A rule is read from the table once per deployed version of the table and kept: every
 * clock start and recomputation asks for one, and evaluating the table each time cost
 * about a tenth of a case's time and wrote a decision history of 13 rows (with their
 * audit-chain links, all on the chain of history outside any case) per lookup (issue 8,
 * docs/benchmarks.md). Deploying a new version of the table is seen at the next lookup.
 */
@Component
public class DeadlineRules {

	static final String DECISION_KEY = "deadline-rules";

	private final DecisionService decisionService;

	private final RepositoryService repositoryService;

	private final String jurisdiction;

	/** Rules read, by decision definition id, code and variant. */
	private final Map<String, DeadlineRule> rules = new ConcurrentHashMap<>();

	DeadlineRules(DecisionService decisionService, RepositoryService repositoryService,
			@Value("${fazhi.jurisdiction:national}") String jurisdiction) {
		this.decisionService = decisionService;
		this.repositoryService = repositoryService;
		this.jurisdiction = jurisdiction;
	}

	/**
	 * @param variant the matter type (e.g. {@code MAJOR_DECISION}), or null
	 * @throws ProcessEngineException when the table has no row for the code: a model that
	 * names an unknown period must not run
	 */
	public DeadlineRule rule(String code, String variant) {
		DecisionDefinition table = this.repositoryService.createDecisionDefinitionQuery()
			.decisionDefinitionKey(DECISION_KEY)
			.withoutTenantId()
			.latestVersion()
			.singleResult();
		if (table == null) {
			return evaluate(code, variant);
		}
		String key = table.getId() + '|' + code + '|' + ((variant == null) ? "" : variant);
		DeadlineRule rule = this.rules.get(key);
		if (rule == null) {
			rule = evaluate(code, variant);
			this.rules.put(key, rule);
		}
		return rule;
	}

	private DeadlineRule evaluate(String code, String variant) {
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
