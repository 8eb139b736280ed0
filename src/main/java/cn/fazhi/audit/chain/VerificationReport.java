package cn.fazhi.audit.chain;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

/**
 * The answer of {@code GET /api/audit/verify}: whether the history in scope is exactly
 * what the audit chain recorded, and if not, what broke first. This JSON shape is a
 * public contract (ADR 0012).
 *
 * @param scope {@code ALL} (every chain and every chained row) or {@code CASE}
 * @param businessKey the case verified, null for {@code ALL}
 * @param checkedChains chains walked
 * @param checkedLinks links whose hash was recomputed
 * @param checkedRows current rows whose content was recomputed and compared
 * @param digest SHA-256 over the heads of the chains in scope ({@code key:seq:hash}
 * lines, sorted): note it outside the database (a register, a mail to the audit bureau) —
 * a later digest that no longer follows from it shows the chain itself was rewritten
 * @param firstBroken the first problem in chain order, null when intact
 * @param problems the first {@value ChainVerifier#MAX_PROBLEMS} problems, in chain order
 * @param problemCount all problems found
 */
public record VerificationReport(boolean intact, String scope, String businessKey, int checkedChains, long checkedLinks,
		long checkedRows, String digest, OffsetDateTime verifiedAt, Break firstBroken, List<Break> problems,
		int problemCount) {

	/**
	 * A place where the history and the chain disagree.
	 *
	 * @param kind LINK_ALTERED, LINK_MISSING, HEAD_MISMATCH, CHAIN_HEAD_MISSING,
	 * CHAIN_DELETED, CHAIN_NOT_REGISTERED, ROW_CHANGED, ROW_DELETED, ROW_REAPPEARED,
	 * ROW_NOT_IN_CHAIN
	 * @param description what this means, in Chinese
	 * @param linkId {@code chainKey:seq} of the link concerned, null for a row no link
	 * names
	 * @param expectedHash what the chain says (the recomputed link hash, or the content
	 * hash the link recorded)
	 * @param actualHash what is there now (the stored link hash, or the hash of the row's
	 * current content; null when the row is gone)
	 * @param row the history row as it is now (canonical column values), null when gone
	 */
	public record Break(String kind, String description, String linkId, String chainKey, Long seq, String table,
			String rowId, String expectedHash, String actualHash, Map<String, String> row) {
	}

}
