package cn.fazhi.decision;

import cn.fazhi.calendar.CaseClock;
import cn.fazhi.decision.catalog.CatalogStatus;
import cn.fazhi.decision.catalog.DecisionCatalog;
import cn.fazhi.directory.Directory;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

import static cn.fazhi.decision.MajorDecisionModel.Elements;
import static cn.fazhi.decision.MajorDecisionModel.Variables.ADJUSTMENT_ACTION;
import static cn.fazhi.decision.MajorDecisionModel.Variables.CATALOG_ENTRY_ID;
import static cn.fazhi.decision.MajorDecisionModel.Variables.DECISION_OUTCOME;
import static cn.fazhi.decision.MajorDecisionModel.Variables.DEFERRED_REASON;
import static cn.fazhi.decision.MajorDecisionModel.Variables.EXECUTION_STATUS;
import static cn.fazhi.decision.MajorDecisionModel.Variables.HIGH_RISK_ACTION;
import static cn.fazhi.decision.MajorDecisionModel.Variables.INITIATION_DECISION;
import static cn.fazhi.decision.MajorDecisionModel.Variables.LEAD_OFFICE;
import static cn.fazhi.decision.MajorDecisionModel.Variables.MEETING_DATE;
import static cn.fazhi.decision.MajorDecisionModel.Variables.MEETING_DECISION;
import static cn.fazhi.decision.MajorDecisionModel.Variables.PARTY_REPORT_OUTCOME;
import static cn.fazhi.decision.MajorDecisionModel.Variables.REVISION_REASON_TEXT;
import static cn.fazhi.decision.MajorDecisionModel.Variables.STOP_REASON;
import static cn.fazhi.decision.MajorDecisionModel.Variables.SUSPENSION_OUTCOME;

/**
 * Event {@code complete} of the steps that change where a decision stands (wired on
 * {@code userTask_decideInitiation}, {@code userTask_selectExperts},
 * {@code userTask_highRiskDecision}, {@code userTask_scheduleMeeting},
 * {@code userTask_recordMeeting}, {@code userTask_reportToParty},
 * {@code userTask_publishDecision}, {@code userTask_executionReport},
 * {@code userTask_adjustExecution} and {@code userTask_resumeOrStop}): records the
 * outcome ({@code decisionOutcome}), who stopped a decision and why, the texts later
 * forms show, and the status of the catalogue entry (未启动 / 办理中 / 已决定 / 已公布 / 已停止), which
 * the public catalogue page shows.
 */
@Component
class DecisionStatusListener implements TaskListener {

	private final DecisionCatalog catalog;

	private final Directory directory;

	private final CaseClock clock;

	DecisionStatusListener(DecisionCatalog catalog, Directory directory, CaseClock clock) {
		this.catalog = catalog;
		this.directory = directory;
		this.clock = clock;
	}

	@Override
	public void notify(DelegateTask task) {
		switch (task.getTaskDefinitionKey()) {
			case Elements.DECIDE_INITIATION -> initiation(task);
			case Elements.SELECT_EXPERTS -> task.setVariable("argumentationFormName",
					DecisionLabels.name(DecisionLabels.ARGUMENTATION_FORM, task.getVariable("argumentationForm")));
			case Elements.HIGH_RISK_DECISION -> {
				if ("STOP".equals(task.getVariable(HIGH_RISK_ACTION))) {
					stop(task, "STOPPED_FOR_RISK", task.getVariable("highRiskReason"));
				}
			}
			case Elements.SCHEDULE_MEETING -> {
				task.setVariable("meetingTypeName",
						DecisionLabels.name(DecisionLabels.MEETING_TYPE, task.getVariable("meetingType")));
				task.setVariable("meetingDateText",
						CaseClock.text(this.clock.parseDate(task.getVariable(MEETING_DATE), "会议日期")));
			}
			case Elements.RECORD_MEETING -> meeting(task);
			case Elements.REPORT_TO_PARTY -> party(task);
			case Elements.PUBLISH_DECISION -> {
				outcome(task, "PUBLISHED", CatalogStatus.PUBLISHED);
				task.setVariable("publishedOnText",
						CaseClock.text(this.clock.parseDate(task.getVariable("publishedOn"), "公布日期")));
			}
			case Elements.EXECUTION_REPORT -> {
				if ("COMPLETED".equals(task.getVariable(EXECUTION_STATUS))) {
					outcome(task, "IMPLEMENTED", null);
				}
			}
			case Elements.ADJUST_EXECUTION -> {
				if ("STOP".equals(task.getVariable(ADJUSTMENT_ACTION))) {
					stop(task, "EXECUTION_STOPPED", task.getVariable("adjustmentReason"));
				}
				else {
					task.setVariable("executionSuspended", true);
				}
			}
			case Elements.RESUME_OR_STOP -> {
				task.setVariable("executionSuspended", false);
				if ("STOP".equals(task.getVariable(SUSPENSION_OUTCOME))) {
					stop(task, "EXECUTION_STOPPED", task.getVariable("suspensionNote"));
				}
			}
			default -> throw new IllegalStateException(
					"decisionStatusListener is not wired for " + task.getTaskDefinitionKey());
		}
	}

	private void initiation(DelegateTask task) {
		if ("START".equals(task.getVariable(INITIATION_DECISION))) {
			String office = (String) task.getVariable(LEAD_OFFICE);
			task.setVariable("leadOfficeName", this.directory.officeName(office));
		}
		else {
			outcome(task, "NOT_STARTED", CatalogStatus.STOPPED);
		}
	}

	private void meeting(DelegateTask task) {
		Object decision = task.getVariable(MEETING_DECISION);
		switch (String.valueOf(decision)) {
			case "APPROVED" -> outcome(task, "DECIDED", CatalogStatus.DECIDED);
			case "REJECTED" -> stop(task, "REJECTED", task.getVariable("meetingMinutes"));
			case "REVISE" -> task.setVariable(REVISION_REASON_TEXT, "集体讨论决定修改后再次提请审议（"
					+ task.getVariable("meetingSession") + "）：" + task.getVariable("meetingMinutes"));
			default -> task.setVariable(DEFERRED_REASON,
					"集体讨论决定暂缓审议（" + task.getVariable("meetingSession") + "）：" + task.getVariable("meetingMinutes"));
		}
	}

	private void party(DelegateTask task) {
		Object outcome = task.getVariable(PARTY_REPORT_OUTCOME);
		if ("NOT_AGREED".equals(outcome)) {
			stop(task, "PARTY_NOT_AGREED", task.getVariable("partyReportNote"));
		}
		else if ("RETURNED".equals(outcome)) {
			task.setVariable(REVISION_REASON_TEXT, "同级党委退回修改：" + task.getVariable("partyReportNote"));
		}
	}

	private void stop(DelegateTask task, String outcome, Object reason) {
		outcome(task, outcome, CatalogStatus.STOPPED);
		String actor = task.getAssignee();
		task.setVariable(STOP_REASON, String.valueOf(reason));
		task.setVariable("stoppedBy", actor);
		task.setVariable("stoppedByName", this.directory.displayName(actor));
		task.setVariable("stoppedAt", this.clock.now());
	}

	private void outcome(DelegateTask task, String outcome, CatalogStatus status) {
		task.setVariable(DECISION_OUTCOME, outcome);
		task.setVariable("decisionOutcomeName", DecisionLabels.name(DecisionLabels.OUTCOME, outcome));
		Object entry = task.getVariable(CATALOG_ENTRY_ID);
		if (status != null && entry instanceof Number id) {
			this.catalog.updateStatus(id.longValue(), status);
		}
	}

}
