package cn.fazhi.reconsideration;

import java.time.LocalDate;
import java.util.Date;

import cn.fazhi.calendar.CaseClock;
import cn.fazhi.clock.LegalClock;
import cn.fazhi.clock.LegalClocks;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

import static cn.fazhi.reconsideration.ReconsiderationModel.Variables.ACCEPTED_ON;
import static cn.fazhi.reconsideration.ReconsiderationModel.Variables.CLOCK_VARIANT;
import static cn.fazhi.reconsideration.ReconsiderationModel.Variables.PROCEDURE;

/**
 * {@code userTask_approveConversion}, event {@code complete}: a simple case the office
 * head converts to the ordinary procedure (第55条) runs on the ordinary decision period
 * from the original acceptance — the law does not say how the period runs after
 * conversion; this is the reading statutes.md §D.13 calls safest.
 */
@Component
class ConversionListener implements TaskListener {

	private final LegalClocks clocks;

	private final CaseClock clock;

	ConversionListener(LegalClocks clocks, CaseClock clock) {
		this.clocks = clocks;
		this.clock = clock;
	}

	@Override
	public void notify(DelegateTask task) {
		if (!"APPROVE".equals(task.getVariable("conversionApproval"))) {
			return;
		}
		this.clocks.close(task.getProcessInstanceId(), ReconsiderationModel.Clocks.DECISION);
		task.setVariable(PROCEDURE, "ORDINARY");
		task.setVariable(CLOCK_VARIANT, "ORDINARY");
		task.setVariable("procedureName", ReconsiderationLabels.name(ReconsiderationLabels.PROCEDURE, "ORDINARY"));
		LocalDate accepted = this.clock.toLocalDate((Date) task.getVariable(ACCEPTED_ON));
		LegalClock decision = this.clocks.start(task.getExecution(), ReconsiderationModel.Clocks.DECISION, accepted);
		this.clocks.mirror(decision, task.getExecution(), "decisionDue");
	}

}
