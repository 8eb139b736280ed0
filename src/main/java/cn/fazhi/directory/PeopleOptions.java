package cn.fazhi.directory;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.engine.variable.value.ObjectValue;
import org.springframework.stereotype.Component;

/**
 * Choice lists of people for task forms, taken from the directory at the moment the task
 * is created: form-js {@code valuesKey} options ({@code [{label, value}]}), stored as
 * JSON so that Tasklist can read them and the server-side validation accepts only a
 * listed person.
 */
@Component
public class PeopleOptions {

	private final Directory directory;

	PeopleOptions(Directory directory) {
		this.directory = directory;
	}

	/**
	 * People of the given groups, except those in {@code excluded} (回避: the submitting
	 * office, the reviewer), labelled with their role.
	 */
	public ObjectValue people(Collection<String> groups, Collection<String> excludedGroups,
			Collection<String> excludedUsers) {
		Map<String, Map<String, String>> options = new LinkedHashMap<>();
		for (String group : groups) {
			String role = this.directory.document()
				.roles()
				.stream()
				.filter((candidate) -> candidate.id().equals(group))
				.map((candidate) -> "（" + candidate.name() + "）")
				.findFirst()
				.orElse("");
			for (User user : this.directory.members(group)) {
				boolean excluded = excludedUsers.contains(user.getId())
						|| excludedGroups.stream().anyMatch((office) -> this.directory.isMember(user.getId(), office));
				if (!excluded && !options.containsKey(user.getId())) {
					options.put(user.getId(),
							Map.of("label", this.directory.displayName(user.getId()) + role, "value", user.getId()));
				}
			}
		}
		return json(new ArrayList<>(options.values()));
	}

	private static ObjectValue json(List<Map<String, String>> options) {
		return Variables.objectValue(options).serializationDataFormat(Variables.SerializationDataFormats.JSON).create();
	}

}
