package cn.fazhi.decision.catalog;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import cn.fazhi.audit.chain.AuditChain;
import cn.fazhi.directory.Directory;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The catalogue in {@code fz_decision_catalog_entry}. Every change is one statement whose
 * WHERE clause carries the rule it enforces (not running, not started), so that two
 * requests racing for the same row cannot both pass a check made before the write. Every
 * change is also reported to the audit chain in the same transaction: the catalogue's
 * statuses are what the public reads (ADR 0012).
 */
@Repository
class CatalogRepository {

	private static final String COLUMNS = "id, catalog_year, title, category, lead_office, hearing_required, "
			+ "expert_review_required, risk_assessment_required, planned_timing, status, running_business_key";

	private final JdbcTemplate jdbc;

	private final Directory directory;

	private final AuditChain chain;

	CatalogRepository(JdbcTemplate jdbc, Directory directory, AuditChain chain) {
		this.jdbc = jdbc;
		this.directory = directory;
		this.chain = chain;
	}

	Optional<CatalogEntry> find(long id) {
		return this.jdbc.query("select " + COLUMNS + " from fz_decision_catalog_entry where id = ?", this::entry, id)
			.stream()
			.findFirst();
	}

	List<CatalogEntry> list(int year) {
		return this.jdbc.query(
				"select " + COLUMNS + " from fz_decision_catalog_entry where catalog_year = ? order by id", this::entry,
				year);
	}

	/** Every year that has at least one matter, ascending. */
	List<Integer> years() {
		return this.jdbc.queryForList(
				"select distinct catalog_year from fz_decision_catalog_entry order by catalog_year", Integer.class);
	}

	/**
	 * Inserts a matter not started yet and returns its id.
	 * @throws org.springframework.dao.DuplicateKeyException if the year already has a
	 * matter of that title
	 */
	long insert(CatalogFields fields, String userId) {
		Timestamp now = Timestamp.from(Instant.now());
		this.jdbc.update("insert into fz_decision_catalog_entry (catalog_year, title, category, lead_office, "
				+ "hearing_required, expert_review_required, risk_assessment_required, planned_timing, status, "
				+ "created_by, created_at, updated_by, updated_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
				fields.year(), fields.title(), fields.category().name(), fields.leadOffice(), fields.hearingRequired(),
				fields.expertReviewRequired(), fields.riskAssessmentRequired(), fields.plannedTiming(),
				CatalogStatus.NOT_STARTED.name(), userId, now, userId, now);
		// (year, title) is unique: portable on H2 and PostgreSQL, unlike generated-key
		// column names
		Long id = this.jdbc.queryForObject(
				"select id from fz_decision_catalog_entry where catalog_year = ? and title = ?", Long.class,
				fields.year(), fields.title());
		if (id == null) {
			return -1;
		}
		this.chain.inserted(AuditChain.CATALOG_ENTRY, id);
		return id;
	}

	/** Rewrites a matter's fields unless a decision runs for it; returns rows changed. */
	int updateUnlessRunning(long id, CatalogFields fields, String userId) {
		int changed = this.jdbc
			.update("update fz_decision_catalog_entry set catalog_year = ?, title = ?, category = ?, "
					+ "lead_office = ?, hearing_required = ?, expert_review_required = ?, risk_assessment_required = ?, "
					+ "planned_timing = ?, updated_by = ?, updated_at = ? where id = ? and running_business_key is null",
					fields.year(), fields.title(), fields.category().name(), fields.leadOffice(),
					fields.hearingRequired(), fields.expertReviewRequired(), fields.riskAssessmentRequired(),
					fields.plannedTiming(), userId, Timestamp.from(Instant.now()), id);
		return updated(id, changed);
	}

	/** Links a decision unless one is linked already; returns rows changed (0 or 1). */
	int linkUnlessRunning(long id, String businessKey, String processInstanceId, String userId) {
		int changed = this.jdbc.update(
				"update fz_decision_catalog_entry set running_business_key = ?, running_process_instance_id = ?, "
						+ "status = ?, updated_by = ?, updated_at = ? where id = ? and running_business_key is null",
				businessKey, processInstanceId, CatalogStatus.IN_PROGRESS.name(), userId, Timestamp.from(Instant.now()),
				id);
		return updated(id, changed);
	}

	int updateStatus(long id, CatalogStatus status, String userId) {
		int changed = this.jdbc.update(
				"update fz_decision_catalog_entry set status = ?, updated_by = ?, updated_at = ? where id = ?",
				status.name(), userId, Timestamp.from(Instant.now()), id);
		return updated(id, changed);
	}

	/** Clears the link if it is still the given decision's; returns rows changed. */
	int unlink(long id, String businessKey, String userId) {
		int changed = this.jdbc.update(
				"update fz_decision_catalog_entry set running_business_key = null, running_process_instance_id = null, "
						+ "updated_by = ?, updated_at = ? where id = ? and running_business_key = ?",
				userId, Timestamp.from(Instant.now()), id, businessKey);
		return updated(id, changed);
	}

	/** Deletes a matter no decision was ever started for; returns rows deleted. */
	int deleteIfNeverStarted(long id) {
		int changed = this.jdbc.update("delete from fz_decision_catalog_entry where id = ? and status = ? "
				+ "and running_business_key is null", id, CatalogStatus.NOT_STARTED.name());
		return deleted(id, changed);
	}

	private int updated(long id, int changed) {
		if (changed > 0) {
			this.chain.updated(AuditChain.CATALOG_ENTRY, id);
		}
		return changed;
	}

	private int deleted(long id, int changed) {
		if (changed > 0) {
			this.chain.deleted(AuditChain.CATALOG_ENTRY, id);
		}
		return changed;
	}

	private CatalogEntry entry(ResultSet rs, int row) throws SQLException {
		String leadOffice = rs.getString("lead_office");
		return new CatalogEntry(rs.getLong("id"), rs.getInt("catalog_year"), rs.getString("title"),
				DecisionCategory.valueOf(rs.getString("category")), leadOffice, this.directory.officeName(leadOffice),
				rs.getBoolean("hearing_required"), rs.getBoolean("expert_review_required"),
				rs.getBoolean("risk_assessment_required"), rs.getString("planned_timing"),
				CatalogStatus.valueOf(rs.getString("status")), rs.getString("running_business_key"));
	}

}
