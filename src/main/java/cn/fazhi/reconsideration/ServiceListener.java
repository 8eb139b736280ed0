package cn.fazhi.reconsideration;

import java.time.LocalDate;

import cn.fazhi.calendar.CaseClock;
import cn.fazhi.clock.LegalClock;
import cn.fazhi.clock.LegalClocks;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * {@code userTask_serveDecision}, event {@code complete}: the decision takes effect on
 * service (第75条); an opinion letter starts its addressee's 60 days to report corrections
 * (第76条).
 */
@Component
class ServiceListener implements TaskListener {

	private final LegalClocks clocks;

	private final CaseClock clock;

	ServiceListener(LegalClocks clocks, CaseClock clock) {
		this.clocks = clocks;
		this.clock = clock;
	}

	@Override
	public void notify(DelegateTask task) {
		LocalDate served = this.clock.parseDate(task.getVariable("servedOn"), "送达日期");
		task.setVariable("servedOnText", CaseClock.text(served));
		if (Boolean.TRUE.equals(task.getVariable("opinionLetterIssued"))) {
			LegalClock reply = this.clocks.start(task.getExecution(), ReconsiderationModel.Clocks.OPINION_LETTER,
					served);
			this.clocks.mirror(reply, task.getExecution(), "opinionLetterDue");
		}
	}

}
