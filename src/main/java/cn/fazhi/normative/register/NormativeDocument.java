package cn.fazhi.normative.register;

import java.time.LocalDate;

/**
 * One issued normative document as the register keeps it.
 *
 * @param issuer the issuing body: the government's id or an office's group id
 * @param draftingOffice the office that drafted it and keeps it under review
 * @param publicationChannels channel codes, comma-separated (GAZETTE, WEBSITE …)
 * @param validUntil the last day it is in force unless repealed or renewed
 * @param processInstanceId the case that keeps its validity, while it runs
 * @param previousId the version it replaces (renewed or revised), if any
 */
public record NormativeDocument(long id, String registrationNumber, String documentNumber, String title, String issuer,
		String issuerName, String draftingOffice, boolean provisional, LocalDate publishedOn,
		String publicationChannels, LocalDate effectiveOn, LocalDate validUntil, int validityYears,
		DocumentStatus status, String statusReason, LocalDate statusChangedOn, String businessKey,
		String processInstanceId, Long previousId) {

	/** True while the document is in force (有效, 修订中). */
	public boolean inForce() {
		return this.status == DocumentStatus.VALID || this.status == DocumentStatus.UNDER_REVISION;
	}

}
