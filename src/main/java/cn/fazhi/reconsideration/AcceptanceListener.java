package cn.fazhi.reconsideration;

import cn.fazhi.calendar.CaseClock;
import cn.fazhi.clock.LegalClock;
import cn.fazhi.clock.LegalClocks;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

import static cn.fazhi.reconsideration.ReconsiderationModel.Variables.ACCEPTANCE_DECISION;

/**
 * {@code userTask_acceptanceReview}, event {@code complete}: a correction notice starts
 * the applicant's 10 working days (第31条); the case counts as corrected for the
 * statistics.
 */
@Component
class AcceptanceListener implements TaskListener {

	private final LegalClocks clocks;

	private final CaseClock clock;

	AcceptanceListener(LegalClocks clocks, CaseClock clock) {
		this.clocks = clocks;
		this.clock = clock;
	}

	@Override
	public void notify(DelegateTask task) {
		if ("CORRECTION_REQUIRED".equals(task.getVariable(ACCEPTANCE_DECISION))) {
			LegalClock correction = this.clocks.start(task.getExecution(), ReconsiderationModel.Clocks.CORRECTION,
					this.clock.today());
			this.clocks.mirror(correction, task.getExecution(), "correctionDue");
			task.setVariable("corrected", true);
		}
	}

}
