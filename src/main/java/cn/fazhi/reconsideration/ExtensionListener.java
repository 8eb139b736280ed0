package cn.fazhi.reconsideration;

import cn.fazhi.clock.LegalClocks;
import cn.fazhi.forms.FormRejections;
import cn.fazhi.system.web.ApiException;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * {@code userTask_approveExtension}, event {@code complete}: the office head's approval
 * extends the decision period, never beyond 30 days in all (第62条第1款).
 */
@Component
class ExtensionListener implements TaskListener {

	private final LegalClocks clocks;

	ExtensionListener(LegalClocks clocks) {
		this.clocks = clocks;
	}

	@Override
	public void notify(DelegateTask task) {
		if (!"APPROVE".equals(task.getVariable("extensionApproval"))) {
			return;
		}
		int days = ((Number) task.getVariable("extensionDays")).intValue();
		var decision = this.clocks.open(task.getExecution(), ReconsiderationModel.Clocks.DECISION)
			.orElseThrow(() -> FormRejections.reject("extensionApproval", "本案没有正在计算的审理期限"));
		try {
			this.clocks.extend(decision.id(), days, "经行政复议机构负责人批准延长（第62条）：" + task.getVariable("extensionReason"),
					task.getAssignee());
		}
		catch (ApiException ex) {
			throw FormRejections.reject("extensionDays", ex.getMessage());
		}
	}

}
