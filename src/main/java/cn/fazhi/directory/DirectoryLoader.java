package cn.fazhi.directory;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import cn.fazhi.directory.DirectoryDocument.Grant;
import cn.fazhi.directory.DirectoryDocument.Office;
import cn.fazhi.directory.DirectoryDocument.Person;
import cn.fazhi.directory.DirectoryDocument.Role;

import org.springframework.core.io.Resource;

/**
 * Reads and checks {@code directory.yaml}. A directory with an error does not load at
 * all: start-up fails with every problem listed, so that a typo never leaves a
 * half-applied organisation in Camunda.
 */
final class DirectoryLoader {

	private static final Pattern ID = Pattern.compile("[a-z][a-z0-9-]{1,62}");

	private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

	private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
		.setPropertyNamingStrategy(PropertyNamingStrategies.KEBAB_CASE)
		.enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

	private DirectoryLoader() {
	}

	static DirectoryDocument load(Resource resource) {
		DirectoryDocument document;
		try (InputStream in = resource.getInputStream()) {
			document = YAML.readValue(in, DirectoryDocument.class);
		}
		catch (IOException ex) {
			throw new IllegalStateException(
					"Cannot read the organisation directory " + resource + ": " + ex.getMessage(), ex);
		}
		List<String> problems = check(document);
		if (!problems.isEmpty()) {
			throw new IllegalStateException(
					"The organisation directory " + resource + " has errors:\n - " + String.join("\n - ", problems));
		}
		return document;
	}

	static List<String> check(DirectoryDocument document) {
		List<String> problems = new ArrayList<>();
		if (isBlank(document.version())) {
			problems.add("version is missing");
		}
		if (document.government() == null || isBlank(document.government().name())) {
			problems.add("government name is missing");
		}
		Set<String> groupIds = new HashSet<>();
		Set<String> officeIds = new HashSet<>();
		for (Office office : document.offices()) {
			checkGroup(office.id(), office.name(), office.profiles(), document, groupIds, problems);
			officeIds.add(office.id());
			if (office.kind() == null) {
				problems.add("office " + office.id() + ": kind is missing");
			}
			groupIds.add(office.headsGroupId());
		}
		for (Office office : document.offices()) {
			if (office.supervisor() != null && !officeIds.contains(office.supervisor())) {
				problems.add("office " + office.id() + ": unknown supervisor " + office.supervisor());
			}
		}
		Set<String> roleIds = new HashSet<>();
		for (Role role : document.roles()) {
			checkGroup(role.id(), role.name(), role.profiles(), document, groupIds, problems);
			roleIds.add(role.id());
		}
		document.profiles().forEach((name, grants) -> {
			for (Grant grant : grants) {
				if (isBlank(grant.resource()) || isBlank(grant.id()) || grant.permissions().isEmpty()) {
					problems.add("profile " + name + ": a grant needs resource, id and permissions");
				}
			}
		});
		Set<String> personIds = new HashSet<>();
		for (Person person : document.people()) {
			String who = "person " + person.id();
			if (person.id() == null || !ID.matcher(person.id()).matches()) {
				problems.add(who + ": id must be lower-case ASCII letters, digits or '-'");
			}
			else if (!personIds.add(person.id())) {
				problems.add(who + ": duplicate id");
			}
			if (isBlank(person.name())) {
				problems.add(who + ": name is missing");
			}
			if (person.email() == null || !EMAIL.matcher(person.email()).matches()) {
				problems.add(who + ": a valid email is required");
			}
			if (!officeIds.contains(person.office())) {
				problems.add(who + ": unknown office " + person.office());
			}
			for (String role : person.roles()) {
				if (!roleIds.contains(role)) {
					problems.add(who + ": unknown role " + role);
				}
			}
		}
		return problems;
	}

	private static void checkGroup(String id, String name, List<String> profiles, DirectoryDocument document,
			Set<String> groupIds, List<String> problems) {
		String what = "group " + id;
		if (id == null || !ID.matcher(id).matches()) {
			problems.add(what + ": id must be lower-case ASCII letters, digits or '-'");
		}
		else if (!groupIds.add(id)) {
			problems.add(what + ": duplicate id");
		}
		if (isBlank(name)) {
			problems.add(what + ": name is missing");
		}
		for (String profile : profiles) {
			if (!document.profiles().containsKey(profile)) {
				problems.add(what + ": unknown profile " + profile);
			}
		}
	}

	private static boolean isBlank(String value) {
		return value == null || value.isBlank();
	}

}
