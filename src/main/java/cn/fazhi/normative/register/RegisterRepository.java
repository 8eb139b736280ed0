package cn.fazhi.normative.register;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The register in {@code fz_nd_document} (V9). Status changes are single statements whose
 * WHERE clause names the states they may leave, so two cases racing for one document (a
 * cleanup and an objection, say) cannot both change it.
 */
@Repository
class RegisterRepository {

	private static final String COLUMNS = "id, registration_number, document_number, title, issuer, issuer_name, "
			+ "drafting_office, provisional, published_on, publication_channels, effective_on, valid_until, "
			+ "validity_years, status, status_reason, status_changed_on, business_key, process_instance_id, previous_id";

	private final JdbcTemplate jdbc;

	RegisterRepository(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	long insert(NewDocument document) {
		Timestamp now = Timestamp.from(Instant.now());
		this.jdbc.update("insert into fz_nd_document (registration_number, document_number, title, issuer, "
				+ "issuer_name, drafting_office, provisional, published_on, publication_channels, effective_on, "
				+ "valid_until, validity_years, status, business_key, process_instance_id, previous_id, created_at, "
				+ "updated_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
				document.registrationNumber(), document.documentNumber(), document.title(), document.issuer(),
				document.issuerName(), document.draftingOffice(), document.provisional(),
				Date.valueOf(document.publishedOn()), document.publicationChannels(),
				Date.valueOf(document.effectiveOn()), Date.valueOf(document.validUntil()), document.validityYears(),
				DocumentStatus.VALID.name(), document.businessKey(), document.processInstanceId(),
				document.previousId(), now, now);
		// registration numbers are unique: portable on H2 and PostgreSQL
		Long id = this.jdbc.queryForObject("select id from fz_nd_document where registration_number = ?", Long.class,
				document.registrationNumber());
		return (id == null) ? -1 : id;
	}

	Optional<NormativeDocument> find(long id) {
		return this.jdbc.query("select " + COLUMNS + " from fz_nd_document where id = ?", RegisterRepository::map, id)
			.stream()
			.findFirst();
	}

	/** By document number (文号) or registration number (登记号), exactly. */
	Optional<NormativeDocument> findByNumber(String number) {
		return this.jdbc
			.query("select " + COLUMNS + " from fz_nd_document where document_number = ? or registration_number = ?",
					RegisterRepository::map, number, number)
			.stream()
			.findFirst();
	}

	/**
	 * Documents whose title or numbers contain every term (case-insensitive), newest
	 * first.
	 */
	List<NormativeDocument> search(List<String> terms, DocumentStatus status) {
		StringBuilder sql = new StringBuilder("select " + COLUMNS + " from fz_nd_document where 1 = 1");
		List<Object> arguments = new ArrayList<>();
		for (String term : terms) {
			sql.append(" and (lower(title) like ? escape '!' or lower(document_number) like ? escape '!'"
					+ " or lower(registration_number) like ? escape '!')");
			String pattern = "%" + likeEscape(term.toLowerCase()) + "%";
			arguments.add(pattern);
			arguments.add(pattern);
			arguments.add(pattern);
		}
		if (status != null) {
			sql.append(" and status = ?");
			arguments.add(status.name());
		}
		sql.append(" order by published_on desc, id desc");
		return this.jdbc.query(sql.toString(), RegisterRepository::map, arguments.toArray());
	}

	List<NormativeDocument> publishedBetween(LocalDate from, LocalDate to) {
		return this.jdbc.query("select " + COLUMNS
				+ " from fz_nd_document where published_on >= ? and published_on <= ? " + "order by published_on, id",
				RegisterRepository::map, Date.valueOf(from), Date.valueOf(to));
	}

	List<NormativeDocument> withStatus(Collection<DocumentStatus> statuses) {
		String marks = String.join(", ", statuses.stream().map((status) -> "?").toList());
		return this.jdbc.query(
				"select " + COLUMNS + " from fz_nd_document where status in (" + marks + ") order by issuer, id",
				RegisterRepository::map, statuses.stream().map(DocumentStatus::name).toArray());
	}

	/**
	 * Changes the status if the document is in one of {@code from}; returns rows changed.
	 */
	int changeStatus(long id, Collection<DocumentStatus> from, DocumentStatus to, String reason, LocalDate day) {
		List<Object> arguments = new ArrayList<>(
				List.of(to.name(), reason, Date.valueOf(day), Timestamp.from(Instant.now()), id));
		from.forEach((status) -> arguments.add(status.name()));
		String marks = String.join(", ", from.stream().map((status) -> "?").toList());
		return this.jdbc.update("update fz_nd_document set status = ?, status_reason = ?, status_changed_on = ?, "
				+ "updated_at = ? where id = ? and status in (" + marks + ")", arguments.toArray());
	}

	static String likeEscape(String term) {
		return term.replace("!", "!!").replace("%", "!%").replace("_", "!_");
	}

	private static NormativeDocument map(ResultSet rs, int row) throws SQLException {
		Object previous = rs.getObject("previous_id");
		Date changed = rs.getDate("status_changed_on");
		return new NormativeDocument(rs.getLong("id"), rs.getString("registration_number"),
				rs.getString("document_number"), rs.getString("title"), rs.getString("issuer"),
				rs.getString("issuer_name"), rs.getString("drafting_office"), rs.getBoolean("provisional"),
				rs.getDate("published_on").toLocalDate(), rs.getString("publication_channels"),
				rs.getDate("effective_on").toLocalDate(), rs.getDate("valid_until").toLocalDate(),
				rs.getInt("validity_years"), DocumentStatus.valueOf(rs.getString("status")),
				rs.getString("status_reason"), (changed == null) ? null : changed.toLocalDate(),
				rs.getString("business_key"), rs.getString("process_instance_id"),
				(previous == null) ? null : ((Number) previous).longValue());
	}

}
