package cn.fazhi.legalreview;

import java.time.LocalDate;
import java.util.Date;

import cn.fazhi.calendar.CaseClock;
import cn.fazhi.calendar.PeriodUnit;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import static cn.fazhi.legalreview.LegalityReviewModel.Variables.DUE_DATE;
import static cn.fazhi.legalreview.LegalityReviewModel.Variables.FLOOR_DATE;
import static cn.fazhi.legalreview.LegalityReviewModel.Variables.INTAKE_DUE_DATE;
import static cn.fazhi.legalreview.LegalityReviewModel.Variables.SUPPLEMENT_REQUESTED_AT;
import static cn.fazhi.legalreview.LegalityReviewModel.Variables.SUPPLEMENT_WORKING_DAYS;

/**
 * {@code serviceTask_recordSupplement} (登记补充材料): counts the working days the submitter
 * took (total in {@code supplementWorkingDays}) and, where the jurisdiction excludes
 * supplement time from the review period, moves the floor and the review deadline on by
 * as many working days. Intake starts again with a fresh intake deadline.
 */
@Component
class RecordSupplementDelegate implements JavaDelegate {

	private final CaseClock clock;

	RecordSupplementDelegate(CaseClock clock) {
		this.clock = clock;
	}

	@Override
	public void execute(DelegateExecution execution) {
		// input
		ReviewPeriods periods = ReviewPeriods.of(execution);
		LocalDate requested = this.clock.toLocalDate((Date) execution.getVariable(SUPPLEMENT_REQUESTED_AT));
		LocalDate today = this.clock.today();
		Object total = execution.getVariable(SUPPLEMENT_WORKING_DAYS);
		// processing
		int days = this.clock.workingDaysBetween(requested, today);
		LocalDate due = ReviewDates.get(execution, this.clock, DUE_DATE);
		if (periods.excludeSupplementTime() && days > 0) {
			LocalDate floor = ReviewDates.get(execution, this.clock, FLOOR_DATE);
			ReviewDates.set(execution, this.clock, FLOOR_DATE,
					this.clock.add(floor, days, PeriodUnit.WORKING_DAYS).due());
			due = this.clock.add(due, days, PeriodUnit.WORKING_DAYS).due();
			ReviewDates.set(execution, this.clock, DUE_DATE, due);
		}
		LocalDate intake = this.clock.add(today, periods.intakeWorkingDays(), PeriodUnit.WORKING_DAYS).due();
		// output
		execution.setVariable(SUPPLEMENT_WORKING_DAYS, ((total instanceof Number n) ? n.intValue() : 0) + days);
		ReviewDates.set(execution, this.clock, INTAKE_DUE_DATE, intake.isAfter(due) ? due : intake);
	}

}
