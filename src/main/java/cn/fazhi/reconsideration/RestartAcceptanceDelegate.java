package cn.fazhi.reconsideration;

import java.time.LocalDate;

import cn.fazhi.calendar.CaseClock;
import cn.fazhi.clock.LegalClock;
import cn.fazhi.clock.LegalClocks;
import cn.fazhi.forms.FormRejections;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * {@code serviceTask_restartAcceptance} (重新审查受理): the corrections are in; a new
 * 5-working-day acceptance review runs from the day they were received (第31条第3款).
 */
@Component
class RestartAcceptanceDelegate implements JavaDelegate {

	private final LegalClocks clocks;

	private final CaseClock clock;

	RestartAcceptanceDelegate(LegalClocks clocks, CaseClock clock) {
		this.clocks = clocks;
		this.clock = clock;
	}

	@Override
	public void execute(DelegateExecution execution) {
		LocalDate received = this.clock.parseDate(execution.getVariable("correctionReceivedOn"), "收到补正材料日期");
		if (received.isAfter(this.clock.today())) {
			throw FormRejections.reject("correctionReceivedOn", "「收到补正材料日期」晚于今天，请核对");
		}
		LegalClock acceptance = this.clocks.start(execution, ReconsiderationModel.Clocks.ACCEPTANCE, received);
		this.clocks.mirror(acceptance, execution, "acceptanceDue");
		execution.removeVariable("acceptanceDecision");
		Object round = execution.getVariable("correctionRound");
		execution.setVariable("correctionRound", ((round instanceof Number n) ? n.intValue() : 1) + 1);
	}

}
