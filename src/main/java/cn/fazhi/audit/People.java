package cn.fazhi.audit;

import java.util.HashMap;
import java.util.Map;

import cn.fazhi.audit.CaseTimeline.Person;
import cn.fazhi.directory.Directory;

/**
 * Names and offices of the people in one replay, looked up in the directory once each (a
 * case names the same dozen people hundreds of times).
 */
final class People {

	private final Directory directory;

	private final Map<String, Person> known = new HashMap<>();

	People(Directory directory) {
		this.directory = directory;
	}

	Person of(String userId) {
		if (userId == null || userId.isBlank()) {
			return null;
		}
		return this.known.computeIfAbsent(userId, (id) -> {
			String office = this.directory.officeOf(id).orElse(null);
			return new Person(id, this.directory.displayName(id), office,
					(office == null) ? null : this.directory.officeName(office));
		});
	}

}
