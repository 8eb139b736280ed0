package cn.fazhi.forms;

import java.util.HashMap;
import java.util.Map;

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

	private boolean hidden(String condition, Map<String, Object> values) {
		return this.conditions.isHidden(condition, values);
	}

}
