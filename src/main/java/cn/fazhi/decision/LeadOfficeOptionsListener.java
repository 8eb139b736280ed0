package cn.fazhi.decision;

import java.util.List;
import java.util.Map;

import cn.fazhi.directory.Directory;
import cn.fazhi.directory.DirectoryDocument.OfficeKind;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Component;

import static cn.fazhi.decision.MajorDecisionModel.Variables.LEAD_OFFICE_OPTIONS;

/**
 * {@code userTask_decideInitiation}, event {@code create}: the departments the decision
 * organ may designate as 决策承办单位 (第11条), from the organisation directory.
 */
@Component
class LeadOfficeOptionsListener implements TaskListener {

	private final Directory directory;

	LeadOfficeOptionsListener(Directory directory) {
		this.directory = directory;
	}

	@Override
	public void notify(DelegateTask task) {
		List<Map<String, String>> options = this.directory.offices()
			.stream()
			.filter((office) -> office.kind() == OfficeKind.DEPARTMENT)
			.map((office) -> Map.of("label", office.name(), "value", office.id()))
			.toList();
		task.setVariable(LEAD_OFFICE_OPTIONS,
				Variables.objectValue(options)
					.serializationDataFormat(Variables.SerializationDataFormats.JSON)
					.create());
	}

}
