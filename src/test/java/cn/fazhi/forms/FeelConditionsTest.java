package cn.fazhi.forms;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The shapes of {@code conditional.hide} our forms use, evaluated on the server as the
 * browser evaluates them, with the plain Java values a submission carries.
 */
@DisplayName("表单显示条件（FEEL）")
class FeelConditionsTest {

	final FeelConditions conditions = new FeelConditions();

	@Test
	void shouldCompareChoices() {
		assertThat(hidden("startBasis != \"AD_HOC\"", Map.of("startBasis", "CATALOG"))).isTrue();
		assertThat(hidden("startBasis != \"AD_HOC\"", Map.of("startBasis", "AD_HOC"))).isFalse();
		assertThat(hidden("handlingAction != \"PROPOSE_DECISION\" or decisionType != \"REVOKE\"",
				Map.of("handlingAction", "PROPOSE_DECISION", "decisionType", "REVOKE")))
			.isFalse();
	}

	@Test
	void shouldTreatAMissingValueAsNull() {
		assertThat(hidden("handlingNote = null", Map.of())).isTrue();
		assertThat(hidden("handlingNote = null", Map.of("handlingNote", "已处理"))).isFalse();
		assertThat(hidden("majorCase != true", Map.of())).isTrue();
		assertThat(hidden("majorCase != true", Map.of("majorCase", true))).isFalse();
	}

	@Test
	void shouldCompareNumbersOfAnyJavaType() {
		assertThat(
				hidden("commentPeriodDays >= commentMinDays", Map.of("commentPeriodDays", 30, "commentMinDays", 30L)))
			.isTrue();
		assertThat(
				hidden("commentPeriodDays >= commentMinDays", Map.of("commentPeriodDays", 20L, "commentMinDays", 30)))
			.isFalse();
	}

	@Test
	void shouldLookIntoLists() {
		String condition = "suspensionLimitText = null or not(list contains([\"GROUND_ONE\", \"GROUND_TWO\", "
				+ "\"GROUND_FOUR\"], suspensionGround))";
		Map<String, Object> values = new HashMap<>(
				Map.of("suspensionLimitText", "六十日", "suspensionGround", "GROUND_TWO"));
		assertThat(hidden(condition, values)).isFalse();
		values.put("suspensionGround", "GROUND_THREE");
		assertThat(hidden(condition, values)).isTrue();
	}

	@Test
	void shouldShowAFieldWhoseConditionIsBroken() {
		// twice: the failed parse is kept and answered the same way
		assertThat(hidden("startBasis !=== ", Map.of("startBasis", "CATALOG"))).isFalse();
		assertThat(hidden("startBasis !=== ", Map.of("startBasis", "CATALOG"))).isFalse();
		assertThat(hidden("unknownFunction(startBasis)", Map.of("startBasis", "CATALOG"))).isFalse();
	}

	@Test
	@DisplayName("字段与常量比较的条件不经 FEEL 引擎直接判断，结果与 FEEL 引擎逐一相同（全部表单的条件）")
	void shouldAnswerComparisonsWithConstantsExactlyAsFeelDoes() throws IOException {
		// given: every hide condition of every form, and comparisons of each kind
		Set<String> conditions = new TreeSet<>(formConditions());
		for (String constant : List.of("\"A\"", "\"\"", "null", "true", "false")) {
			conditions.add("x = " + constant);
			conditions.add("x != " + constant);
		}
		List<Object> values = Arrays.asList(null, "A", "B", "", "AD_HOC", "CONCLUDE", "true", true, false, 1L, 2.5);
		int answered = 0;
		int simpleConditions = 0;
		for (String condition : conditions) {
			Optional<FeelConditions.Comparison> comparison = FeelConditions.comparison(condition);
			if (comparison.isEmpty()) {
				continue;
			}
			simpleConditions++;
			String name = comparison.get().name();
			for (Object value : values) {
				Map<String, Object> variables = new HashMap<>();
				variables.put(name, value);
				for (Map<String, Object> given : List.of(variables, Map.<String, Object>of())) {
					// when: answered both ways
					Boolean simple = this.conditions.simple(condition, given);
					boolean feel = this.conditions.evaluate(condition, given);
					// then: the same answer wherever the shortcut answers
					if (simple != null) {
						answered++;
						assertThat(simple).as("%s with %s", condition, given).isEqualTo(feel);
					}
				}
			}
		}
		assertThat(simpleConditions).as("conditions answered without FEEL").isGreaterThan(30);
		assertThat(answered).isGreaterThan(500);
	}

	@Test
	@DisplayName("值与常量类型不同或条件更复杂时交给 FEEL 引擎")
	void shouldLeaveOtherConditionsToFeel() {
		assertThat(this.conditions.simple("x = \"A\"", Map.of("x", 1L))).isNull();
		assertThat(this.conditions.simple("x != true", Map.of("x", "true"))).isNull();
		assertThat(this.conditions.simple("x != \"A\" or y = null", Map.of("x", "A"))).isNull();
		assertThat(this.conditions.simple("not = null", Map.of())).isNull();
		assertThat(FeelConditions.comparison("a.b = null")).isEmpty();
		assertThat(FeelConditions.comparison("x = \"a\\\"b\"")).isEmpty();
		// and the answer through isHidden is FEEL's
		assertThat(hidden("x != true", Map.of("x", "true")))
			.isEqualTo(this.conditions.evaluate("x != true", Map.of("x", "true")));
	}

	/** The {@code conditional.hide} of every field of every form under {@code forms/}. */
	private static List<String> formConditions() throws IOException {
		ObjectMapper json = new ObjectMapper();
		List<String> conditions = new ArrayList<>();
		try (Stream<Path> files = Files.walk(Path.of("forms"))) {
			for (Path file : files.filter((path) -> path.toString().endsWith(".form")).toList()) {
				json.readTree(file.toFile()).findValues("hide").forEach((hide) -> {
					String text = hide.asText();
					conditions.add(text.startsWith("=") ? text.substring(1) : text);
				});
			}
		}
		assertThat(conditions).as("hide conditions of the forms").hasSizeGreaterThan(40);
		return conditions;
	}

	private boolean hidden(String condition, Map<String, Object> values) {
		return this.conditions.isHidden(condition, values);
	}

}
