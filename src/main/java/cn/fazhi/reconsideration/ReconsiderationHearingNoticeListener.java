package cn.fazhi.reconsideration;

import java.time.LocalDate;

import cn.fazhi.calendar.CaseClock;
import cn.fazhi.calendar.WorkingDayCalendar;
import cn.fazhi.clock.LegalClocks;
import cn.fazhi.forms.FormRejections;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * {@code userTask_scheduleHearing}, event {@code complete}: the parties are notified in
 * writing at least 5 working days before the hearing ({@code RC_HEARING_NOTICE}, 第51条).
 */
@Component
class ReconsiderationHearingNoticeListener implements TaskListener {

	private final LegalClocks clocks;

	private final CaseClock clock;

	private final WorkingDayCalendar calendar;

	ReconsiderationHearingNoticeListener(LegalClocks clocks, CaseClock clock, WorkingDayCalendar calendar) {
		this.clocks = clocks;
		this.clock = clock;
		this.calendar = calendar;
	}

	@Override
	public void notify(DelegateTask task) {
		LocalDate hearing = this.clock.parseDate(task.getVariable("hearingDate"), "听证日期");
		LocalDate notice = this.clock.parseDate(task.getVariable("hearingNoticeSentOn"), "书面通知当事人日期");
		int minimum = this.clocks.rule(task.getExecution(), ReconsiderationModel.Clocks.HEARING_NOTICE).length();
		int between = this.calendar.workingDaysBetween(notice, hearing.minusDays(1));
		if (!notice.isBefore(hearing) || between < minimum) {
			throw FormRejections.reject("hearingNoticeSentOn",
					"应当于举行听证的" + minimum + "个工作日前书面通知当事人（第51条）：通知日期" + CaseClock.text(notice) + "与听证日期"
							+ CaseClock.text(hearing) + "之间只有" + Math.max(between, 0) + "个工作日");
		}
		task.setVariable("hearingDateText", CaseClock.text(hearing));
	}

}
