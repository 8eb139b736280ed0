package cn.fazhi.normative;

import java.time.LocalDate;

import cn.fazhi.calendar.CaseClock;
import cn.fazhi.clock.LegalClock;
import cn.fazhi.clock.LegalClocks;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

import static cn.fazhi.normative.NormativeDocumentModel.Elements;
import static cn.fazhi.normative.NormativeDocumentModel.Variables.DOCUMENT_OUTCOME;
import static cn.fazhi.normative.NormativeDocumentModel.Variables.MEETING_DATE;
import static cn.fazhi.normative.NormativeDocumentModel.Variables.MEETING_DECISION;
import static cn.fazhi.normative.NormativeDocumentModel.Variables.MEETING_TYPE;
import static cn.fazhi.normative.NormativeDocumentModel.Variables.PUBLICATION_DUE_DATE;
import static cn.fazhi.normative.NormativeDocumentModel.Variables.REVISION_REASON_TEXT;

/**
 * Event {@code complete} of {@code userTask_scheduleMeeting} and
 * {@code userTask_recordMeeting}: the texts later forms show; an approved document is due
 * for unified publication within the period {@code ND_PUBLICATION} from the meeting
 * (20个工作日); a meeting asking for changes sends the draft back with its minutes.
 */
@Component
class NormativeMeetingListener implements TaskListener {

	private final CaseClock clock;

	private final LegalClocks clocks;

	NormativeMeetingListener(CaseClock clock, LegalClocks clocks) {
		this.clock = clock;
		this.clocks = clocks;
	}

	@Override
	public void notify(DelegateTask task) {
		LocalDate meeting = this.clock.parseDate(task.getVariable(MEETING_DATE), "会议日期");
		if (Elements.SCHEDULE_MEETING.equals(task.getTaskDefinitionKey())) {
			task.setVariable("meetingTypeName",
					NormativeLabels.name(NormativeLabels.MEETING_TYPE, task.getVariable(MEETING_TYPE)));
			task.setVariable("meetingDateText", CaseClock.text(meeting));
			return;
		}
		Object decision = task.getVariable(MEETING_DECISION);
		task.setVariable("meetingDecisionName", NormativeLabels.name(NormativeLabels.MEETING_DECISION, decision));
		switch (String.valueOf(decision)) {
			case "APPROVED" -> {
				LegalClock publication = this.clocks.start(task.getExecution(), NormativeClocks.PUBLICATION, meeting);
				this.clocks.mirror(publication, task.getExecution(), PUBLICATION_DUE_DATE);
			}
			case "REVISE" ->
				task.setVariable(REVISION_REASON_TEXT, "集体审议决定修改后再次审议：" + task.getVariable("meetingMinutes"));
			case "REJECTED" -> task.setVariable(DOCUMENT_OUTCOME, "REJECTED");
			default -> {
			}
		}
	}

}
