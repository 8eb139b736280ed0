package cn.fazhi.legalreview;

import cn.fazhi.directory.Directory;
import cn.fazhi.forms.FormRejections;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Component;

import static cn.fazhi.legalreview.LegalityReviewModel.Variables.REVIEWER;
import static cn.fazhi.legalreview.LegalityReviewModel.Variables.SIGNED_OFF_AT;
import static cn.fazhi.legalreview.LegalityReviewModel.Variables.SIGNED_OFF_BY;
import static cn.fazhi.legalreview.LegalityReviewModel.Variables.SIGN_OFF_DECISION;

/**
 * {@code userTask_signOff}, event {@code complete}: the head who signs is never the
 * reviewer (审签分离 — the reviewing office answers for its opinion, Art 28, and one person
 * may not both write and approve it); records who signed and when.
 */
@Component
class LegalitySignOffListener implements TaskListener {

	static final String APPROVE = "APPROVE";

	private final Directory directory;

	LegalitySignOffListener(Directory directory) {
		this.directory = directory;
	}

	@Override
	public void notify(DelegateTask task) {
		String signer = task.getAssignee();
		if (signer != null && signer.equals(task.getVariable(REVIEWER))) {
			throw FormRejections.reject(SIGN_OFF_DECISION, "签发人不能是本案承办人（审签分离）：请由审查机构其他负责人签发");
		}
		if (APPROVE.equals(task.getVariable(SIGN_OFF_DECISION))) {
			task.setVariable(SIGNED_OFF_BY, signer);
			task.setVariable(SIGNED_OFF_BY + "Name", this.directory.displayName(signer));
			task.setVariable(SIGNED_OFF_AT, ClockUtil.getCurrentTime());
		}
	}

}
