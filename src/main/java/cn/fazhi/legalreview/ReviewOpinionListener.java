package cn.fazhi.legalreview;

import java.util.Map;

import cn.fazhi.directory.Directory;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

import static cn.fazhi.legalreview.LegalityReviewModel.Variables.LEGALITY_CONCLUSION;

/**
 * {@code userTask_review}, event {@code complete}: names the reviewer and the conclusion
 * in Chinese for the sign-off form and the record.
 */
@Component
class ReviewOpinionListener implements TaskListener {

	static final Map<String, String> CONCLUSIONS = Map.of("LAWFUL", "合法", "LAWFUL_WITH_CHANGES", "修改后合法", "UNLAWFUL",
			"不合法");

	private final Directory directory;

	ReviewOpinionListener(Directory directory) {
		this.directory = directory;
	}

	@Override
	public void notify(DelegateTask task) {
		task.setVariable("reviewerName", this.directory.displayName(task.getAssignee()));
		Object conclusion = task.getVariable(LEGALITY_CONCLUSION);
		if (conclusion != null) {
			task.setVariable(LEGALITY_CONCLUSION + "Name", CONCLUSIONS.getOrDefault(conclusion, conclusion.toString()));
		}
	}

}
