package cn.fazhi.normative.objection;

import cn.fazhi.calendar.CaseClock;
import cn.fazhi.forms.FormRejections;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

import static cn.fazhi.normative.objection.NormativeObjectionModel.Elements.REPLY;
import static cn.fazhi.normative.objection.NormativeObjectionModel.Elements.REVIEW;
import static cn.fazhi.normative.objection.NormativeObjectionModel.Variables.ENACTOR_ACTION;
import static cn.fazhi.normative.objection.NormativeObjectionModel.Variables.REVIEW_FINDING;

/**
 * Event {@code complete} of {@code userTask_reviewObjection},
 * {@code userTask_enactorResponse} and {@code userTask_replyApplicant}: the outcome in
 * words for the reply; a reply is dated today or before.
 */
@Component
class ObjectionStepListener implements TaskListener {

	private final CaseClock clock;

	ObjectionStepListener(CaseClock clock) {
		this.clock = clock;
	}

	@Override
	public void notify(DelegateTask task) {
		switch (task.getTaskDefinitionKey()) {
			case REVIEW -> task.setVariable("reviewFindingName",
					ObjectionLabels.name(ObjectionLabels.FINDING, task.getVariable(REVIEW_FINDING)));
			case REPLY -> {
				var replied = this.clock.parseDate(task.getVariable("repliedOn"), "答复日期");
				if (replied.isAfter(this.clock.today())) {
					throw FormRejections.reject("repliedOn", "答复日期不得晚于今天");
				}
				task.setVariable("repliedOnText", CaseClock.text(replied));
			}
			default -> task.setVariable("enactorActionName",
					ObjectionLabels.name(ObjectionLabels.ACTION, task.getVariable(ENACTOR_ACTION)));
		}
	}

}
