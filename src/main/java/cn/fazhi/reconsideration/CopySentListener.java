package cn.fazhi.reconsideration;

import java.time.LocalDate;

import cn.fazhi.calendar.CaseClock;
import cn.fazhi.clock.LegalClock;
import cn.fazhi.clock.LegalClocks;
import cn.fazhi.forms.FormRejections;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * {@code userTask_sendCopy}, event {@code complete}: the respondent's reply period runs
 * from the day the copy was sent (10 or 5 working days, 第48条、第54条).
 */
@Component
class CopySentListener implements TaskListener {

	private final LegalClocks clocks;

	private final CaseClock clock;

	CopySentListener(LegalClocks clocks, CaseClock clock) {
		this.clocks = clocks;
		this.clock = clock;
	}

	@Override
	public void notify(DelegateTask task) {
		LocalDate sent = this.clock.parseDate(task.getVariable("copySentOn"), "发送日期");
		if (sent.isAfter(this.clock.today())) {
			throw FormRejections.reject("copySentOn", "「发送日期」晚于今天，请核对");
		}
		LegalClock reply = this.clocks.start(task.getExecution(), ReconsiderationModel.Clocks.REPLY, sent);
		this.clocks.mirror(reply, task.getExecution(), "replyDue");
		task.setVariable("replyStatusText", "被申请人应于" + CaseClock.text(reply.due()) + "前答复");
	}

}
