package cn.fazhi.decision;

import java.util.Map;

import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Component;

/**
 * The jurisdiction's procedural choices for major decisions, from the rule table
 * {@code major-decision-rules} deployed with the running model (statutes.md §B.3), so
 * that a case keeps the rules of the deployment it started in.
 */
@Component
class DecisionRules {

	private final DecisionService decisionService;

	private final RepositoryService repositoryService;

	DecisionRules(DecisionService decisionService, RepositoryService repositoryService) {
		this.decisionService = decisionService;
		this.repositoryService = repositoryService;
	}

	Rules evaluate(String deploymentId, String jurisdiction) {
		DecisionDefinition table = this.repositoryService.createDecisionDefinitionQuery()
			.deploymentId(deploymentId)
			.decisionDefinitionKey(MajorDecisionModel.Decisions.RULES)
			.singleResult();
		Map<String, Object> result = this.decisionService
			.evaluateDecisionTableById(table.getId(), Variables.putValue("jurisdiction", jurisdiction))
			.getSingleResult()
			.getEntryMap();
		return new Rules(Boolean.TRUE.equals(result.get("adHocAllowed")));
	}

	/**
	 * @param adHocAllowed whether a matter outside the catalogue may be started (with a
	 * reason); the procedure's periods are in deadline-rules
	 */
	record Rules(boolean adHocAllowed) {

	}

}
