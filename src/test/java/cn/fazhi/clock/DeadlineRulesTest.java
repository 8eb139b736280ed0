package cn.fazhi.clock;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionRuleResult;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The statutory periods of {@code deadline-rules.dmn}, one test per legal criterion
 * (STYLE.md §7 item 10): legal staff edit this table.
 */
@DisplayName("法定期限规则 deadline-rules")
class DeadlineRulesTest {

	static DmnEngine engine = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();

	static DmnDecision rules;

	@BeforeAll
	static void parseTable() throws IOException {
		try (InputStream in = Files.newInputStream(Path.of("processes/common/deadline-rules.dmn"))) {
			rules = engine.parseDecision(DeadlineRules.DECISION_KEY, in);
		}
	}

	@Test
	void shouldGiveMajorDecisionsAtLeastSevenWorkingDaysOfReviewNationally() {
		assertThat(rule("national", "LR_FLOOR", "MAJOR_DECISION")).containsEntry("length", 7)
			.containsEntry("unit", "WORKING_DAYS")
			.containsEntry("kind", "MINIMUM")
			.containsEntry("pausable", false);
		assertThat((String) rule("national", "LR_FLOOR", "MAJOR_DECISION").get("article")).contains("第26条第2款");
	}

	@Test
	void shouldReviewMajorDecisionsWithinFifteenWorkingDaysCountingSupplementTimeNationally() {
		assertThat(rule("national", "LR_LIMIT", "MAJOR_DECISION")).containsEntry("length", 15)
			.containsEntry("kind", "DEADLINE")
			.containsEntry("pausable", false)
			.containsEntry("maxExtension", 0);
	}

	@Test
	void shouldApplyCityAsFifteenPlusTenWorkingDaysWithoutSupplementTime() {
		assertThat(rule("city-a", "LR_LIMIT", "MAJOR_DECISION")).containsEntry("length", 15)
			.containsEntry("pausable", true)
			.containsEntry("maxExtension", 10);
		assertThat(rule("city-a", "LR_FLOOR", "MAJOR_DECISION")).containsEntry("length", 7)
			.containsEntry("pausable", true);
	}

	@Test
	void shouldGiveNormativeDocumentsFiveToFifteenWorkingDaysNationally() {
		assertThat(rule("national", "LR_FLOOR", "NORMATIVE_DOCUMENT")).containsEntry("length", 5);
		assertThat(rule("national", "LR_LIMIT", "NORMATIVE_DOCUMENT")).containsEntry("length", 15);
	}

	@Test
	void shouldGiveEnforcementDecisionsSevenWorkingDaysExtendableByThree() {
		assertThat(rule("national", "LR_LIMIT", "ENFORCEMENT_DECISION")).containsEntry("length", 7)
			.containsEntry("maxExtension", 3)
			.containsEntry("pausable", true);
	}

	@Test
	void shouldFallBackToTheDefaultForOtherMattersAndJurisdictions() {
		assertThat(rule("city-a", "LR_LIMIT", "ADMINISTRATIVE_AGREEMENT")).containsEntry("length", 10);
		assertThat(rule("city-a", "LR_FLOOR", "ADMINISTRATIVE_AGREEMENT")).containsEntry("length", 0);
		assertThat(rule("somewhere-else", "LR_LIMIT", "MAJOR_DECISION")).containsEntry("pausable", false);
	}

	@Test
	void shouldGiveTheIntakeThreeWorkingDaysAndTheSupplementThreeCalendarDays() {
		assertThat(rule("national", "LR_INTAKE", "")).containsEntry("length", 3).containsEntry("unit", "WORKING_DAYS");
		assertThat(rule("national", "LR_SUPPLEMENT", "")).containsEntry("length", 3)
			.containsEntry("unit", "CALENDAR_DAYS")
			.containsEntry("rollForward", true);
	}

	@Test
	void shouldOpenPublicCommentForAtLeastThirtyCalendarDays() {
		assertThat(rule("national", "MD_COMMENT_PERIOD", "")).containsEntry("length", 30)
			.containsEntry("unit", "CALENDAR_DAYS")
			.containsEntry("kind", "WINDOW");
		assertThat((String) rule("national", "MD_COMMENT_PERIOD", "").get("article")).contains("第15条");
	}

	@Test
	void shouldDeliverHearingMaterialsSevenDaysAheadNationallyAndTenInCityA() {
		assertThat(rule("national", "MD_HEARING_MATERIALS", "")).containsEntry("length", 7)
			.containsEntry("kind", "MINIMUM");
		assertThat(rule("city-a", "MD_HEARING_MATERIALS", "")).containsEntry("length", 10);
	}

	@Test
	void shouldPublishADecisionWithinTwentyWorkingDays() {
		assertThat(rule("national", "MD_PUBLICATION", "")).containsEntry("length", 20)
			.containsEntry("unit", "WORKING_DAYS")
			.containsEntry("kind", "DEADLINE");
	}

