package cn.fazhi.forms;

import java.util.Map;

import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.stereotype.Component;

/**
 * Starts procedures and completes their tasks exactly as their Camunda Forms would, so
 * that form validation and the acting user's permissions apply to Java callers as they do
 * to Tasklist and REST clients. A refusal surfaces as the
 * {@link org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException} itself,
 * not wrapped in the engine's exceptions.
 */
@Component
public class FormSubmissions {

	private final FormService formService;

	private final RepositoryService repositoryService;

	FormSubmissions(FormService formService, RepositoryService repositoryService) {
		this.formService = formService;
		this.repositoryService = repositoryService;
	}

	/** Starts the latest version of a procedure with its start form's values. */
	public ProcessInstance start(String processKey, String businessKey, Map<String, Object> startForm) {
		ProcessDefinition definition = this.repositoryService.createProcessDefinitionQuery()
			.processDefinitionKey(processKey)
			.latestVersion()
			.singleResult();
		try {
			return this.formService.submitStartForm(definition.getId(), businessKey, startForm);
		}
		catch (RuntimeException ex) {
			throw FormRejections.unwrap(ex);
		}
	}

	/** Completes a task with its form's values, as the current user. */
	public void submit(String taskId, Map<String, Object> form) {
		try {
			this.formService.submitTaskForm(taskId, form);
		}
		catch (RuntimeException ex) {
			throw FormRejections.unwrap(ex);
		}
	}

}
