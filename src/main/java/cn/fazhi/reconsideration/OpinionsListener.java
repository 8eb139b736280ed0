package cn.fazhi.reconsideration;

import cn.fazhi.calendar.CaseClock;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Event {@code complete} of {@code userTask_hearOpinions}, {@code userTask_holdHearing}
 * and {@code userTask_committeeConsultation}: records that the parties were heard (第49条),
 * the hearing held (第50条) or the committee consulted (第52条), and keeps a summary the
 * decision's approver reads (the decision rests on them, 第61条).
 */
@Component
class OpinionsListener implements TaskListener {

	private final CaseClock clock;

	OpinionsListener(CaseClock clock) {
		this.clock = clock;
	}

	@Override
	public void notify(DelegateTask task) {
		String entry;
		switch (task.getTaskDefinitionKey()) {
			case ReconsiderationModel.Elements.HEAR_OPINIONS -> {
				task.setVariable("opinionsHeard", true);
				task.setVariable("opinionsHeardText", "已听取");
				entry = "【听取意见 " + date(task, "opinionsHeardOn") + "】" + task.getVariable("opinionsRecord");
			}
			case ReconsiderationModel.Elements.HOLD_HEARING -> {
				task.setVariable("hearingHeld", true);
				task.setVariable("hearingHeldText", "已听证");
				task.setVariable("opinionsHeard", true);
				task.setVariable("opinionsHeardText", "已听取（听证）");
				entry = "【听证 " + date(task, "hearingHeldOn") + "】" + task.getVariable("hearingRecord");
			}
			default -> {
				task.setVariable("committeeConsulted", true);
				task.setVariable("committeeConsultedText", "已咨询");
				entry = "【行政复议委员会咨询意见 " + date(task, "committeeMeetingOn") + "】" + task.getVariable("committeeOpinion");
			}
		}
		Object previous = task.getVariable("opinionsSummaryText");
		task.setVariable("opinionsSummaryText", (previous == null) ? entry : previous + "\n\n" + entry);
	}

	private String date(DelegateTask task, String variable) {
		return CaseClock.text(this.clock.parseDate(task.getVariable(variable), variable));
	}

}
