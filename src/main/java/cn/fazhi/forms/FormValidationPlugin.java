package cn.fazhi.forms;

import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParse;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.springframework.stereotype.Component;

/**
 * Server-side validation of Camunda Forms submissions, for every model at parse time:
 * each user task with a {@code camunda:formRef} gets a built-in {@code complete} listener
 * and each process start event with one a built-in {@code start} listener (built-in, so
 * {@code skipCustomListeners} cannot bypass them). See {@link FormSubmissionValidator}.
 */
@Component
class FormValidationPlugin extends AbstractProcessEnginePlugin {

	private final FormValidationListeners listeners = new FormValidationListeners(
			new FormSubmissionValidator(new FeelConditions()));

	@Override
	public void preInit(ProcessEngineConfigurationImpl configuration) {
		List<BpmnParseListener> parseListeners = configuration.getCustomPostBPMNParseListeners();
		if (parseListeners == null) {
			parseListeners = new ArrayList<>();
			configuration.setCustomPostBPMNParseListeners(parseListeners);
		}
		parseListeners.add(new AbstractBpmnParseListener() {

			@Override
			public void parseUserTask(Element element, ScopeImpl scope, ActivityImpl activity) {
				String formKey = formRef(element);
				if (formKey != null && activity.getActivityBehavior() instanceof UserTaskActivityBehavior behavior) {
					behavior.getTaskDefinition()
						.addBuiltInTaskListener(TaskListener.EVENTNAME_COMPLETE,
								FormValidationPlugin.this.listeners.onComplete(formKey));
				}
			}

			@Override
			public void parseStartEvent(Element element, ScopeImpl scope, ActivityImpl activity) {
				String formKey = formRef(element);
				if (formKey != null && scope instanceof ProcessDefinitionEntity) {
					activity.addBuiltInListener(ExecutionListener.EVENTNAME_START,
							FormValidationPlugin.this.listeners.onStart(formKey));
				}
			}

		});
	}

	private static String formRef(Element element) {
		return element.attributeNS(BpmnParse.CAMUNDA_BPMN_EXTENSIONS_NS, "formRef");
	}

}
