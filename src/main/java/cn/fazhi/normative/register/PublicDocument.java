package cn.fazhi.normative.register;

import java.time.LocalDate;

/**
 * A document as the public register shows it (行政规范性文件目录): no case numbers, no drafting
 * staff.
 *
 * @param validity the term, e.g. "5年"
 */
public record PublicDocument(String documentNumber, String registrationNumber, String title, String issuer,
		String issuerName, LocalDate publishedOn, LocalDate effectiveOn, LocalDate validUntil, String validity,
		boolean provisional, String status, String statusName, LocalDate statusChangedOn, String statusReason) {

	static PublicDocument of(NormativeDocument document) {
		return new PublicDocument(document.documentNumber(), document.registrationNumber(), document.title(),
				document.issuer(), document.issuerName(), document.publishedOn(), document.effectiveOn(),
				document.validUntil(), document.validityYears() + "年", document.provisional(), document.status().name(),
				document.status().label(), document.statusChangedOn(), document.statusReason());
	}

}
