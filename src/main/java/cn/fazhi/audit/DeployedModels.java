package cn.fazhi.audit;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import cn.fazhi.audit.CaseTimeline.FormVersion;
import cn.fazhi.audit.CaseTimeline.ModelVersion;
import cn.fazhi.system.engine.Privileged;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.impl.BpmnModelConstants;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.Documentation;
import org.camunda.bpm.model.bpmn.instance.FlowElement;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.springframework.stereotype.Component;

/**
 * The deployed process models and Camunda Forms, as they were deployed: names,
 * documentation and form references of every element, and each form's fields and hash.
 * Deployed resources never change, so they are read once per definition and deployment
 * and kept. Reads run without the caller's permissions: the caller's right to the case
 * has been checked already, and the deployment is part of the case's record.
 */
@Component
class DeployedModels {

	/** Form-js component types that submit a value (as FormField.INPUT_TYPES). */
	private static final List<String> INPUT_TYPES = List.of("textfield", "textarea", "number", "datetime", "select",
			"radio", "checkbox", "checklist", "taglist");

	private static final ObjectMapper JSON = new ObjectMapper();

	private final RepositoryService repositoryService;

	private final IdentityService identityService;

	private final Map<String, ProcessModel> models = new ConcurrentHashMap<>();

	private final Map<String, Map<String, DeployedForm>> forms = new ConcurrentHashMap<>();

	DeployedModels(RepositoryService repositoryService, IdentityService identityService) {
		this.repositoryService = repositoryService;
		this.identityService = identityService;
	}

	/** A process definition as deployed. */
	record ProcessModel(ModelVersion version, String name, String documentation, Map<String, Element> elements) {

		Optional<Element> element(String id) {
			return Optional.ofNullable(this.elements.get(id));
		}

	}

	/**
	 * A flow element: its statutory name, documentation and, for user tasks and start
	 * events, its form reference.
	 */
	record Element(String id, String name, String documentation, String formRef, String formRefBinding) {
	}

	/** A deployed Camunda Form and its input fields in form order. */
	record DeployedForm(FormVersion version, List<Field> fields) {

		Map<String, String> labels() {
			Map<String, String> labels = new LinkedHashMap<>();
			this.fields.forEach((field) -> labels.put(field.key(), field.label()));
			return labels;
		}

	}

	record Field(String key, String label) {
	}

	ProcessModel model(String processDefinitionId) {
		return this.models.computeIfAbsent(processDefinitionId,
				(id) -> Privileged.call(this.identityService, () -> load(id)));
	}

	/** The BPMN XML of a process definition as deployed (for the auditor's diagram). */
	byte[] bpmn(String processDefinitionId) {
		return Privileged.call(this.identityService,
				() -> read(this.repositoryService.getProcessModel(processDefinitionId)));
	}

	/**
	 * The form an element was shown with: for binding {@code deployment} (every Fazhi
	 * model, checked by ModelValidationTest) the form of the definition's own deployment;
	 * other bindings are reported without a resolved resource.
	 */
	Optional<DeployedForm> form(ModelVersion model, Element element) {
		if (element.formRef() == null) {
			return Optional.empty();
		}
		String binding = (element.formRefBinding() == null) ? "latest" : element.formRefBinding();
		if (!"deployment".equals(binding)) {
			return Optional
				.of(new DeployedForm(new FormVersion(element.formRef(), binding, null, null, null), List.of()));
		}
		DeployedForm form = formsOf(model.deploymentId()).get(element.formRef());
		if (form == null) {
			return Optional.of(new DeployedForm(
					new FormVersion(element.formRef(), binding, model.deploymentId(), null, null), List.of()));
		}
		return Optional.of(form);
	}

	private Map<String, DeployedForm> formsOf(String deploymentId) {
		return this.forms.computeIfAbsent(deploymentId,
				(id) -> Privileged.call(this.identityService, () -> loadForms(id)));
	}

	private ProcessModel load(String definitionId) {
		ProcessDefinition definition = this.repositoryService.getProcessDefinition(definitionId);
		byte[] bpmn = read(this.repositoryService.getProcessModel(definitionId));
		ModelVersion version = new ModelVersion(definition.getId(), definition.getKey(), definition.getVersion(),
				definition.getVersionTag(), definition.getDeploymentId(), definition.getResourceName(), sha256(bpmn));
		BpmnModelInstance instance = this.repositoryService.getBpmnModelInstance(definitionId);
		Process process = instance.getModelElementById(definition.getKey());
		Map<String, Element> elements = new LinkedHashMap<>();
		for (FlowElement element : instance.getModelElementsByType(FlowElement.class)) {
			elements.put(element.getId(),
					new Element(element.getId(), element.getName(), documentation(element.getDocumentations()),
							camunda(element, "formRef"), camunda(element, "formRefBinding")));
		}
		String documentation = (process == null) ? null : documentation(process.getDocumentations());
		String name = (process == null || process.getName() == null) ? definition.getName() : process.getName();
		return new ProcessModel(version, name, documentation, Map.copyOf(elements));
	}

	private Map<String, DeployedForm> loadForms(String deploymentId) {
		Map<String, DeployedForm> found = new ConcurrentHashMap<>();
		for (String resource : this.repositoryService.getDeploymentResourceNames(deploymentId)) {
			if (!resource.endsWith(".form")) {
				continue;
			}
			byte[] bytes = read(this.repositoryService.getResourceAsStream(deploymentId, resource));
			try {
				JsonNode root = JSON.readTree(bytes);
				String id = root.path("id").asText(null);
				if (id != null) {
					List<Field> fields = new ArrayList<>();
					collect(root.path("components"), fields);
					found.put(id,
							new DeployedForm(new FormVersion(id, "deployment", deploymentId, resource, sha256(bytes)),
									List.copyOf(fields)));
				}
			}
			catch (IOException ex) {
				throw new UncheckedIOException("Camunda Form " + resource + " of deployment " + deploymentId
						+ " is not JSON; its version cannot be shown", ex);
			}
		}
		return Map.copyOf(found);
	}

	private static void collect(JsonNode components, List<Field> fields) {
		for (JsonNode component : components) {
			if (component.has("components")) {
				collect(component.path("components"), fields);
			}
			if (INPUT_TYPES.contains(component.path("type").asText()) && component.hasNonNull("key")) {
				String label = component.path("label").asText(component.path("dateLabel").asText(null));
				fields.add(new Field(component.path("key").asText(), label));
			}
		}
	}

	private static String camunda(BaseElement element, String attribute) {
		return element.getAttributeValueNs(BpmnModelConstants.CAMUNDA_NS, attribute);
	}

	private static String documentation(Collection<Documentation> documentations) {
		String text = documentations.stream()
			.map(Documentation::getTextContent)
			.filter((content) -> content != null && !content.isBlank())
			.map(String::strip)
			.collect(Collectors.joining("\n"));
		return text.isEmpty() ? null : text;
	}

	private static byte[] read(InputStream stream) {
		try (stream) {
			return stream.readAllBytes();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	static String sha256(byte[] bytes) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is part of every Java runtime", ex);
		}
	}

}
