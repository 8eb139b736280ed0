package cn.fazhi.legalreview;

import java.time.LocalDate;
import java.util.Date;

import cn.fazhi.calendar.CaseClock;
import cn.fazhi.clock.LegalClock;
import cn.fazhi.clock.LegalClocks;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import static cn.fazhi.legalreview.LegalityReviewClocks.FLOOR;
import static cn.fazhi.legalreview.LegalityReviewClocks.INTAKE;
import static cn.fazhi.legalreview.LegalityReviewClocks.LIMIT;
import static cn.fazhi.legalreview.LegalityReviewModel.Variables.INTAKE_DUE_DATE;
import static cn.fazhi.legalreview.LegalityReviewModel.Variables.SUPPLEMENT_REQUESTED_AT;
import static cn.fazhi.legalreview.LegalityReviewModel.Variables.SUPPLEMENT_WORKING_DAYS;

/**
 * {@code serviceTask_recordSupplement} (登记补充材料): counts the working days the submitter
 * took (total in {@code supplementWorkingDays}); resumes the review's clocks if they were
 * paused, which moves their due days, the review tasks' due dates and the mirrored
 * variables on by the time they stood still. Intake starts again with a fresh intake
 * period.
 */
@Component
class RecordSupplementDelegate implements JavaDelegate {

	static final String RESUME_REASON = "材料已补充，恢复计算审查期限";

	private final LegalClocks clocks;

	private final CaseClock clock;

	RecordSupplementDelegate(LegalClocks clocks, CaseClock clock) {
		this.clocks = clocks;
		this.clock = clock;
	}

	@Override
	public void execute(DelegateExecution execution) {
		// input
		LocalDate requested = this.clock.toLocalDate((Date) execution.getVariable(SUPPLEMENT_REQUESTED_AT));
		LocalDate today = this.clock.today();
		Object total = execution.getVariable(SUPPLEMENT_WORKING_DAYS);
		// processing
		int days = this.clock.workingDaysBetween(requested, today);
		for (String code : new String[] { FLOOR, LIMIT }) {
			this.clocks.open(execution, code)
				.filter((paused) -> LegalClock.PAUSED.equals(paused.status()))
				.ifPresent((paused) -> this.clocks.resume(paused.id(), RESUME_REASON, null));
		}
		LegalClock intake = this.clocks.start(execution, INTAKE, today);
		// output
		execution.setVariable(SUPPLEMENT_WORKING_DAYS, ((total instanceof Number n) ? n.intValue() : 0) + days);
		this.clocks.mirror(intake, execution, INTAKE_DUE_DATE);
	}

}
