package cn.fazhi.normative;

import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Component;

import static cn.fazhi.normative.NormativeDocumentModel.Variables.ISSUER_TYPE;
import static cn.fazhi.normative.NormativeDocumentModel.Variables.MEETING_TYPE_OPTIONS;

/**
 * {@code userTask_scheduleMeeting}, event {@code create}: the meetings that may decide
 * the document — the government's executive or plenary meeting for a government document,
 * the department's office or leadership meeting for a departmental one (国办发〔2018〕37号).
 */
@Component
class MeetingTypeOptionsListener implements TaskListener {

	@Override
	public void notify(DelegateTask task) {
		List<String> codes = "GOVERNMENT".equals(task.getVariable(ISSUER_TYPE)) ? List.of("EXECUTIVE", "PLENARY")
				: List.of("OFFICE_MEETING", "LEADERSHIP");
		List<Map<String, String>> options = codes.stream()
			.map((code) -> Map.of("label", NormativeLabels.MEETING_TYPE.get(code), "value", code))
			.toList();
		task.setVariable(MEETING_TYPE_OPTIONS,
				Variables.objectValue(options)
					.serializationDataFormat(Variables.SerializationDataFormats.JSON)
					.create());
	}

}
