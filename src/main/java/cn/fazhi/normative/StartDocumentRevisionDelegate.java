package cn.fazhi.normative;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import static cn.fazhi.normative.NormativeDocumentModel.Variables.DOCUMENT_ID;
import static cn.fazhi.normative.NormativeDocumentModel.Variables.EVALUATION_OUTCOME;
import static cn.fazhi.normative.NormativeDocumentModel.Variables.EVALUATION_REASON;
import static cn.fazhi.normative.NormativeDocumentModel.Variables.REVISION_CASE_NUMBER;

/**
 * {@code serviceTask_startRevision} (启动修订): the evaluation found the document needs
 * changes; it is 修订中 in the register and its revision starts as a new case of the
 * drafting office. This case keeps the document's validity until the revision is
 * published (which ends it) or the term runs out.
 */
@Component
class StartDocumentRevisionDelegate implements JavaDelegate {

	private final DocumentLifecycle lifecycle;

	StartDocumentRevisionDelegate(DocumentLifecycle lifecycle) {
		this.lifecycle = lifecycle;
	}

	@Override
	public void execute(DelegateExecution execution) {
		long documentId = ((Number) execution.getVariable(DOCUMENT_ID)).longValue();
		String revision = this.lifecycle.startRevision(documentId,
				"有效期届满前评估认为需要修改：" + execution.getVariable(EVALUATION_REASON), EVALUATION_OUTCOME);
		execution.setVariable(REVISION_CASE_NUMBER, revision);
	}

}
