package cn.fazhi.reconsideration;

import cn.fazhi.clock.LegalClocks;
import cn.fazhi.directory.Directory;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Component;

/**
 * {@code userTask_approveDecision}, event {@code complete}: the organ's head approves (or
 * the collective discussion adopts) the decision, which is then made in the organ's name
 * (第61条); the decision period is met or overdue from this moment.
 */
@Component
class DecisionApprovalListener implements TaskListener {

	private final LegalClocks clocks;

	private final Directory directory;

	DecisionApprovalListener(LegalClocks clocks, Directory directory) {
		this.clocks = clocks;
		this.directory = directory;
	}

	@Override
	public void notify(DelegateTask task) {
		if ("APPROVE".equals(task.getVariable("decisionApproval"))) {
			this.clocks.close(task.getProcessInstanceId(), ReconsiderationModel.Clocks.DECISION);
			task.setVariable("decisionApprovedBy", task.getAssignee());
			task.setVariable("decisionApprovedByName", this.directory.displayName(task.getAssignee()));
			task.setVariable("decisionApprovedAt", ClockUtil.getCurrentTime());
		}
	}

}
