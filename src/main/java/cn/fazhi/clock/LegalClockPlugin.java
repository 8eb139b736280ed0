package cn.fazhi.clock;

import cn.fazhi.system.engine.ParseListeners;

import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Closes legal clocks when the work they time is done, for every model: an element that
 * finishes a period names it in an extension property,
 * {@code <camunda:property name="closesClock" value="LR_INTAKE"/>} — on a user task it is
 * closed when the task is completed, on a timer or other catch event when the event
 * happens. Whatever is still open when a process instance ends is closed then. Only the
 * elements that name a clock get a listener.
 */
@Component
class LegalClockPlugin extends AbstractProcessEnginePlugin {

	static final String CLOSES_CLOCK = "closesClock";

	private final ObjectProvider<LegalClocks> clocks;

	/** Lazy: the clocks need the engine this plugin helps to build. */
	LegalClockPlugin(ObjectProvider<LegalClocks> clocks) {
		this.clocks = clocks;
	}

	@Override
	public void preInit(ProcessEngineConfigurationImpl configuration) {
		ExecutionListener onEnd = (execution) -> this.clocks.getObject().closeAll(execution.getProcessInstanceId());
		ParseListeners.addAfterDefaults(configuration, new AbstractBpmnParseListener() {

			@Override
			public void parseProcess(Element element, ProcessDefinitionEntity processDefinition) {
				processDefinition.addBuiltInListener(ExecutionListener.EVENTNAME_END, onEnd);
			}

			@Override
			public void parseUserTask(Element element, ScopeImpl scope, ActivityImpl activity) {
				String code = closesClock(element);
				if (code != null && activity.getActivityBehavior() instanceof UserTaskActivityBehavior behavior) {
					TaskListener close = (task) -> LegalClockPlugin.this.clocks.getObject()
						.close(task.getProcessInstanceId(), code);
					behavior.getTaskDefinition().addBuiltInTaskListener(TaskListener.EVENTNAME_COMPLETE, close);
				}
			}

			@Override
			public void parseIntermediateCatchEvent(Element element, ScopeImpl scope, ActivityImpl activity) {
				String code = closesClock(element);
				if (code != null) {
					ExecutionListener close = (execution) -> LegalClockPlugin.this.clocks.getObject()
						.close(execution.getProcessInstanceId(), code);
					activity.addBuiltInListener(ExecutionListener.EVENTNAME_END, close);
				}
			}

		});
	}

	/** The value of the element's {@code closesClock} extension property, or null. */
	static String closesClock(Element element) {
		Element extensions = element.element("extensionElements");
		if (extensions == null) {
			return null;
		}
		for (Element properties : extensions.elements()) {
			if (!"properties".equals(properties.getTagName())) {
				continue;
			}
			for (Element property : properties.elements()) {
				if (CLOSES_CLOCK.equals(property.attribute("name"))) {
					return property.attribute("value");
				}
			}
		}
		return null;
	}

}
