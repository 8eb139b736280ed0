package cn.fazhi.forms;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;

/**
 * The built-in listeners {@link FormValidationPlugin} attaches: on every user task's
 * {@code complete} and on every process start event that has a Camunda Form. A bad
 * submission throws {@link FormFieldValidationException}: the command rolls back, so
 * nothing changes, and the Camunda REST API answers 400 with the Chinese message.
 */
final class FormValidationListeners {

	private final DeployedForms forms = new DeployedForms();

	private final FormSubmissionValidator validator;

	FormValidationListeners(FormSubmissionValidator validator) {
		this.validator = validator;
	}

	TaskListener onComplete(String formKey) {
		return (DelegateTask task) -> {
			String deploymentId = ((TaskEntity) task).getProcessDefinition().getDeploymentId();
			check(formKey, deploymentId, task.getVariables(), SubmittedVariables.forTask(task.getId()));
		};
	}

	ExecutionListener onStart(String formKey) {
		return (DelegateExecution execution) -> {
			ExecutionEntity instance = (ExecutionEntity) execution.getProcessInstance();
			if (instance.getSuperExecution() != null || instance.getSuperCaseExecution() != null) {
				// started by a call activity: the caller's contract, not a user's form
				// submission
				return;
			}
			String deploymentId = instance.getProcessDefinition().getDeploymentId();
			check(formKey, deploymentId, execution.getVariables(), SubmittedVariables.forStart());
		};
	}

	private void check(String formKey, String deploymentId, Map<String, Object> variables, Set<String> submitted) {
		FormSchema form = this.forms.get(deploymentId, formKey);
		List<String> problems = this.validator.validate(form, PlainValues.of(variables), submitted);
		if (!problems.isEmpty()) {
			throw FormRejections.reject(problems, problems);
		}
	}

}
