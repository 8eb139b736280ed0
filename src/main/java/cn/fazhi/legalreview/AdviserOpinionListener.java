package cn.fazhi.legalreview;

import cn.fazhi.directory.SignedOpinions;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

import static cn.fazhi.legalreview.LegalityReviewModel.Variables.ADVISER_OPINION;
import static cn.fazhi.legalreview.LegalityReviewModel.Variables.ADVISER_OPINIONS_SUMMARY;

/**
 * {@code userTask_adviserOpinion}, event {@code complete}: every legal opinion is kept
 * with its author and time (Art 28) — as a comment on the task in Camunda history, and
 * appended to {@code adviserOpinionsSummary}, which the reviewer's form shows.
 */
@Component
class AdviserOpinionListener implements TaskListener {

	private final SignedOpinions opinions;

	AdviserOpinionListener(SignedOpinions opinions) {
		this.opinions = opinions;
	}

	@Override
	public void notify(DelegateTask task) {
		this.opinions.record(task, String.valueOf(task.getVariable(ADVISER_OPINION)), ADVISER_OPINIONS_SUMMARY, "法律意见");
	}

}
