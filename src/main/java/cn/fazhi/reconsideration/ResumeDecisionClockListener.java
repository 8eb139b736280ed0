package cn.fazhi.reconsideration;

import cn.fazhi.clock.LegalClock;
import cn.fazhi.clock.LegalClocks;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Event {@code complete} of {@code userTask_appraisal}, {@code userTask_incidentalReview}
 * and {@code userTask_resumeOrTerminate}: the decision period runs again; the days it
 * stood still move its due day and the handler's task (第39条; 实施条例第34条、第37条).
 */
@Component
class ResumeDecisionClockListener implements TaskListener {

	private final LegalClocks clocks;

	ResumeDecisionClockListener(LegalClocks clocks) {
		this.clocks = clocks;
	}

	@Override
	public void notify(DelegateTask task) {
		String reason = ReconsiderationModel.Elements.RESUME_OR_TERMINATE.equals(task.getTaskDefinitionKey())
				? "中止的原因消除，恢复审理（第39条第2款）：" + task.getVariable("resumeNote") : "恢复计算审理期限";
		this.clocks.open(task.getExecution(), ReconsiderationModel.Clocks.DECISION)
			.filter((decision) -> LegalClock.PAUSED.equals(decision.status()))
			.ifPresent((decision) -> this.clocks.resume(decision.id(), reason, task.getAssignee()));
	}

}
