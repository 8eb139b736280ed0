package cn.fazhi.normative.cleanup;

import java.util.List;
import java.util.Map;

import cn.fazhi.normative.register.NormativeRegister;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Component;

import static cn.fazhi.normative.cleanup.NormativeCleanupModel.Variables.DOCUMENT_OPTIONS;

/**
 * {@code userTask_selectDocuments}, event {@code create}: the documents a campaign may
 * cover — every document of the register still in force (有效, 修订中).
 */
@Component
class CleanupScopeOptionsListener implements TaskListener {

	private final NormativeRegister register;

	CleanupScopeOptionsListener(NormativeRegister register) {
		this.register = register;
	}

	@Override
	public void notify(DelegateTask task) {
		List<Map<String, String>> options = this.register.inForce()
			.stream()
			.map((document) -> Map.of("label",
					document.documentNumber() + "《" + document.title() + "》（" + document.issuerName() + "，"
							+ document.status().label() + "）",
					"value", Long.toString(document.id())))
			.toList();
		task.setVariable(DOCUMENT_OPTIONS,
				Variables.objectValue(options)
					.serializationDataFormat(Variables.SerializationDataFormats.JSON)
					.create());
	}

}
