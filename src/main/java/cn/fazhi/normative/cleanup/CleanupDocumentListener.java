package cn.fazhi.normative.cleanup;

import cn.fazhi.calendar.CaseClock;
import cn.fazhi.normative.register.NormativeDocument;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

import static cn.fazhi.normative.cleanup.NormativeCleanupModel.Variables.DOCUMENT_ID;

/**
 * {@code userTask_proposeOutcome} (one per document), event {@code create}: the document
 * the task is about, shown by the form (task-local, so the tasks of one campaign do not
 * overwrite each other).
 */
@Component
class CleanupDocumentListener implements TaskListener {

	private final NormativeCleanupCase cleanup;

	CleanupDocumentListener(NormativeCleanupCase cleanup) {
		this.cleanup = cleanup;
	}

	@Override
	public void notify(DelegateTask task) {
		NormativeDocument document = this.cleanup.document(task.getVariable(DOCUMENT_ID));
		task.setVariableLocal("cleanupDocumentTitle", document.title());
		task.setVariableLocal("cleanupDocumentNumber", document.documentNumber());
		task.setVariableLocal("cleanupDocumentIssuer", document.issuerName());
		task.setVariableLocal("cleanupDocumentValidUntil", CaseClock.text(document.validUntil()));
	}

}
