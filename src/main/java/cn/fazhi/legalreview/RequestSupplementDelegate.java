package cn.fazhi.legalreview;

import cn.fazhi.calendar.CaseClock;
import cn.fazhi.clock.LegalClock;
import cn.fazhi.clock.LegalClocks;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import static cn.fazhi.legalreview.LegalityReviewClocks.FLOOR;
import static cn.fazhi.legalreview.LegalityReviewClocks.LIMIT;
import static cn.fazhi.legalreview.LegalityReviewClocks.SUPPLEMENT;
import static cn.fazhi.legalreview.LegalityReviewModel.Variables.SUPPLEMENT_DUE_DATE;
import static cn.fazhi.legalreview.LegalityReviewModel.Variables.SUPPLEMENT_REQUESTED_AT;

/**
 * {@code serviceTask_requestSupplement} (发出补充材料通知): starts the submitter's supplement
 * period (calendar days, rolled to the next working day, 民事诉讼法 Art 85) and, where the
 * jurisdiction excludes supplement time from the review (the period is pausable in
 * {@code deadline-rules}), pauses the review's clocks until the materials are in.
 */
@Component
class RequestSupplementDelegate implements JavaDelegate {

	static final String PAUSE_REASON = "要求补充材料，补充材料时间不计入审查期限";

	private final LegalClocks clocks;

	private final CaseClock clock;

	RequestSupplementDelegate(LegalClocks clocks, CaseClock clock) {
		this.clocks = clocks;
		this.clock = clock;
	}

	@Override
	public void execute(DelegateExecution execution) {
		LegalClock supplement = this.clocks.start(execution, SUPPLEMENT, this.clock.today());
		for (String code : new String[] { FLOOR, LIMIT }) {
			this.clocks.open(execution, code)
				.filter((running) -> running.pausable() && LegalClock.RUNNING.equals(running.status()))
				.ifPresent((running) -> this.clocks.pause(running.id(), PAUSE_REASON, null));
		}
		execution.setVariable(SUPPLEMENT_REQUESTED_AT, this.clock.now());
		this.clocks.mirror(supplement, execution, SUPPLEMENT_DUE_DATE);
	}

}
