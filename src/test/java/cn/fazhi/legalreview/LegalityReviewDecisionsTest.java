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
 * The legality review's routing table (its periods: DeadlineRulesTest), one test per rule
 * (STYLE.md §7 item 10): legal staff edit these tables, and each row is a legal
 * criterion.
 */
class LegalityReviewDecisionsTest {

	static DmnEngine engine = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();

	static DmnDecision routing;

	@BeforeAll
	static void parseTables() throws IOException {
		routing = parse("legality-review-routing.dmn", LegalityReviewModel.Decisions.ROUTING);
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
