package cn.fazhi.reconsideration;

import java.util.Map;

import cn.fazhi.forms.FormSubmissions;

import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.stereotype.Component;

/**
 * The one way Java code moves a reconsideration case: register an application as its
 * start form would and complete tasks as their forms would, as the current user.
 */
@Component
public class ReconsiderationProcess {

	private final FormSubmissions forms;

	ReconsiderationProcess(FormSubmissions forms) {
		this.forms = forms;
	}

	/**
	 * Registers an application received by the reconsideration office.
	 * @param businessKey the case number, or null to have the next one assigned
	 */
	public ProcessInstance register(String businessKey, Map<String, Object> application) {
		return this.forms.start(ReconsiderationModel.PROCESS_KEY, businessKey, application);
	}

	public void submit(String taskId, Map<String, Object> form) {
		this.forms.submit(taskId, form);
	}

}
