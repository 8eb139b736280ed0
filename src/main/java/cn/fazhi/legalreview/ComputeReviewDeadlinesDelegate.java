package cn.fazhi.legalreview;

import java.time.LocalDate;
import java.util.Date;

import cn.fazhi.calendar.CaseClock;
import cn.fazhi.calendar.DueDate;
import cn.fazhi.calendar.PeriodUnit;
import cn.fazhi.forms.FormRejections;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import static cn.fazhi.legalreview.LegalityReviewModel.Variables.DEADLINES_PROVISIONAL;
import static cn.fazhi.legalreview.LegalityReviewModel.Variables.DUE_DATE;
import static cn.fazhi.legalreview.LegalityReviewModel.Variables.FLOOR_DATE;
import static cn.fazhi.legalreview.LegalityReviewModel.Variables.INTAKE_DUE_DATE;
import static cn.fazhi.legalreview.LegalityReviewModel.Variables.RECEIVED_AT;
import static cn.fazhi.legalreview.LegalityReviewModel.Variables.REQUESTED_DEADLINE;

/**
 * {@code serviceTask_computeDeadlines} (计算审查期限): from the day the review was received
 * (not counted), the earliest day the matter may be tabled ({@code reviewFloorDate}: the
 * statutory minimum review time, e.g. 7 working days for major decisions, Art 26 para 2),
 * the review deadline ({@code reviewDueDate}: the submitter's requested date, which may
 * not be earlier than the floor, or else the jurisdiction's limit) and the intake
 * deadline. All task due dates of the review come from these variables.
 */
@Component
class ComputeReviewDeadlinesDelegate implements JavaDelegate {

	private final CaseClock clock;

	ComputeReviewDeadlinesDelegate(CaseClock clock) {
		this.clock = clock;
	}

	@Override
	public void execute(DelegateExecution execution) {
		// input
		ReviewPeriods periods = ReviewPeriods.of(execution);
		LocalDate received = this.clock.toLocalDate((Date) execution.getVariable(RECEIVED_AT));
		Object requested = execution.getVariable(REQUESTED_DEADLINE);
		// processing
		DueDate floor = this.clock.add(received, periods.floorWorkingDays(), PeriodUnit.WORKING_DAYS);
		DueDate limit = this.clock.add(received, periods.limitWorkingDays(), PeriodUnit.WORKING_DAYS);
		LocalDate due = limit.due();
		if (requested != null && !String.valueOf(requested).isBlank()) {
			due = this.clock.parseDate(requested, "要求完成审查日期");
			if (due.isBefore(floor.due())) {
				throw FormRejections.reject(REQUESTED_DEADLINE,
						"「要求完成审查日期」不得早于 " + CaseClock.text(floor.due()) + "：" + periods.basis() + "（自受理次日起算，节假日不计）");
			}
		}
		DueDate intake = this.clock.add(received, periods.intakeWorkingDays(), PeriodUnit.WORKING_DAYS);
		LocalDate intakeDue = intake.due().isAfter(due) ? due : intake.due();
		// output
		ReviewDates.set(execution, this.clock, FLOOR_DATE, floor.due());
		ReviewDates.set(execution, this.clock, DUE_DATE, due);
		ReviewDates.set(execution, this.clock, INTAKE_DUE_DATE, intakeDue);
		execution.setVariable(DEADLINES_PROVISIONAL,
				floor.provisional() || limit.provisional() || intake.provisional());
		execution.setVariable("reviewPeriodBasis", periods.basis());
	}

}
