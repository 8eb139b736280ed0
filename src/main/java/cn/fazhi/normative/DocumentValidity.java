package cn.fazhi.normative;

import java.time.LocalDate;

import cn.fazhi.calendar.CaseClock;
import cn.fazhi.clock.DeadlineRule;
import cn.fazhi.clock.LegalClocks;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * The term of a document from the rule table: {@code ND_VALIDITY} (5 years) or
 * {@code ND_VALIDITY_PROVISIONAL} (2 years, 暂行/试行) — the case's {@code validityClock} —
 * or a shorter term the registration chose. The term starts on the effective date
 * (counted), so its last day is one day short of the anniversary.
 */
@Component
class DocumentValidity {

	private final LegalClocks clocks;

	private final CaseClock clock;

	DocumentValidity(LegalClocks clocks, CaseClock clock) {
		this.clocks = clocks;
		this.clock = clock;
	}

	DeadlineRule rule(DelegateExecution execution) {
		return this.clocks.rule(execution,
				(String) execution.getVariable(NormativeDocumentModel.Variables.VALIDITY_CLOCK));
	}

	/** The last day in force of a term of {@code length} units from {@code effective}. */
	LocalDate validUntil(DelegateExecution execution, LocalDate effective, int length) {
		return this.clock.add(effective.minusDays(1), length, rule(execution).unit()).due();
	}

	/** "5年" for a term of the rule's unit. */
	String termText(DelegateExecution execution, int length) {
		DeadlineRule rule = rule(execution);
		return new DeadlineRule(rule.code(), rule.variant(), rule.name(), length, rule.unit(), rule.kind(),
				rule.startEvent(), rule.rollForward(), rule.pausable(), rule.maxExtension(), rule.article())
			.lengthText();
	}

}
