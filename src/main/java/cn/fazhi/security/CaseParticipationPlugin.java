package cn.fazhi.security;

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
 * Attaches {@link CaseParticipation} to every model at parse time: built-in listeners on
 * the process start and on each user task's {@code create} and {@code assignment}.
 */
@Component
class CaseParticipationPlugin extends AbstractProcessEnginePlugin {

	private final ObjectProvider<CaseParticipation> participation;

	/** Lazy: the participation bean needs the engine this plugin helps to build. */
	CaseParticipationPlugin(ObjectProvider<CaseParticipation> participation) {
		this.participation = participation;
	}

	@Override
	public void preInit(ProcessEngineConfigurationImpl configuration) {
		ExecutionListener onStart = (execution) -> this.participation.getObject().onStart(execution);
		TaskListener onTask = (task) -> this.participation.getObject().onTask(task);
		TaskListener onComplete = (task) -> this.participation.getObject().onComplete(task);
		ParseListeners.addAfterDefaults(configuration, new AbstractBpmnParseListener() {

			@Override
			public void parseProcess(Element element, ProcessDefinitionEntity processDefinition) {
				processDefinition.addBuiltInListener(ExecutionListener.EVENTNAME_START, onStart);
			}

			@Override
			public void parseUserTask(Element element, ScopeImpl scope, ActivityImpl activity) {
				if (activity.getActivityBehavior() instanceof UserTaskActivityBehavior behavior) {
					behavior.getTaskDefinition().addBuiltInTaskListener(TaskListener.EVENTNAME_CREATE, onTask);
					behavior.getTaskDefinition().addBuiltInTaskListener(TaskListener.EVENTNAME_ASSIGNMENT, onTask);
					behavior.getTaskDefinition().addBuiltInTaskListener(TaskListener.EVENTNAME_COMPLETE, onComplete);
				}
			}

		});
	}

}
