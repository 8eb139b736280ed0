package cn.fazhi.decision;

import cn.fazhi.directory.SignedOpinions;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

import static cn.fazhi.decision.MajorDecisionModel.Variables.EXPERT_OPINION;
import static cn.fazhi.decision.MajorDecisionModel.Variables.EXPERT_OPINIONS_SUMMARY;

/**
 * {@code userTask_expertOpinion}, event {@code complete}: each expert's opinion is kept
 * with its author, office and time (专家应当署名，第19条第2款), as a comment in history and in
 * {@code expertOpinionsSummary}, which the meeting submission shows.
 */
@Component
class ExpertOpinionListener implements TaskListener {

	private final SignedOpinions opinions;

	ExpertOpinionListener(SignedOpinions opinions) {
		this.opinions = opinions;
	}

	@Override
	public void notify(DelegateTask task) {
		this.opinions.record(task, String.valueOf(task.getVariable(EXPERT_OPINION)), EXPERT_OPINIONS_SUMMARY, "专家论证意见");
	}

}
