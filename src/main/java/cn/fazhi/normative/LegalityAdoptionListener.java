package cn.fazhi.normative;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

import static cn.fazhi.normative.NormativeDocumentModel.Variables.CHANGES_ADOPTED;
import static cn.fazhi.normative.NormativeDocumentModel.Variables.CHANGES_IGNORED;
import static cn.fazhi.normative.NormativeDocumentModel.Variables.NOT_ADOPTED_REASON;
import static cn.fazhi.normative.NormativeDocumentModel.Variables.REVISION_REASON_TEXT;

/**
 * {@code userTask_adoptLegalityChanges}, event {@code complete}: a draft that does not
 * take up the review's required changes and states no reason is sent back
 * ({@code changesIgnored}); one that states its reason goes to the meeting with it
 * (国办发〔2018〕115号).
 */
@Component
class LegalityAdoptionListener implements TaskListener {

	@Override
	public void notify(DelegateTask task) {
		// input
		Object adopted = task.getVariable(CHANGES_ADOPTED);
		Object reason = task.getVariable(NOT_ADOPTED_REASON);
		// processing
		boolean ignored = !"ALL".equals(adopted) && (reason == null || reason.toString().isBlank());
		// output
		task.setVariable(CHANGES_IGNORED, ignored);
		task.setVariable("changesAdoptedName", NormativeLabels.name(NormativeLabels.CHANGES_ADOPTED, adopted));
		if ("ALL".equals(adopted)) {
			task.setVariable(NOT_ADOPTED_REASON, "");
		}
		if (ignored) {
			task.setVariable(REVISION_REASON_TEXT,
					"合法性审核意见要求修改，送审稿" + NormativeLabels.name(NormativeLabels.CHANGES_ADOPTED, adopted)
							+ "且未说明理由，退回修改（国办发〔2018〕115号）。审核意见：" + task.getVariable("requiredChanges"));
		}
	}

}
