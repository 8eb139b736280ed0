package cn.fazhi.model;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import cn.fazhi.decision.MajorDecisionModel;
import cn.fazhi.legalreview.LegalityReviewModel;
import cn.fazhi.normative.NormativeDocumentModel;
import cn.fazhi.normative.cleanup.NormativeCleanupModel;
import cn.fazhi.normative.objection.NormativeObjectionModel;
import cn.fazhi.reconsideration.ReconsiderationModel;

import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.BusinessRuleTask;
import org.camunda.bpm.model.bpmn.instance.FlowElement;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.ServiceTask;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaTaskListener;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.instance.Decision;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Puts the models in {@code processes/} and the forms in {@code forms/} under the same
 * gate as code: they are edited as XML and JSON outside the compiler (STYLE.md §7 item
 * 11).
 */
class ModelValidationTest {

	/**
	 * {@code <elementType>_<camelCaseMeaning>}: hand-named, no generated Activity_0abc
	 * ids.
	 */
	static final Pattern ELEMENT_ID = Pattern.compile("^(startEvent|endEvent|userTask|serviceTask|businessRuleTask|"
			+ "callActivity|gateway|timer|event|boundaryEvent|subProcess|sendTask|receiveTask|flow|rule|input|output|"
			+ "inputEntry|outputEntry|inputExpression|decisionTable|definitions|diagram|plane)_[a-z][A-Za-z0-9_]*$");

	/**
	 * Camunda Modeler's generated ids: {@code Activity_0abc123}, {@code Flow_1x2y3z4}.
	 */
	static final Pattern GENERATED = Pattern
		.compile("^(Activity|Gateway|Event|Flow|Task|StartEvent|EndEvent)_.*|.*_[0-9][0-9a-z]{6}$");

	static final Pattern PROCESS_KEY = Pattern.compile("^[a-z]+(-[a-z]+)*$");

	static Map<Path, BpmnModelInstance> processes = new HashMap<>();

	static Map<Path, DmnModelInstance> decisions = new HashMap<>();

	static Map<String, JsonNode> forms = new HashMap<>();

	@BeforeAll
	static void readModels() throws IOException {
		for (Path file : files("processes", ".bpmn")) {
			processes.put(file, Bpmn.readModelFromFile(file.toFile()));
		}
		for (Path file : files("processes", ".dmn")) {
			decisions.put(file, Dmn.readModelFromFile(file.toFile()));
		}
		ObjectMapper json = new ObjectMapper();
		for (Path file : files("forms", ".form")) {
			JsonNode form = json.readTree(file.toFile());
			assertThat(forms.put(form.path("id").asText(), form)).as("form id of %s is unique", file).isNull();
		}
		assertThat(processes).isNotEmpty();
		assertThat(forms).isNotEmpty();
	}

	@Test
	void shouldKeyEachProcessAsItsFileAndSetHistoryTimeToLive() {
		processes.forEach((file, model) -> {
			Collection<Process> all = model.getModelElementsByType(Process.class);
			assertThat(all).as("%s holds one process", file).hasSize(1);
			Process process = all.iterator().next();
			assertThat(process.getId()).as("process key of %s", file)
				.matches(PROCESS_KEY)
				.isEqualTo(file.getFileName().toString().replace(".bpmn", ""));
			assertThat(process.isExecutable()).isTrue();
			assertThat(process.getCamundaHistoryTimeToLiveString()).as("historyTimeToLive of %s", file).isNotBlank();
			assertThat(process.getName()).as("Chinese name of %s", file).isNotBlank();
		});
	}

	@Test
	void shouldUseReadableStableElementIds() {
		processes.forEach((file, model) -> {
			for (FlowElement element : model.getModelElementsByType(FlowElement.class)) {
				assertThat(element.getId()).as("element id in %s", file).matches(ELEMENT_ID).doesNotMatch(GENERATED);
			}
		});
	}

	@Test
	void shouldNameEveryStepInChineseAndCiteItsBasis() {
		processes.forEach((file, model) -> {
			for (FlowNode node : model.getModelElementsByType(FlowNode.class)) {
				boolean statutoryStep = node instanceof UserTask || node instanceof ServiceTask
						|| node instanceof BusinessRuleTask;
				if (statutoryStep) {
					assertThat(node.getName()).as("name of %s", node.getId()).isNotBlank();
					assertThat(node.getDocumentations()).as("documentation of %s", node.getId()).isNotEmpty();
				}
			}
		});
	}

	@Test
	void shouldGiveEveryUserTaskAndStartFormAnExistingCamundaForm() {
		processes.forEach((file, model) -> {
			for (UserTask task : model.getModelElementsByType(UserTask.class)) {
				assertFormReference(task, task.getCamundaFormRef(), task.getCamundaFormRefBinding());
			}
			for (StartEvent start : model.getModelElementsByType(StartEvent.class)) {
				if (start.getParentElement() instanceof Process && start.getCamundaFormRef() != null) {
					assertFormReference(start, start.getCamundaFormRef(), start.getCamundaFormRefBinding());
				}
			}
		});
	}

	private static void assertFormReference(BaseElement element, String formRef, String binding) {
		assertThat(formRef).as("camunda:formRef of %s", element.getId()).isNotBlank();
		assertThat(binding).as("camunda:formRefBinding of %s", element.getId()).isEqualTo("deployment");
		assertThat(forms).as("form %s of %s exists in forms/", formRef, element.getId()).containsKey(formRef);
	}

