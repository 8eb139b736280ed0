package cn.fazhi.decision;

import java.util.Map;
import java.util.Set;

import cn.fazhi.decision.DecisionNotifications.StoppedDecision;
import cn.fazhi.system.engine.Privileged;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import static cn.fazhi.decision.MajorDecisionModel.Variables.LEAD_OFFICE;
import static cn.fazhi.decision.MajorDecisionModel.Variables.ROUTING;
import static cn.fazhi.decision.MajorDecisionModel.Variables.STOP_REASON;

/**
 * {@code serviceTask_notifyStop} (通知决策停止), asynchronous with retries: queues the mail to
 * the lead office and the secretariat (sent after the step commits), and records in the
 * case's history who was told.
 */
@Component
class NotifyDecisionStopDelegate implements JavaDelegate {

	private final DecisionNotifications notifications;

	private final TaskService taskService;

	private final IdentityService identityService;

	NotifyDecisionStopDelegate(DecisionNotifications notifications, TaskService taskService,
			IdentityService identityService) {
		this.notifications = notifications;
		this.taskService = taskService;
		this.identityService = identityService;
	}

	@Override
	public void execute(DelegateExecution execution) {
		// input
		Map<?, ?> routing = (Map<?, ?>) execution.getVariable(ROUTING);
		StoppedDecision decision = new StoppedDecision(execution.getProcessBusinessKey(),
				(String) execution.getVariable("decisionTitle"), (String) execution.getVariable("decisionOutcomeName"),
				(String) execution.getVariable("stoppedByName"), (String) execution.getVariable(STOP_REASON),
				(String) execution.getVariable(LEAD_OFFICE), String.valueOf(routing.get("secretariatGroup")));
		// processing
		Set<String> recipients = this.notifications.decisionStopped(decision);
		// output
		execution.setVariable("stopNotifiedTo", String.join(", ", recipients));
		Privileged.run(this.identityService, () -> this.taskService.createComment(null,
				execution.getProcessInstanceId(), "已通知决策停止：" + decision.outcomeName() + "，收件人 " + recipients));
	}

}
