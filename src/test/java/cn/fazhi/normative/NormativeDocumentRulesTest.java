package cn.fazhi.normative;

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
 * The rule tables of the normative-document procedure, one test per rule (STYLE.md §7
 * item 10): who deliberates, publishes and receives the filings, and how documents are
 * numbered.
 */
@DisplayName("行政规范性文件规则 normative-document-routing / normative-document-numbering")
class NormativeDocumentRulesTest {

	static DmnEngine engine = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();

	static DmnDecision routing;

	static DmnDecision numbering;

	@BeforeAll
	static void parseTables() throws IOException {
		routing = parse("normative-document-routing.dmn", NormativeDocumentModel.Decisions.ROUTING);
		numbering = parse("normative-document-numbering.dmn", NormativeDocumentModel.Decisions.NUMBERING);
	}

	@Test
	void shouldHaveTheGovernmentDecideAndPublishItsDocumentsAndFileThemWithProvinceAndCongress() {
		DmnDecisionRuleResult result = route("GOVERNMENT");
		assertThat(result).containsEntry("deliberationGroup", "gov-office")
			.containsEntry("registrarGroup", "gov-office")
			.containsEntry("governmentFilingGroup", "province-filing")
			.containsEntry("congressFilingRequired", true)
			.containsEntry("congressFilingGroup", "congress-filing");
	}

	@Test
	void shouldHaveADepartmentDecideAndPublishItsOwnDocumentsAndFileThemWithTheCityGovernment() {
		DmnDecisionRuleResult result = route("DEPARTMENT");
		assertThat(result).containsEntry("deliberationGroup", "dept-hcd")
			.containsEntry("registrarGroup", "dept-hcd")
			.containsEntry("governmentFilingGroup", "justice-bureau")
			.containsEntry("congressFilingRequired", false);
		assertThat((Object) result.get("congressFilingGroup")).isNull();
	}

	@Test
	void shouldNumberTheCityGovernmentsDocuments() {
		assertThat(number("demo-city", "示范市人民政府")).containsEntry("registrationFormat", "SFSG00-{year}-{seq:4}")
			.containsEntry("documentNumberFormat", "示政规〔{year}〕{seq}号");
	}

	@Test
	void shouldNumberTheGovernmentOfficesDocuments() {
		assertThat(number("gov-office", "示范市人民政府办公室")).containsEntry("documentNumberFormat", "示政办规〔{year}〕{seq}号");
	}

	@Test
	void shouldNumberEachDepartmentsDocumentsWithItsOwnAbbreviation() {
		assertThat(number("dept-nrp", "")).containsEntry("documentNumberFormat", "示自然资规〔{year}〕{seq}号");
		assertThat(number("dept-edu", "")).containsEntry("documentNumberFormat", "示教规〔{year}〕{seq}号");
		assertThat(number("dept-hcd", "")).containsEntry("documentNumberFormat", "示建规〔{year}〕{seq}号");
		assertThat(number("dept-amr", "")).containsEntry("registrationFormat", "SFSG14-{year}-{seq:4}")
			.containsEntry("documentNumberFormat", "示市监规〔{year}〕{seq}号");
	}

	@Test
	void shouldNumberAnyOtherIssuerByItsIdAndName() {
		assertThat(number("justice-bureau", "示范市司法局"))
			.containsEntry("registrationFormat", "JUSTICE-BUREAU-{year}-{seq:4}")
			.containsEntry("documentNumberFormat", "示范市司法局规〔{year}〕{seq}号");
	}

	@Test
	void shouldFillInYearAndSequence() {
		assertThat(DocumentNumbering.format("示政规〔{year}〕{seq}号", 2026, 7)).isEqualTo("示政规〔2026〕7号");
		assertThat(DocumentNumbering.format("SFSG00-{year}-{seq:4}", 2026, 7)).isEqualTo("SFSG00-2026-0007");
	}

	private static DmnDecisionRuleResult route(String issuerType) {
		return engine
			.evaluateDecisionTable(routing,
					Variables.fromMap(Map.of("issuerType", issuerType, "draftingOffice", "dept-hcd")))
			.getSingleResult();
	}

	private static DmnDecisionRuleResult number(String issuer, String issuerName) {
		return engine
			.evaluateDecisionTable(numbering, Variables.fromMap(Map.of("issuer", issuer, "issuerName", issuerName)))
			.getFirstResult();
	}

	private static DmnDecision parse(String file, String key) throws IOException {
		try (InputStream in = Files.newInputStream(Path.of("processes/normative-document/" + file))) {
			return engine.parseDecision(key, in);
		}
	}

}