	@Test
	void shouldWireServiceTasksAndListenersToSpringBeans() {
		processes.forEach((file, model) -> {
			for (ServiceTask task : model.getModelElementsByType(ServiceTask.class)) {
				assertThat(task.getCamundaDelegateExpression()).as("delegateExpression of %s", task.getId())
					.matches("\\$\\{[a-z][A-Za-z]*Delegate}");
				assertThat(task.getCamundaClass()).isNull();
			}
			for (CamundaTaskListener listener : model.getModelElementsByType(CamundaTaskListener.class)) {
				assertThat(listener.getCamundaDelegateExpression()).as("task listener delegateExpression")
					.matches("\\$\\{[a-z][A-Za-z]*Listener}");
			}
			for (BusinessRuleTask task : model.getModelElementsByType(BusinessRuleTask.class)) {
				assertThat(task.getCamundaDecisionRefBinding()).as("decisionRefBinding of %s", task.getId())
					.isEqualTo("deployment");
				assertThat(decisionKeys()).as("decision %s exists", task.getCamundaDecisionRef())
					.contains(task.getCamundaDecisionRef());
			}
		});
	}

	@Test
	void shouldParseEveryDecisionTableAndSetHistoryTimeToLive() throws IOException {
		var dmnEngine = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();
		for (Path file : decisions.keySet()) {
			try (InputStream in = Files.newInputStream(file)) {
				assertThat(dmnEngine.parseDecisions(in)).as("decisions of %s", file).isNotEmpty();
			}
			for (Decision decision : decisions.get(file).getModelElementsByType(Decision.class)) {
				assertThat(decision.getCamundaHistoryTimeToLiveString()).as("historyTimeToLive of %s", decision.getId())
					.isNotBlank();
				assertThat(decision.getName()).isNotBlank();
			}
		}
	}

	@Test
	void shouldKeepFormsServerValidatable() {
		forms.forEach((id, form) -> {
			assertThat(id).as("form id").matches("^[a-z][A-Za-z]+Form$");
			Set<String> keys = new HashSet<>();
			for (JsonNode component : components(form)) {
				String type = component.path("type").asText();
				assertThat(component.path("id").asText()).as("component id in %s", id)
					.matches("^(field|text)_[a-z][A-Za-z]*$");
				assertThat(component.path("readonly").asBoolean(false) || component.path("disabled").asBoolean(false))
					.as("read-only field %s in %s: show values with text templates instead", component.path("key"), id)
					.isFalse();
				if (component.has("key")) {
					assertThat(keys.add(component.path("key").asText()))
						.as("key %s unique in %s", component.path("key"), id)
						.isTrue();
					assertThat(component.path("key").asText()).matches("^[a-z][A-Za-z]*$");
				}
				if (List.of("select", "radio", "checklist", "taglist").contains(type)) {
					assertThat(component.path("values").size() > 0 || component.hasNonNull("valuesKey"))
						.as("options of %s in %s", component.path("key"), id)
						.isTrue();
					component.path("values")
						.forEach((value) -> assertThat(value.path("value").asText()).as("option code in %s", id)
							.matches("^[A-Z][A-Z_]*$|^[a-z]+(-[a-z]+)*$"));
				}
			}
		});
	}

	@Test
	void shouldFindEveryModelConstantInTheModels() throws IllegalAccessException {
		Set<String> elementIds = new HashSet<>();
		processes.values()
			.forEach((model) -> model.getModelElementsByType(FlowElement.class)
				.forEach((element) -> elementIds.add(element.getId())));
		for (Class<?> model : List.of(LegalityReviewModel.class, MajorDecisionModel.class, ReconsiderationModel.class,
				NormativeDocumentModel.class, NormativeCleanupModel.class, NormativeObjectionModel.class)) {
			for (Class<?> holder : model.getDeclaredClasses()) {
				for (String id : constants(holder)) {
					switch (holder.getSimpleName()) {
						case "Elements" -> assertThat(elementIds).as("element %s", id).contains(id);
						case "Forms" -> assertThat(forms).as("form %s", id).containsKey(id);
						case "Decisions" -> assertThat(decisionKeys()).as("decision %s", id).contains(id);
						default -> {
						}
					}
				}
			}
		}
		assertThat(processes.keySet()).anyMatch((file) -> file.endsWith(LegalityReviewModel.PROCESS_KEY + ".bpmn"))
			.anyMatch((file) -> file.endsWith(MajorDecisionModel.PROCESS_KEY + ".bpmn"));
	}

	private static List<String> constants(Class<?> holder) throws IllegalAccessException {
		List<String> values = new ArrayList<>();
		for (Field field : holder.getDeclaredFields()) {
			if (Modifier.isStatic(field.getModifiers()) && field.getType() == String.class) {
				values.add((String) field.get(null));
			}
		}
		return values;
	}

	private static Set<String> decisionKeys() {
		Set<String> keys = new HashSet<>();
		decisions.values()
			.forEach((model) -> model.getModelElementsByType(Decision.class).forEach((d) -> keys.add(d.getId())));
		return keys;
	}

	private static List<JsonNode> components(JsonNode node) {
		List<JsonNode> all = new ArrayList<>();
		node.path("components").forEach((component) -> {
			all.add(component);
			all.addAll(components(component));
		});
		return all;
	}

	private static List<Path> files(String folder, String suffix) throws IOException {
		try (Stream<Path> walk = Files.walk(Path.of(folder))) {
			return walk.filter((path) -> path.toString().endsWith(suffix)).sorted().toList();
		}
	}

}
