package cn.fazhi.legalreview;

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
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The legality review's rule tables, one test per rule (STYLE.md §7 item 10): legal staff
 * edit these tables, and each row is a legal criterion.
 */
class LegalityReviewDecisionsTest {

	static DmnEngine engine = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();

	static DmnDecision periods;

	static DmnDecision routing;

	@BeforeAll
	static void parseTables() throws IOException {
		periods = parse("legality-review-periods.dmn", LegalityReviewModel.Decisions.PERIODS);
		routing = parse("legality-review-routing.dmn", LegalityReviewModel.Decisions.ROUTING);
	}

	@Test
	void shouldGiveMajorDecisionsAtLeastSevenWorkingDaysNationally() {
		DmnDecisionRuleResult row = periods("national", "MAJOR_DECISION");
		assertThat(row).containsEntry("floorWorkingDays", 7)
			.containsEntry("limitWorkingDays", 15)
			.containsEntry("excludeSupplementTime", false);
		assertThat((String) row.get("periodBasis")).contains("第26条第2款");
	}

	@Test
	void shouldApplyCityAsFifteenPlusTenWorkingDaysWithoutSupplementTime() {
		DmnDecisionRuleResult row = periods("city-a", "MAJOR_DECISION");
		assertThat(row).containsEntry("floorWorkingDays", 7)
			.containsEntry("limitWorkingDays", 15)
			.containsEntry("extensionWorkingDays", 10)
			.containsEntry("excludeSupplementTime", true);
	}

	@Test
	void shouldApplyCityAsRulesToNormativeDocuments() {
		assertThat(periods("city-a", "NORMATIVE_DOCUMENT")).containsEntry("floorWorkingDays", 5)
			.containsEntry("extensionWorkingDays", 10)
			.containsEntry("excludeSupplementTime", true);
	}

	@Test
	void shouldGiveNormativeDocumentsFiveToFifteenWorkingDaysNationally() {
		assertThat(periods("national", "NORMATIVE_DOCUMENT")).containsEntry("floorWorkingDays", 5)
			.containsEntry("limitWorkingDays", 15);
	}

	@Test
	void shouldGiveEnforcementDecisionsSevenWorkingDaysCountedFromCompleteMaterials() {
		assertThat(periods("national", "ENFORCEMENT_DECISION")).containsEntry("limitWorkingDays", 7)
			.containsEntry("extensionWorkingDays", 3)
			.containsEntry("excludeSupplementTime", true);
	}

	@Test
	void shouldFallBackToNationalRulesForOtherMattersAndOtherJurisdictions() {
		assertThat(periods("city-a", "ADMINISTRATIVE_AGREEMENT")).containsEntry("limitWorkingDays", 10)
			.containsEntry("floorWorkingDays", 0);
		assertThat(periods("somewhere-else", "MAJOR_DECISION")).containsEntry("excludeSupplementTime", false);
	}

	@Test
	void shouldRouteMajorDecisionsToTheJusticeBureau() {
		assertThat(routing("MAJOR_DECISION")).containsEntry("intakeGroup", "justice-bureau")
			.containsEntry("headsGroup", "justice-bureau-heads")
			.containsEntry("signOffGroup", "justice-bureau-heads")
			.containsEntry("consultGroups", "legal-advisers,public-lawyers");
	}

	@Test
	void shouldRouteNormativeDocumentsToTheGovernmentsReviewBody() {
		assertThat(routing("NORMATIVE_DOCUMENT")).containsEntry("reviewerGroup", "justice-bureau");
	}

	@Test
	void shouldConsultOnlyPublicLawyersOnEnforcementDecisions() {
		assertThat(routing("ENFORCEMENT_DECISION")).containsEntry("consultGroups", "public-lawyers");
	}

	@Test
	void shouldRouteOtherMattersToTheJusticeBureau() {
		assertThat(routing("ADMINISTRATIVE_AGREEMENT")).containsEntry("intakeGroup", "justice-bureau");
	}

	private static DmnDecisionRuleResult periods(String jurisdiction, String matterType) {
		return engine
			.evaluateDecisionTable(periods,
					Variables.fromMap(Map.of("jurisdiction", jurisdiction, "matterType", matterType)))
			.getSingleResult();
	}

	private static DmnDecisionRuleResult routing(String matterType) {
		return engine
			.evaluateDecisionTable(routing,
					Variables.fromMap(Map.of("matterType", matterType, "submittingOffice", "dept-nrp")))
			.getSingleResult();
	}

	private static DmnDecision parse(String file, String key) throws IOException {
		try (InputStream in = Files.newInputStream(Path.of("processes/legality-review", file))) {
			return engine.parseDecision(key, in);
		}
	}

}
