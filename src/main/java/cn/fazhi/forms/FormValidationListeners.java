package cn.fazhi.forms;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.delegate.VariableScope;
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
			check(this.forms.get(deploymentId, formKey), task, SubmittedVariables.forTask(task.getId()));
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
			check(this.forms.get(deploymentId, formKey), execution, SubmittedVariables.forStart());
		};
	}

	private void check(FormSchema form, VariableScope scope, Set<String> submitted) {
		List<String> problems = this.validator.validate(form, PlainValues.of(variables(form, scope)), submitted);
		if (!problems.isEmpty()) {
			throw FormRejections.reject(problems, problems);
		}
	}

	/**
	 * Only the variables the form's validation can read, not all of the case's: reading
	 * all deserialised every JSON variable of the case (lists, checklists) at every step,
	 * and the FEEL engine copied them all for every condition (issue 8,
	 * docs/benchmarks.md change 10).
	 */
	private static Map<String, Object> variables(FormSchema form, VariableScope scope) {
		Map<String, Object> variables = new HashMap<>();
		for (String name : form.variableNames()) {
			if (scope.hasVariable(name)) {
				variables.put(name, scope.getVariable(name));
			}
		}
		return variables;
	}

}
