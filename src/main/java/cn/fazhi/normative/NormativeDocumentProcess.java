package cn.fazhi.normative;

import java.util.Map;

import cn.fazhi.forms.FormSubmissions;

import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.stereotype.Component;

/**
 * The one way Java code moves a normative document: start it as its start form would and
 * complete its tasks as their forms would, as the current user, so that validation,
 * routing and permissions apply exactly as for Tasklist and REST clients.
 */
@Component
public class NormativeDocumentProcess {

	private final FormSubmissions forms;

	NormativeDocumentProcess(FormSubmissions forms) {
		this.forms = forms;
	}

	/**
	 * Starts drafting a document for the current user's office.
	 * @param businessKey the case number, or null to have one assigned (ND-yyyy-nnnn)
	 */
	public ProcessInstance start(String businessKey, Map<String, Object> startForm) {
		return this.forms.start(NormativeDocumentModel.PROCESS_KEY, businessKey, startForm);
	}

	/** Completes a task of the case with its form's values, as the current user. */
	public void submit(String taskId, Map<String, Object> form) {
		this.forms.submit(taskId, form);
	}

}
