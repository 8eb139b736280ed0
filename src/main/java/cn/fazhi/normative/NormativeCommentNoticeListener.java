package cn.fazhi.normative;

import java.time.LocalDate;

import cn.fazhi.calendar.CaseClock;
import cn.fazhi.clock.LegalClock;
import cn.fazhi.clock.LegalClocks;
import cn.fazhi.forms.FormRejections;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

import static cn.fazhi.normative.NormativeDocumentModel.Variables.COMMENT_MIN_DAYS;
import static cn.fazhi.normative.NormativeDocumentModel.Variables.COMMENT_PERIOD_DAYS;
import static cn.fazhi.normative.NormativeDocumentModel.Variables.COMMENT_PUBLISHED_ON;
import static cn.fazhi.normative.NormativeDocumentModel.Variables.SHORTENING_REASON;

/**
 * {@code userTask_publishForComment}, event {@code complete}: the comment period is at
 * least the jurisdiction's minimum ({@code ND_COMMENT_PERIOD}: 一般不少于30日, 《优化营商环境条例》第62条)
 * unless the notice says why it is shorter; starts the window's clock from the
 * publication day, which {@code timer_commentPeriodEnds} waits for.
 */
@Component
class NormativeCommentNoticeListener implements TaskListener {

	private final CaseClock clock;

	private final LegalClocks clocks;

	NormativeCommentNoticeListener(CaseClock clock, LegalClocks clocks) {
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
					"征求意见期限为 " + days + " 日，少于 " + minimum + " 日：缩短期限的，应当在征求意见时说明理由（《优化营商环境条例》第62条）");
		}
		if (publishedOn.isAfter(this.clock.today()) || publishedOn.isBefore(this.clock.today().minusDays(30))) {
			throw FormRejections.reject(COMMENT_PUBLISHED_ON,
					"公告发布日期 " + CaseClock.text(publishedOn) + " 不在近30日内：请在公告发布后如实填写发布日期");
		}
		LegalClock window = this.clocks.start(task.getExecution(), NormativeClocks.COMMENT_PERIOD, publishedOn, days);
		// output
		task.setVariable("commentPublishedOnText", CaseClock.text(publishedOn));
		this.clocks.mirror(window, task.getExecution(), "commentPeriodEnd");
		task.setVariable("commentPeriodShortened", days < minimum);
	}

}
