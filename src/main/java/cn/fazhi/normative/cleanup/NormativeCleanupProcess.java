package cn.fazhi.normative.cleanup;

import java.util.Map;

import cn.fazhi.forms.FormSubmissions;

import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.stereotype.Component;

/**
 * The one way Java code moves a cleanup campaign: started and worked as its forms would,
 * as the current user.
 */
@Component
public class NormativeCleanupProcess {

	private final FormSubmissions forms;

	NormativeCleanupProcess(FormSubmissions forms) {
		this.forms = forms;
	}

	/** Starts a campaign for the current user's office (case number NDC-yyyy-nnnn). */
	public ProcessInstance start(Map<String, Object> startForm) {
		return this.forms.start(NormativeCleanupModel.PROCESS_KEY, null, startForm);
	}

	public void submit(String taskId, Map<String, Object> form) {
		this.forms.submit(taskId, form);
	}

}
