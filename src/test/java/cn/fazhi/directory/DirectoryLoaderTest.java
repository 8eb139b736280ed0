package cn.fazhi.directory;

import java.util.List;
import java.util.Map;

import cn.fazhi.directory.DirectoryDocument.Government;
import cn.fazhi.directory.DirectoryDocument.Office;
import cn.fazhi.directory.DirectoryDocument.OfficeKind;
import cn.fazhi.directory.DirectoryDocument.Person;
import cn.fazhi.directory.DirectoryDocument.Role;

import org.junit.jupiter.api.Test;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.core.io.ClassPathResource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A directory with a mistake never loads, and the message lists every mistake.
 */
class DirectoryLoaderTest {

	@Test
	void shouldLoadTheShippedDirectoryWithEveryRoleTheProceduresNeed() {
		// when
		DirectoryDocument document = DirectoryLoader.load(new ClassPathResource("directory/directory.yaml"));
		// then
		assertThat(document.offices()).extracting(Office::kind)
			.contains(OfficeKind.DEPARTMENT, OfficeKind.SECRETARIAT, OfficeKind.LEGAL_AFFAIRS,
					OfficeKind.RECONSIDERATION, OfficeKind.SUPERVISION);
		assertThat(document.offices().stream().filter((o) -> o.kind() == OfficeKind.DEPARTMENT)).hasSizeGreaterThan(2);
		assertThat(document.roles()).extracting(Role::id)
			.contains("legal-advisers", "public-lawyers", "experts", "auditors", "camunda-admin");
		assertThat(document.people()).filteredOn((p) -> p.roles().contains("experts"))
			.allMatch((expert) -> !expert.expertise().isEmpty());
	}

	@Test
	void shouldListEveryMistake() {
		// given
		DirectoryDocument document = new DirectoryDocument("", new Government("g", "示范市人民政府"),
				List.of(new Office("Bad Id", "", OfficeKind.DEPARTMENT, "nowhere", List.of("missing-profile"))),
				List.of(), Map.of(), List.of(new Person("p1", "", "no-office", "not-an-email", List.of("no-role"),
						false, List.of(), false)));
		// when
		List<String> problems = DirectoryLoader.check(document);
		// then
		assertThat(problems).contains("version is missing", "office Bad Id: unknown supervisor nowhere",
				"group Bad Id: id must be lower-case ASCII letters, digits or '-'", "group Bad Id: name is missing",
				"group Bad Id: unknown profile missing-profile", "person p1: name is missing",
				"person p1: a valid email is required", "person p1: unknown office no-office",
				"person p1: unknown role no-role");
	}

	@Test
	void shouldRefuseUnknownKeysSoThatTyposDoNotPassSilently() {
		// given
		String yaml = "version: x\ngovernment: {id: g, name: 示范市}\noffices: []\npeople:\n  - {id: p1, naem: 张三}\n";
		// when / then
		assertThatThrownBy(() -> DirectoryLoader.load(new ByteArrayResource(yaml.getBytes())))
			.hasMessageContaining("naem");
	}

}
