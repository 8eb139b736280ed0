package cn.fazhi.normative.objection;

import java.util.Map;

import cn.fazhi.forms.FormSubmissions;

import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.stereotype.Component;

/**
 * The one way Java code moves a review request (异议审查): started and worked as its forms
 * would, as the current user.
 */
@Component
public class NormativeObjectionProcess {

	private final FormSubmissions forms;

	NormativeObjectionProcess(FormSubmissions forms) {
		this.forms = forms;
	}

	/** Registers a request received by the current user's office (NDO-yyyy-nnnn). */
	public ProcessInstance start(Map<String, Object> startForm) {
		return this.forms.start(NormativeObjectionModel.PROCESS_KEY, null, startForm);
	}

	public void submit(String taskId, Map<String, Object> form) {
		this.forms.submit(taskId, form);
	}

}