	@Test
	void shouldAnswerNothingForAnUnknownPeriod() {
		assertThat(
				engine
					.evaluateDecisionTable(rules,
							Variables
								.fromMap(Map.of("jurisdiction", "national", "code", "NO_SUCH_PERIOD", "variant", "")))
					.getResultList())
			.isEmpty();
	}

	private static DmnDecisionRuleResult rule(String jurisdiction, String code, String variant) {
		return engine
			.evaluateDecisionTable(rules,
					Variables.fromMap(Map.of("jurisdiction", jurisdiction, "code", code, "variant", variant)))
			.getFirstResult();
	}

	// 行政规范性文件 normative-document (ADR 0014)

	@Test
	void shouldOpenNormativeDocumentsForCommentAtLeastThirtyCalendarDays() {
		assertThat(rule("national", "ND_COMMENT_PERIOD", "")).containsEntry("length", 30)
			.containsEntry("unit", "CALENDAR_DAYS")
			.containsEntry("kind", "WINDOW");
		assertThat((String) rule("national", "ND_COMMENT_PERIOD", "").get("article")).contains("第62条");
	}

	@Test
	void shouldPublishANormativeDocumentWithinTwentyWorkingDaysOfItsAdoption() {
		assertThat(rule("national", "ND_PUBLICATION", "")).containsEntry("length", 20)
			.containsEntry("unit", "WORKING_DAYS")
			.containsEntry("kind", "DEADLINE");
	}

	@Test
	void shouldFileWithTheHigherGovernmentWithinThirtyDaysOfPublication() {
		assertThat(rule("national", "ND_FILING_GOVERNMENT", "")).containsEntry("length", 30)
			.containsEntry("unit", "CALENDAR_DAYS")
			.containsEntry("kind", "DEADLINE")
			.containsEntry("startEvent", "公布之日（不计入）");
	}

	@Test
	void shouldFileWithThePeoplesCongressStandingCommitteeWithinThirtyDaysOfPublication() {
		assertThat(rule("national", "ND_FILING_CONGRESS", "")).containsEntry("length", 30)
			.containsEntry("unit", "CALENDAR_DAYS")
			.containsEntry("kind", "DEADLINE");
		assertThat((String) rule("national", "ND_FILING_CONGRESS", "").get("article")).contains("监督法");
	}

	@Test
	void shouldCorrectAfterTheGovernmentFilingReviewWithinThirtyDays() {
		assertThat(rule("national", "ND_CORRECTION_GOVERNMENT", "")).containsEntry("length", 30)
			.containsEntry("kind", "DEADLINE");
	}

	@Test
	void shouldCorrectAfterTheCongressFilingReviewWithinThirtyDays() {
		assertThat(rule("national", "ND_CORRECTION_CONGRESS", "")).containsEntry("length", 30)
			.containsEntry("kind", "DEADLINE");
	}

	@Test
	void shouldKeepANormativeDocumentValidForFiveYearsWithoutRollingForward() {
		assertThat(rule("national", "ND_VALIDITY", "")).containsEntry("length", 5)
			.containsEntry("unit", "YEARS")
			.containsEntry("rollForward", false)
			.containsEntry("pausable", false);
	}

	@Test
	void shouldKeepAProvisionalNormativeDocumentValidForTwoYears() {
		assertThat(rule("national", "ND_VALIDITY_PROVISIONAL", "")).containsEntry("length", 2)
			.containsEntry("unit", "YEARS");
		assertThat((String) rule("national", "ND_VALIDITY_PROVISIONAL", "").get("article")).contains("暂行");
	}

	@Test
	void shouldEvaluateANormativeDocumentSixMonthsBeforeItExpires() {
		assertThat(rule("national", "ND_EXPIRY_EVALUATION", "")).containsEntry("length", 6)
			.containsEntry("unit", "MONTHS")
			.containsEntry("kind", "DEADLINE");
	}

	@Test
	void shouldHandleAnObjectionToANormativeDocumentWithinThirtyDays() {
		assertThat(rule("national", "ND_OBJECTION_REVIEW", "")).containsEntry("length", 30)
			.containsEntry("unit", "CALENDAR_DAYS");
		assertThat((String) rule("national", "ND_OBJECTION_REVIEW", "").get("article")).contains("第56条");
	}

	@Test
	void shouldHaveTheEnactorAnswerWithinTenWorkingDays() {
		assertThat(rule("national", "ND_ENACTOR_RESPONSE", "")).containsEntry("length", 10)
			.containsEntry("unit", "WORKING_DAYS");
		assertThat((String) rule("national", "ND_ENACTOR_RESPONSE", "").get("article")).contains("第58条");
	}

}
