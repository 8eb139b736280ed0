package cn.fazhi.normative;

import cn.fazhi.forms.FormRejections;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

import static cn.fazhi.normative.NormativeDocumentModel.Variables.AFFECTS_MARKET;
import static cn.fazhi.normative.NormativeDocumentModel.Variables.COMMENT_EXEMPT;
import static cn.fazhi.normative.NormativeDocumentModel.Variables.DOCUMENT_OUTCOME;
import static cn.fazhi.normative.NormativeDocumentModel.Variables.DRAFTING_DECISION;
import static cn.fazhi.normative.NormativeDocumentModel.Variables.FAIR_COMPETITION_CONCLUSION;

/**
 * {@code userTask_draft}, event {@code complete}: a document touching market activity
 * that the fair-competition review found restrictive may not go on (不得出台,
 * 《公平竞争审查条例》第13条); records whether comments are exempt, and a dropped draft.
 */
@Component
class NormativeDraftListener implements TaskListener {

	@Override
	public void notify(DelegateTask task) {
		// input
		boolean proceed = "PROCEED".equals(task.getVariable(DRAFTING_DECISION));
		Object fairCompetition = task.getVariable(FAIR_COMPETITION_CONCLUSION);
		// processing
		if (proceed && Boolean.TRUE.equals(task.getVariable(AFFECTS_MARKET))
				&& "NOT_COMPLIANT".equals(fairCompetition)) {
			throw FormRejections.reject(DRAFTING_DECISION,
					"经公平竞争审查，文件含有排除、限制竞争的内容且不属于例外情形的，不得出台（《公平竞争审查条例》第13条）：请调整草案后重新审查，或者选择终止起草");
		}
		// output
		task.setVariable(COMMENT_EXEMPT, proceed && Boolean.TRUE.equals(task.getVariable(COMMENT_EXEMPT)));
		task.setVariable("fairCompetitionConclusionName",
				NormativeLabels.name(NormativeLabels.FAIR_COMPETITION, fairCompetition));
		if (!proceed) {
			task.setVariable(DOCUMENT_OUTCOME, "ABANDONED");
		}
	}

}
