package cn.fazhi.normative.register;

import java.time.LocalDate;

/**
 * A document being published: what the publication step enters in the register.
 */
public record NewDocument(String registrationNumber, String documentNumber, String title, String issuer,
		String issuerName, String draftingOffice, boolean provisional, LocalDate publishedOn,
		String publicationChannels, LocalDate effectiveOn, LocalDate validUntil, int validityYears, String businessKey,
		String processInstanceId, Long previousId) {

}
