package cn.fazhi.legalreview;

import java.time.LocalDate;

import cn.fazhi.calendar.CaseClock;

import org.camunda.bpm.engine.delegate.VariableScope;

/**
 * Writes a statutory date twice: as a {@link java.util.Date} at the end of its day for
 * {@code camunda:dueDate}, and as Chinese text ({@code <name>Text}) for the forms.
 */
final class ReviewDates {

	private ReviewDates() {
	}

	static void set(VariableScope scope, CaseClock clock, String name, LocalDate day) {
		scope.setVariable(name, clock.endOfDay(day));
		scope.setVariable(name + "Text", CaseClock.text(day));
	}

	static LocalDate get(VariableScope scope, CaseClock clock, String name) {
		return clock.toLocalDate((java.util.Date) scope.getVariable(name));
	}

}
