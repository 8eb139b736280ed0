package cn.fazhi.normative;

import java.time.LocalDate;

import cn.fazhi.calendar.CaseClock;
import cn.fazhi.clock.DeadlineRule;
import cn.fazhi.clock.LegalClock;
import cn.fazhi.clock.LegalClocks;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import static cn.fazhi.normative.NormativeDocumentModel.Variables.EFFECTIVE_DATE;
import static cn.fazhi.normative.NormativeDocumentModel.Variables.EVALUATION_DUE;
import static cn.fazhi.normative.NormativeDocumentModel.Variables.EVALUATION_OUTCOME;
import static cn.fazhi.normative.NormativeDocumentModel.Variables.VALIDITY_CLOCK;
import static cn.fazhi.normative.NormativeDocumentModel.Variables.VALIDITY_LENGTH;
import static cn.fazhi.normative.NormativeDocumentModel.Variables.VALID_UNTIL;

/**
 * {@code serviceTask_startValidity} (计算有效期): starts the term's clock from the effective
 * date (the day before is the uncounted start day, so the term's last day is one day
 * short of the anniversary) and the evaluation clock ({@code ND_EXPIRY_EVALUATION}) over
 * the lead time before that last day; {@code timer_evaluationStarts} opens the evaluation
 * when its window begins, {@code timer_validityEnds} fires the day after the last day.
 */
@Component
class StartValidityDelegate implements JavaDelegate {

	private final LegalClocks clocks;

	private final CaseClock clock;

	StartValidityDelegate(LegalClocks clocks, CaseClock clock) {
		this.clocks = clocks;
		this.clock = clock;
	}

	@Override
	public void execute(DelegateExecution execution) {
		// input
		LocalDate effective = this.clock.parseDate(execution.getVariable(EFFECTIVE_DATE), "施行日期");
		int length = ((Number) execution.getVariable(VALIDITY_LENGTH)).intValue();
		String code = (String) execution.getVariable(VALIDITY_CLOCK);
		DeadlineRule lead = this.clocks.rule(execution, NormativeClocks.EXPIRY_EVALUATION);
		// processing
		LegalClock term = this.clocks.start(execution, code, effective.minusDays(1), length);
		LocalDate opens = switch (lead.unit()) {
			case MONTHS -> term.due().minusMonths(lead.length());
			case YEARS -> term.due().minusYears(lead.length());
			default -> term.due().minusDays(lead.length());
		};
		LegalClock evaluation = this.clocks.start(execution, NormativeClocks.EXPIRY_EVALUATION, opens);
		// output
		execution.removeVariable(EVALUATION_OUTCOME);
		this.clocks.mirror(term, execution, VALID_UNTIL);
		this.clocks.mirror(evaluation, execution, EVALUATION_DUE);
	}

}
