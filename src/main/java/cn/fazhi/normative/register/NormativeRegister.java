package cn.fazhi.normative.register;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import cn.fazhi.system.web.ApiException;

import org.springframework.stereotype.Service;

/**
 * The register of normative documents (行政规范性文件目录): what is in force, what lapsed and what
 * was repealed, kept by the normative-document, cleanup and objection processes and read
 * by the public.
 * <p>
 * Calls from the processes join the engine's transaction, so a step and its register
 * entry commit or roll back together. A status change is refused (409) when the document
 * is no longer in a state it may leave — e.g. a cleanup repealing what an objection
 * repealed a moment before.
 */
@Service
public class NormativeRegister {

	static final Set<DocumentStatus> IN_FORCE = EnumSet.of(DocumentStatus.VALID, DocumentStatus.UNDER_REVISION);

	private final RegisterRepository repository;

	NormativeRegister(RegisterRepository repository) {
		this.repository = repository;
	}

	/** Enters a published document as 有效; returns its id. */
	public long publish(NewDocument document) {
		return this.repository.insert(document);
	}

	public Optional<NormativeDocument> find(long id) {
		return this.repository.find(id);
	}

	/** By document number (文号) or registration number (登记号). */
	public Optional<NormativeDocument> findByNumber(String number) {
		return (number == null || number.isBlank()) ? Optional.empty() : this.repository.findByNumber(number.strip());
	}

	/**
	 * Full-text search over title, document number and registration number: every
	 * whitespace-separated term must occur; newest first.
	 */
	public List<NormativeDocument> search(String query, DocumentStatus status) {
		List<String> terms = (query == null) ? List.of()
				: Arrays.stream(query.strip().split("\\s+")).filter((term) -> !term.isEmpty()).toList();
		return this.repository.search(terms, status);
	}

	/** Documents published in a quarter (1–4) of a year: the quarterly catalogue. */
	public List<NormativeDocument> quarter(int year, int quarter) {
		LocalDate from = LocalDate.of(year, (quarter - 1) * 3 + 1, 1);
		return this.repository.publishedBetween(from, from.plusMonths(3).minusDays(1));
	}

	/** Documents in force (有效, 修订中): what a cleanup campaign may cover. */
	public List<NormativeDocument> inForce() {
		return this.repository.withStatus(IN_FORCE);
	}

	/** 有效 → 修订中: a revision is being drafted; it stays in force meanwhile. */
	public void markUnderRevision(long id, String reason, LocalDate day) {
		change(id, EnumSet.of(DocumentStatus.VALID), DocumentStatus.UNDER_REVISION, reason, day, "已在修订中或者已不再有效");
	}

	/** 修订中 → 有效: the revision was abandoned. Nothing happens otherwise. */
	public void revisionAbandoned(long id, String reason, LocalDate day) {
		this.repository.changeStatus(id, EnumSet.of(DocumentStatus.UNDER_REVISION), DocumentStatus.VALID, reason, day);
	}

	/** → 废止 (repealed, or replaced by its revision). */
	public void repeal(long id, String reason, LocalDate day) {
		change(id, IN_FORCE, DocumentStatus.REPEALED, reason, day, "已不再有效，不能废止");
	}

	/** → 失效 (term ended, declared invalid, or re-issued under a new number). */
	public void expire(long id, String reason, LocalDate day) {
		change(id, IN_FORCE, DocumentStatus.EXPIRED, reason, day, "已不再有效");
	}

	private void change(long id, Set<DocumentStatus> from, DocumentStatus to, String reason, LocalDate day,
			String refusal) {
		if (this.repository.changeStatus(id, from, to, reason, day) == 1) {
			return;
		}
		NormativeDocument current = this.repository.find(id)
			.orElseThrow(() -> ApiException.notFound("规范性文件目录中没有编号为 " + id + " 的文件"));
		throw ApiException.conflict("《" + current.title() + "》（" + current.documentNumber() + "）当前状态为“"
				+ current.status().label() + "”，" + refusal);
	}

}
