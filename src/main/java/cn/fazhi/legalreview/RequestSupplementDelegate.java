package cn.fazhi.legalreview;

import cn.fazhi.calendar.CaseClock;
import cn.fazhi.calendar.DueDate;
import cn.fazhi.calendar.PeriodUnit;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import static cn.fazhi.legalreview.LegalityReviewModel.Variables.SUPPLEMENT_DUE_DATE;
import static cn.fazhi.legalreview.LegalityReviewModel.Variables.SUPPLEMENT_REQUESTED_AT;

/**
 * {@code serviceTask_requestSupplement} (发出补充材料通知): starts the supplement period, which
 * is recorded apart from the review period, and sets the submitter's deadline in calendar
 * days (rolled to the next working day, 民事诉讼法 Art 85).
 */
@Component
class RequestSupplementDelegate implements JavaDelegate {

	private final CaseClock clock;

	RequestSupplementDelegate(CaseClock clock) {
		this.clock = clock;
	}

	@Override
	public void execute(DelegateExecution execution) {
		ReviewPeriods periods = ReviewPeriods.of(execution);
		DueDate due = this.clock.add(this.clock.today(), periods.supplementCalendarDays(), PeriodUnit.CALENDAR_DAYS);
		execution.setVariable(SUPPLEMENT_REQUESTED_AT, this.clock.now());
		ReviewDates.set(execution, this.clock, SUPPLEMENT_DUE_DATE, due.due());
	}

}
