package cn.fazhi.notify;

import java.util.Date;

import cn.fazhi.notify.TaskRouting.Escalation;
import cn.fazhi.system.engine.Privileged;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.springframework.stereotype.Component;

/**
 * Marks a case overdue when one of its tasks passes its due date open: the variables of
 * {@link OverdueCase} on the top-level process instance, and a comment on the task, so
 * that auditors reading the task's history see when it fell overdue and who was told.
 * Runs in the reminder's transaction, without any user's authorization (it is the
 * system's doing).
 */
@Component
class OverdueMarking {

	private final RuntimeService runtimeService;

	private final TaskService taskService;

	private final IdentityService identityService;

	OverdueMarking(RuntimeService runtimeService, TaskService taskService, IdentityService identityService) {
		this.runtimeService = runtimeService;
		this.taskService = taskService;
		this.identityService = identityService;
	}

	/**
	 * @param dueText the due date in words, e.g. 2025年10月10日
	 */
	void mark(TaskNotice notice, Escalation escalation, String dueText) {
		Privileged.run(this.identityService, () -> {
			String caseInstance = notice.caseInstanceId();
			if (caseInstance != null) {
				Date since = (Date) this.runtimeService.getVariable(caseInstance, OverdueCase.OVERDUE_SINCE);
				this.runtimeService.setVariable(caseInstance, OverdueCase.OVERDUE, true);
				if (since == null || notice.due().before(since)) {
					this.runtimeService.setVariable(caseInstance, OverdueCase.OVERDUE_SINCE, notice.due());
				}
			}
			this.taskService.createComment(notice.taskId(), notice.processInstanceId(),
					"已超期：「" + notice.step() + "」办理期限为" + dueText + "，至今未办结，已督办" + escalation.text() + "。");
		});
	}

}
