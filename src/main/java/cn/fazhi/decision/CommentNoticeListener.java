package cn.fazhi.decision;

import java.time.LocalDate;

import cn.fazhi.calendar.CaseClock;
import cn.fazhi.clock.LegalClock;
import cn.fazhi.clock.LegalClocks;
import cn.fazhi.forms.FormRejections;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

import static cn.fazhi.decision.MajorDecisionModel.Variables.COMMENT_MIN_DAYS;
import static cn.fazhi.decision.MajorDecisionModel.Variables.COMMENT_PERIOD_DAYS;
import static cn.fazhi.decision.MajorDecisionModel.Variables.COMMENT_PUBLISHED_ON;
import static cn.fazhi.decision.MajorDecisionModel.Variables.SHORTENING_REASON;

/**
 * {@code userTask_publishForComment}, event {@code complete}: the comment period is at
 * least the jurisdiction's minimum ({@code MD_COMMENT_PERIOD} in deadline-rules:
 * 一般不少于30日, 第15条) unless the notice states why it is shorter; starts the comment window's
 * clock from the publication day (not counted, calendar days, a last day that is not a
 * working day rolls to the next one, statutes.md §0.1). {@code timer_commentPeriodEnds}
 * fires when it has passed.
 */
@Component
class CommentNoticeListener implements TaskListener {

	private final CaseClock clock;

	private final LegalClocks clocks;

	CommentNoticeListener(CaseClock clock, LegalClocks clocks) {
		this.clock = clock;
		this.clocks = clocks;
	}

	@Override
	public void notify(DelegateTask task) {
		// input
		LocalDate publishedOn = this.clock.parseDate(task.getVariable(COMMENT_PUBLISHED_ON), "公告发布日期");
		int days = ((Number) task.getVariable(COMMENT_PERIOD_DAYS)).intValue();
		int minimum = ((Number) task.getVariable(COMMENT_MIN_DAYS)).intValue();
		Object reason = task.getVariable(SHORTENING_REASON);
		// processing
		if (days < minimum && (reason == null || reason.toString().isBlank())) {
			throw FormRejections.reject(SHORTENING_REASON,
					"征求意见期限为 " + days + " 日，少于 " + minimum + " 日：因情况紧急等原因缩短期限的，应当说明理由（《重大行政决策程序暂行条例》第15条）");
		}
		if (publishedOn.isBefore(this.clock.today().minusDays(30))) {
			throw FormRejections.reject(COMMENT_PUBLISHED_ON, "公告发布日期 " + CaseClock.text(publishedOn) + " 过早，请核对");
		}
		LegalClock window = this.clocks.start(task.getExecution(), DecisionClocks.COMMENT_PERIOD, publishedOn, days);
		// output
		task.setVariable("commentPublishedOnText", CaseClock.text(publishedOn));
		this.clocks.mirror(window, task.getExecution(), "commentPeriodEnd");
		task.setVariable("commentPeriodShortened", days < minimum);
	}

}
