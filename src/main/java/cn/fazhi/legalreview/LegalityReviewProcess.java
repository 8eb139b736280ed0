package cn.fazhi.legalreview;

import java.util.Map;

import cn.fazhi.forms.FormSubmissions;

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

	private final FormSubmissions forms;

	LegalityReviewProcess(FormSubmissions forms) {
		this.forms = forms;
	}

	/** Starts a review on its own, submitted by the current user for their office. */
	public ProcessInstance start(String businessKey, Map<String, Object> startForm) {
		return this.forms.start(LegalityReviewModel.PROCESS_KEY, businessKey, startForm);
	}

	/** Completes a task of the review with its form's values, as the current user. */
	public void submit(String taskId, Map<String, Object> form) {
		this.forms.submit(taskId, form);
	}

}
