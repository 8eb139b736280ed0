package cn.fazhi.normative;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import cn.fazhi.system.CaseNumbers;

import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Component;

/**
 * 统一编号: the registration number (登记号) and document number (文号) of a document, each from a
 * counter per issuing body and year ({@link CaseNumbers}, in the caller's transaction: no
 * gaps, no duplicates, also when many are issued at once), formatted as the rule table
 * {@code normative-document-numbering} deployed with the case says ({@code {year}},
 * {@code {seq}}, {@code {seq:4}}).
 */
@Component
class DocumentNumbering {

	static final String REGISTRATION_COUNTER = "NDR-";

	static final String DOCUMENT_COUNTER = "NDD-";

	private static final Pattern PLACEHOLDER = Pattern.compile("\\{(year|seq)(?::(\\d))?}");

	private final CaseNumbers counters;

	private final DecisionService decisionService;

	private final RepositoryService repositoryService;

	DocumentNumbering(CaseNumbers counters, DecisionService decisionService, RepositoryService repositoryService) {
		this.counters = counters;
		this.decisionService = decisionService;
		this.repositoryService = repositoryService;
	}

	Numbers assign(String deploymentId, String issuer, String issuerName, int year) {
		var table = this.repositoryService.createDecisionDefinitionQuery()
			.deploymentId(deploymentId)
			.decisionDefinitionKey(NormativeDocumentModel.Decisions.NUMBERING)
			.singleResult();
		Map<String, Object> formats = this.decisionService
			.evaluateDecisionTableById(table.getId(),
					Variables.putValue("issuer", issuer).putValue("issuerName", issuerName))
			.getSingleResult()
			.getEntryMap();
		long registration = this.counters.nextNumber(REGISTRATION_COUNTER + issuer, year);
		long document = this.counters.nextNumber(DOCUMENT_COUNTER + issuer, year);
		return new Numbers(format((String) formats.get("registrationFormat"), year, registration),
				format((String) formats.get("documentNumberFormat"), year, document));
	}

	static String format(String pattern, int year, long sequence) {
		Matcher matcher = PLACEHOLDER.matcher(pattern);
		StringBuilder out = new StringBuilder();
		while (matcher.find()) {
			String value;
			if ("year".equals(matcher.group(1))) {
				value = Integer.toString(year);
			}
			else {
				value = (matcher.group(2) == null) ? Long.toString(sequence)
						: String.format("%0" + matcher.group(2) + "d", sequence);
			}
			matcher.appendReplacement(out, Matcher.quoteReplacement(value));
		}
		matcher.appendTail(out);
		return out.toString();
	}

	record Numbers(String registrationNumber, String documentNumber) {

	}

}
