package cn.fazhi.reconsideration;

import cn.fazhi.calendar.CaseClock;
import cn.fazhi.clock.LegalClock;
import cn.fazhi.clock.LegalClocks;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Stops the decision period while time does not count: {@code userTask_appraisal} and
 * {@code userTask_incidentalReview} on {@code create} (appraisal and site inspection,
 * 实施条例第34条、第37条; incidental review suspends the case, 第39条第1款第九项),
 * {@code userTask_suspension} on {@code complete} (中止, 第39条), which also starts the 60
 * days after which grounds 1, 2 and 4 end the case (第41条第5项). Every pause is recorded
 * with its reason and who decided.
 */
@Component
class PauseDecisionClockListener implements TaskListener {

	private final LegalClocks clocks;

	private final CaseClock clock;

	PauseDecisionClockListener(LegalClocks clocks, CaseClock clock) {
		this.clocks = clocks;
		this.clock = clock;
	}

	@Override
	public void notify(DelegateTask task) {
		String reason = switch (task.getTaskDefinitionKey()) {
			case ReconsiderationModel.Elements.APPRAISAL -> "鉴定或者现场勘验，所用时间不计入审理期限";
			case ReconsiderationModel.Elements.INCIDENTAL_REVIEW -> "规范性文件附带审查，行政复议中止（第39条第1款第九项）";
			default -> "行政复议中止（第39条）：" + task.getVariable("suspensionReason");
		};
		this.clocks.open(task.getExecution(), ReconsiderationModel.Clocks.DECISION)
			.filter((decision) -> LegalClock.RUNNING.equals(decision.status()))
			.ifPresent((decision) -> this.clocks.pause(decision.id(), reason, task.getAssignee()));
		if (ReconsiderationModel.Elements.SUSPENSION.equals(task.getTaskDefinitionKey())) {
			LegalClock limit = this.clocks.start(task.getExecution(), ReconsiderationModel.Clocks.SUSPENSION_LIMIT,
					this.clock.today());
			this.clocks.mirror(limit, task.getExecution(), "suspensionLimit");
			task.setVariable("suspendedOnText", CaseClock.text(this.clock.today()));
			task.setVariable("suspensionGroundName", ReconsiderationLabels.name(ReconsiderationLabels.SUSPENSION_GROUND,
					task.getVariable("suspensionGround")));
		}
	}

}
