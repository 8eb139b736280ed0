package cn.fazhi.normative.cleanup;

import java.util.ArrayList;
import java.util.List;

import cn.fazhi.forms.FormRejections;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

import static cn.fazhi.normative.cleanup.NormativeCleanupModel.Variables.DOCUMENTS;
import static cn.fazhi.normative.cleanup.NormativeCleanupModel.Variables.RESULTS_TEXT;

/**
 * {@code userTask_selectDocuments}, event {@code complete}: a campaign covers at least
 * one document still in force; the results list starts empty.
 */
@Component
class CleanupScopeListener implements TaskListener {

	private final NormativeCleanupCase cleanup;

	CleanupScopeListener(NormativeCleanupCase cleanup) {
		this.cleanup = cleanup;
	}

	@Override
	public void notify(DelegateTask task) {
		List<String> documents = this.cleanup.documents(task.getExecution());
		if (documents.isEmpty()) {
			throw FormRejections.reject(DOCUMENTS, "请至少选择一件清理的文件");
		}
		for (String id : documents) {
			var document = this.cleanup.document(id);
			if (!document.inForce()) {
				throw FormRejections.reject(DOCUMENTS,
						"《" + document.title() + "》已" + document.status().label() + "，不在清理范围内");
			}
		}
		NormativeCleanupCase.results(task, new ArrayList<>());
		task.setVariable(RESULTS_TEXT, "");
	}

}
