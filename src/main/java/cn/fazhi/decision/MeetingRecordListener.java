package cn.fazhi.decision;

import java.time.LocalDate;

import cn.fazhi.calendar.CaseClock;
import cn.fazhi.clock.LegalClock;
import cn.fazhi.clock.LegalClocks;
import cn.fazhi.forms.FormRejections;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

import static cn.fazhi.decision.MajorDecisionModel.Variables.HEAD_DECISION_REASON;
import static cn.fazhi.decision.MajorDecisionModel.Variables.MAJORITY_OPINION;
import static cn.fazhi.decision.MajorDecisionModel.Variables.MEETING_DATE;
import static cn.fazhi.decision.MajorDecisionModel.Variables.MEETING_DECISION;
import static cn.fazhi.decision.MajorDecisionModel.Variables.PUBLICATION_DUE_DATE;

/**
 * {@code userTask_recordMeeting}, event {@code complete}: a decision of the head against
 * the majority of the meeting's members carries the reason he gave at the meeting
 * (第30条第2款). An approved decision is due for publication within 20 working days of the
 * meeting, the general period for proactively disclosed information (《政府信息公开条例》第26条; 第32条
 * says only 及时).
 */
@Component
class MeetingRecordListener implements TaskListener {

	private final CaseClock clock;

	private final LegalClocks clocks;

	MeetingRecordListener(CaseClock clock, LegalClocks clocks) {
		this.clock = clock;
		this.clocks = clocks;
	}

	@Override
	public void notify(DelegateTask task) {
		// input
		Object decision = task.getVariable(MEETING_DECISION);
		Object majority = task.getVariable(MAJORITY_OPINION);
		Object reason = task.getVariable(HEAD_DECISION_REASON);
		LocalDate meeting = this.clock.parseDate(task.getVariable(MEETING_DATE), "会议日期");
		// processing
		if (!decision.equals(majority) && (reason == null || reason.toString().isBlank())) {
			throw FormRejections.reject(HEAD_DECISION_REASON,
					"行政首长的决定（" + DecisionLabels.name(DecisionLabels.MEETING_DECISION, decision) + "）与会议组成人员多数意见（"
							+ DecisionLabels.name(DecisionLabels.MEETING_DECISION, majority)
							+ "）不一致，应当记录其在会上说明的理由（第30条第2款）");
		}
		// output
		task.setVariable("meetingDecisionName", DecisionLabels.name(DecisionLabels.MEETING_DECISION, decision));
		task.setVariable("majorityOpinionName", DecisionLabels.name(DecisionLabels.MEETING_DECISION, majority));
		task.setVariable("meetingDateText", CaseClock.text(meeting));
		if ("APPROVED".equals(decision)) {
			LegalClock publication = this.clocks.start(task.getExecution(), DecisionClocks.PUBLICATION, meeting);
			this.clocks.mirror(publication, task.getExecution(), PUBLICATION_DUE_DATE);
		}
	}

}
