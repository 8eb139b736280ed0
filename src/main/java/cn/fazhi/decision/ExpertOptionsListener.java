package cn.fazhi.decision;

import java.util.List;
import java.util.Map;

import cn.fazhi.directory.Directory;
import cn.fazhi.directory.DirectoryDocument.Person;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Component;

import static cn.fazhi.decision.MajorDecisionModel.Variables.EXPERT_OPTIONS;
import static cn.fazhi.decision.MajorDecisionModel.Variables.LEAD_OFFICE;

/**
 * {@code userTask_selectExperts}, event {@code create}: the experts of the pool (专家库,
 * 第21条) the lead office may choose from, each labelled with their fields of expertise so
 * that the choice follows the matter's field (第20条). Members of the lead office are never
 * offered: they have a direct interest in the draft.
 */
@Component
class ExpertOptionsListener implements TaskListener {

	static final String EXPERTS_GROUP = "experts";

	private final Directory directory;

	ExpertOptionsListener(Directory directory) {
		this.directory = directory;
	}

	@Override
	public void notify(DelegateTask task) {
		String leadOffice = (String) task.getVariable(LEAD_OFFICE);
		List<Map<String, String>> options = this.directory.members(EXPERTS_GROUP)
			.stream()
			.filter((user) -> !this.directory.isMember(user.getId(), leadOffice))
			.map((user) -> Map.of("label", label(user.getId()), "value", user.getId()))
			.toList();
		task.setVariable(EXPERT_OPTIONS,
				Variables.objectValue(options)
					.serializationDataFormat(Variables.SerializationDataFormats.JSON)
					.create());
	}

	private String label(String userId) {
		List<String> fields = this.directory.person(userId).map(Person::expertise).orElse(List.of());
		String name = this.directory.displayName(userId);
		return fields.isEmpty() ? name : name + "（" + String.join("、", fields) + "）";
	}

}
