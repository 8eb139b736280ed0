package cn.fazhi.normative.objection;

import cn.fazhi.normative.DocumentLifecycle;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import static cn.fazhi.normative.objection.NormativeObjectionModel.Variables.DOCUMENT_ID;
import static cn.fazhi.normative.objection.NormativeObjectionModel.Variables.ENACTOR_ACTION;
import static cn.fazhi.normative.objection.NormativeObjectionModel.Variables.ENACTOR_RESPONSE;
import static cn.fazhi.normative.objection.NormativeObjectionModel.Variables.REVISION_CASE_NUMBER;

/**
 * {@code serviceTask_applyObjectionOutcome} (修改或者废止), in the transaction of the enacting
 * office's answer: 废止 repeals the document and ends its case; 修改 starts its revision (a
 * new case of that office), the document being 修订中 until the revision is published.
 */
@Component
class ApplyObjectionOutcomeDelegate implements JavaDelegate {

	private final DocumentLifecycle lifecycle;

	ApplyObjectionOutcomeDelegate(DocumentLifecycle lifecycle) {
		this.lifecycle = lifecycle;
	}

	@Override
	public void execute(DelegateExecution execution) {
		long documentId = ((Number) execution.getVariable(DOCUMENT_ID)).longValue();
		String reason = "审查申请（" + execution.getProcessBusinessKey() + "）：" + execution.getVariable(ENACTOR_RESPONSE);
		if ("REPEAL".equals(execution.getVariable(ENACTOR_ACTION))) {
			this.lifecycle.repeal(documentId, "经" + reason, ENACTOR_ACTION);
		}
		else {
			execution.setVariable(REVISION_CASE_NUMBER,
					this.lifecycle.startRevision(documentId, reason, ENACTOR_ACTION));
		}
	}

}
