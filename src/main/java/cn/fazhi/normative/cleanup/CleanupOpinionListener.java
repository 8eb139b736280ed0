package cn.fazhi.normative.cleanup;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import cn.fazhi.directory.Directory;
import cn.fazhi.normative.register.CleanupDecision;
import cn.fazhi.normative.register.NormativeDocument;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

import static cn.fazhi.normative.cleanup.NormativeCleanupModel.Variables.DECISION;
import static cn.fazhi.normative.cleanup.NormativeCleanupModel.Variables.DOCUMENT_ID;
import static cn.fazhi.normative.cleanup.NormativeCleanupModel.Variables.REASON;
import static cn.fazhi.normative.cleanup.NormativeCleanupModel.Variables.RESULTS_TEXT;

/**
 * {@code userTask_proposeOutcome}, event {@code complete}: the drafting office's proposal
 * for one document joins the campaign's results ({@code cleanupResults}) and the list the
 * review and publication forms show.
 */
@Component
class CleanupOpinionListener implements TaskListener {

	private final NormativeCleanupCase cleanup;

	private final Directory directory;

	CleanupOpinionListener(NormativeCleanupCase cleanup, Directory directory) {
		this.cleanup = cleanup;
		this.directory = directory;
	}

	@Override
	public void notify(DelegateTask task) {
		// input
		String documentId = String.valueOf(task.getVariable(DOCUMENT_ID));
		CleanupDecision decision = CleanupDecision.of(task.getVariable(DECISION)).orElseThrow();
		String reason = String.valueOf(task.getVariable(REASON));
		String office = this.cleanup.draftingOffice(documentId);
		// processing
		List<Map<String, String>> results = NormativeCleanupCase.results(task.getExecution());
		results.removeIf((result) -> documentId.equals(result.get("documentId")));
		results.add(new LinkedHashMap<>(
				Map.of("documentId", documentId, "decision", decision.name(), "reason", reason, "office", office)));
		// output
		NormativeCleanupCase.results(task.getExecution(), results);
		task.getExecution()
			.setVariable(RESULTS_TEXT, results.stream().map(this::line).collect(Collectors.joining("\n")));
	}

	private String line(Map<String, String> result) {
		NormativeDocument document = this.cleanup.document(result.get("documentId"));
		return "- " + document.documentNumber() + "《" + document.title() + "》：**"
				+ CleanupDecision.valueOf(result.get("decision")).label() + "**（"
				+ this.directory.officeName(result.get("office")) + "：" + result.get("reason") + "）";
	}

}
