package cn.fazhi.normative.cleanup;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import cn.fazhi.forms.FormRejections;
import cn.fazhi.normative.NormativeLabels;
import cn.fazhi.normative.register.NormativeDocument;
import cn.fazhi.normative.register.NormativeRegister;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Component;

import static cn.fazhi.normative.cleanup.NormativeCleanupModel.Variables.DOCUMENTS;
import static cn.fazhi.normative.cleanup.NormativeCleanupModel.Variables.RESULTS;

/**
 * Bean {@code normativeCleanupCase} for expressions in normative-document-cleanup.bpmn:
 * the documents {@code userTask_proposeOutcome} runs for (multi-instance) and the office
 * each is routed to; and the campaign's collected results.
 */
@Component("normativeCleanupCase")
public class NormativeCleanupCase {

	private final NormativeRegister register;

	NormativeCleanupCase(NormativeRegister register) {
		this.register = register;
	}

	/** The chosen documents' ids: JSON from Tasklist's checklist, or a list from Java. */
	public List<String> documents(DelegateExecution execution) {
		return NormativeLabels.codes(execution.getVariable(DOCUMENTS));
	}

	/** The office that drafted a document: it proposes the document's outcome. */
	public String draftingOffice(Object documentId) {
		return document(documentId).draftingOffice();
	}

	NormativeDocument document(Object documentId) {
		return this.register.find(Long.parseLong(String.valueOf(documentId)))
			.orElseThrow(() -> FormRejections.reject(DOCUMENTS, "规范性文件目录中没有编号为 " + documentId + " 的文件"));
	}

	/** The results collected so far: documentId, decision, reason, office. */
	@SuppressWarnings("unchecked")
	static List<Map<String, String>> results(VariableScope scope) {
		Object value = scope.getVariable(RESULTS);
		return (value instanceof List<?> list) ? new ArrayList<>((List<Map<String, String>>) list) : new ArrayList<>();
	}

	static void results(VariableScope scope, List<Map<String, String>> results) {
		scope.setVariable(RESULTS,
				Variables.objectValue(results)
					.serializationDataFormat(Variables.SerializationDataFormats.JSON)
					.create());
	}

}
