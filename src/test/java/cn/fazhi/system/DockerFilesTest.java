package cn.fazhi.system;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * No Docker engine runs where Fazhi is built, so the files in {@code docker/} are checked
 * for what can break silently: the compose file parses, runs the production profile, and
 * gives every node each variable the production configuration needs; the image copies the
 * jar the build makes.
 */
class DockerFilesTest {

	static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Z_]+)(:[^}]*)?}");

	@Test
	void shouldGiveEveryNodeWhatTheProductionProfileNeeds() throws IOException {
		// given
		JsonNode compose = new ObjectMapper(new YAMLFactory()).readTree(Path.of("docker/compose.yaml").toFile());
		Set<String> required = new HashSet<>();
		Matcher matcher = PLACEHOLDER
			.matcher(Files.readString(Path.of("src/main/resources/application-postgres.yaml")));
		while (matcher.find()) {
			if (matcher.group(2) == null) {
				required.add(matcher.group(1));
			}
		}
		// then
		assertThat(required).contains("DB_URL", "DB_USER");
		assertThat(compose.path("services").path("postgres").path("image").asText()).startsWith("postgres:");
		for (String node : new String[] { "fazhi-1", "fazhi-2" }) {
			JsonNode environment = compose.path("services").path(node).path("environment");
			assertThat(environment.path("SPRING_PROFILES_ACTIVE").asText()).as(node).isEqualTo("postgres");
			for (String variable : required) {
				assertThat(environment.has(variable)).as("%s sets %s", node, variable).isTrue();
			}
			assertThat(environment.path("FAZHI_ADMIN_PASSWORD").asText()).as(node).contains(":?");
			assertThat(environment.path("DB_URL").asText()).startsWith("jdbc:postgresql://postgres:5432/");
		}
	}

	@Test
	void shouldBuildTheImageFromTheJarOfThisBuild() throws IOException {
		String dockerfile = Files.readString(Path.of("docker/Dockerfile"));
		String pom = Files.readString(Path.of("pom.xml"));
		assertThat(pom).contains("<artifactId>fazhi</artifactId>");
		assertThat(dockerfile).contains("COPY target/fazhi-*.jar")
			.contains("USER fazhi")
			.contains("SPRING_PROFILES_ACTIVE=postgres");
		assertThat(dockerfile.lines().filter((line) -> line.startsWith("FROM ")).findFirst())
			.hasValueSatisfying((from) -> assertThat(from).contains(":17"));
	}

}
