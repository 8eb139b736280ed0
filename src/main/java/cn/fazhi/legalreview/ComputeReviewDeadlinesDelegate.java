package cn.fazhi.legalreview;

import java.time.LocalDate;
import java.util.Date;

import cn.fazhi.calendar.CaseClock;
import cn.fazhi.calendar.WorkingDayCalendar;
import cn.fazhi.clock.LegalClock;
import cn.fazhi.clock.LegalClocks;
import cn.fazhi.forms.FormRejections;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import static cn.fazhi.legalreview.LegalityReviewClocks.FLOOR;
import static cn.fazhi.legalreview.LegalityReviewClocks.INTAKE;
import static cn.fazhi.legalreview.LegalityReviewClocks.LIMIT;
import static cn.fazhi.legalreview.LegalityReviewModel.Variables.DEADLINES_PROVISIONAL;
import static cn.fazhi.legalreview.LegalityReviewModel.Variables.DUE_DATE;
import static cn.fazhi.legalreview.LegalityReviewModel.Variables.FLOOR_DATE;
import static cn.fazhi.legalreview.LegalityReviewModel.Variables.INTAKE_DUE_DATE;
import static cn.fazhi.legalreview.LegalityReviewModel.Variables.RECEIVED_AT;
import static cn.fazhi.legalreview.LegalityReviewModel.Variables.REQUESTED_DEADLINE;

/**
 * {@code serviceTask_computeDeadlines} (计算审查期限): starts the review's legal clocks from
 * the day it was received (not counted) with the periods of {@code deadline-rules} for
 * the jurisdiction and matter type — the least review time before the matter may be
 * tabled (e.g. 7 working days for major decisions, Art 26 para 2), the review deadline
 * (the submitter's requested date, never earlier than that, or else the jurisdiction's
 * limit) and the intake deadline. Task due dates follow the clocks; the variables
 * {@code reviewFloorDate}, {@code reviewDueDate} and {@code intakeDueDate} mirror them
 * for the forms.
 */
@Component
class ComputeReviewDeadlinesDelegate implements JavaDelegate {

	private final LegalClocks clocks;

	private final CaseClock clock;

	private final WorkingDayCalendar calendar;

	ComputeReviewDeadlinesDelegate(LegalClocks clocks, CaseClock clock, WorkingDayCalendar calendar) {
		this.clocks = clocks;
		this.clock = clock;
		this.calendar = calendar;
	}

	@Override
	public void execute(DelegateExecution execution) {
		// input
		LocalDate received = this.clock.toLocalDate((Date) execution.getVariable(RECEIVED_AT));
		Object requested = execution.getVariable(REQUESTED_DEADLINE);
		// processing
		LegalClock floor = this.clocks.start(execution, FLOOR, received);
		Integer length = null;
		if (requested != null && !String.valueOf(requested).isBlank()) {
			LocalDate due = this.clock.parseDate(requested, "要求完成审查日期");
			if (due.isBefore(floor.due())) {
				throw FormRejections.reject(REQUESTED_DEADLINE,
						"「要求完成审查日期」不得早于 " + CaseClock.text(floor.due()) + "：" + floor.article() + "（自受理次日起算，节假日不计）");
			}
			length = this.calendar.workingDaysBetween(received, due);
		}
		LegalClock limit = this.clocks.start(execution, LIMIT, received, length);
		LegalClock intake = this.clocks.start(execution, INTAKE, received);
		// output
		this.clocks.mirror(floor, execution, FLOOR_DATE);
		this.clocks.mirror(limit, execution, DUE_DATE);
		this.clocks.mirror(intake, execution, INTAKE_DUE_DATE);
		execution.setVariable(DEADLINES_PROVISIONAL,
				floor.provisional() || limit.provisional() || intake.provisional());
		execution.setVariable("reviewPeriodBasis", floor.article() + "；" + limit.article());
	}

}
