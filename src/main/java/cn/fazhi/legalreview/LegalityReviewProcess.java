package cn.fazhi.legalreview;

import java.util.Map;

import cn.fazhi.forms.FormRejections;

import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.stereotype.Component;

/**
 * The one way Java code moves a legality review: start it as its start form would, and
 * complete its tasks as their forms would, so that the form validation and the acting
 * user's permissions apply exactly as for Tasklist and REST clients. Procedures that need
 * a review call it with a call activity instead.
 */
@Component
public class LegalityReviewProcess {

	private final FormService formService;

	private final RepositoryService repositoryService;

	LegalityReviewProcess(FormService formService, RepositoryService repositoryService) {
		this.formService = formService;
		this.repositoryService = repositoryService;
	}

	/** Starts a review on its own, submitted by the current user for their office. */
	public ProcessInstance start(String businessKey, Map<String, Object> startForm) {
		ProcessDefinition definition = this.repositoryService.createProcessDefinitionQuery()
			.processDefinitionKey(LegalityReviewModel.PROCESS_KEY)
			.latestVersion()
			.singleResult();
		try {
			return this.formService.submitStartForm(definition.getId(), businessKey, startForm);
		}
		catch (RuntimeException ex) {
			throw FormRejections.unwrap(ex);
		}
	}

	/** Completes a task of the review with its form's values, as the current user. */
	public void submit(String taskId, Map<String, Object> form) {
		try {
			this.formService.submitTaskForm(taskId, form);
		}
		catch (RuntimeException ex) {
			throw FormRejections.unwrap(ex);
		}
	}

}
