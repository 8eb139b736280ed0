package cn.fazhi.normative;

import cn.fazhi.system.engine.Privileged;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import static cn.fazhi.normative.NormativeDocumentModel.Elements.RECORD_GOVERNMENT_FILING_OVERDUE;

/**
 * {@code serviceTask_recordGovernmentFilingOverdue} and
 * {@code serviceTask_recordCongressFilingOverdue}, after the filing period has passed
 * with the filing task still open (non-interrupting boundary timer): the lateness is
 * recorded in the case ({@code governmentFilingOverdue} / {@code congressFilingOverdue})
 * and its history; the filing task stays open, now overdue, and the reminders of the
 * task's due date escalate it.
 */
@Component
class LateFilingDelegate implements JavaDelegate {

	private final TaskService taskService;

	private final IdentityService identityService;

	LateFilingDelegate(TaskService taskService, IdentityService identityService) {
		this.taskService = taskService;
		this.identityService = identityService;
	}

	@Override
	public void execute(DelegateExecution execution) {
		// input
		boolean government = RECORD_GOVERNMENT_FILING_OVERDUE.equals(execution.getCurrentActivityId());
		String track = government ? "government" : "congress";
		String body = (String) execution.getVariable(track + "FilingBodyName");
		Object due = execution.getVariable(government ? "filingGovernmentDueText" : "filingCongressDueText");
		// processing
		String note = "逾期未报送备案：应于" + due + "前报送" + body + "备案，期限已届满（" + execution.getVariable("documentNumber") + "）";
		Privileged.run(this.identityService,
				() -> this.taskService.createComment(null, execution.getProcessInstanceId(), note));
		// output
		execution.setVariable(track + "FilingOverdue", true);
	}

}
