package cn.fazhi.reconsideration;

import java.time.LocalDate;

import cn.fazhi.calendar.CaseClock;
import cn.fazhi.clock.LegalClocks;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import static cn.fazhi.reconsideration.ReconsiderationModel.Variables.ACCEPTED_ON;

/**
 * {@code serviceTask_recordAcceptance} (登记受理): records the day of acceptance, from which
 * the decision period runs (第62条). Reached through {@code boundaryEvent_deemedAccepted},
 * the application is deemed accepted on the day the review period expired (第30条第3款), and
 * the missed review period is closed as overdue.
 */
@Component
class RecordAcceptanceDelegate implements JavaDelegate {

	private final LegalClocks clocks;

	private final CaseClock clock;

	RecordAcceptanceDelegate(LegalClocks clocks, CaseClock clock) {
		this.clocks = clocks;
		this.clock = clock;
	}

	@Override
	public void execute(DelegateExecution execution) {
		LocalDate accepted = this.clock.today();
		// the review task records a decision when completed; reached through the timer,
		// there is none (each correction round starts without one)
		boolean deemed = execution.getVariable("acceptanceDecision") == null;
		if (deemed) {
			accepted = this.clocks.open(execution, ReconsiderationModel.Clocks.ACCEPTANCE)
				.map((review) -> review.due())
				.orElse(accepted);
			this.clocks.close(execution.getProcessInstanceId(), ReconsiderationModel.Clocks.ACCEPTANCE);
			execution.setVariable("acceptanceDecision", "ACCEPTED");
		}
		execution.setVariable("deemedAccepted", deemed);
		execution.setVariable("accepted", true);
		execution.setVariable(ACCEPTED_ON, this.clock.endOfDay(accepted));
		execution.setVariable(ACCEPTED_ON + "Text", CaseClock.text(accepted));
	}

}
