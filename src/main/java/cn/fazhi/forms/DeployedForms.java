package cn.fazhi.forms;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.persistence.entity.CamundaFormDefinitionEntity;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.entity.ResourceEntity;

/**
 * The Camunda Forms of a deployment, parsed once. A running case is validated against the
 * form deployed with its own process version ({@code formRefBinding="deployment"}), never
 * a newer one. Reads go through the engine's persistence managers of the current command,
 * so the acting user needs no permission on deployments.
 */
final class DeployedForms {

	private final Map<String, FormSchema> cache = new ConcurrentHashMap<>();

	FormSchema get(String deploymentId, String formKey) {
		return this.cache.computeIfAbsent(deploymentId + "/" + formKey, (key) -> load(deploymentId, formKey));
	}

	private static FormSchema load(String deploymentId, String formKey) {
		CommandContext commandContext = Context.getCommandContext();
		CamundaFormDefinitionEntity definition = commandContext.getCamundaFormDefinitionManager()
			.findDefinitionByDeploymentAndKey(deploymentId, formKey);
		if (definition == null) {
			throw new ProcessEngineException(
					"Camunda Form '" + formKey + "' is not part of deployment " + deploymentId);
		}
		ResourceEntity resource = commandContext.getResourceManager()
			.findResourceByDeploymentIdAndResourceName(deploymentId, definition.getResourceName());
		try {
			return FormSchema.parse(new ByteArrayInputStream(resource.getBytes()));
		}
		catch (IOException ex) {
			throw new ProcessEngineException("Camunda Form '" + formKey + "' cannot be read", ex);
		}
	}

}
