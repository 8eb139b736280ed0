package cn.fazhi.materials;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

import cn.fazhi.audit.chain.AuditChain;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The table {@code fz_case_material}. Rows are only ever inserted: a material, once
 * filed, stays as it was received. Each insert is reported to the audit chain in the same
 * transaction (ADR 0012).
 */
@Repository
class MaterialRecords {

	private static final String COLUMNS = "attachment_id, process_instance_id, business_key, task_id, material_type, "
			+ "size_bytes, content_sha256, uploaded_by, uploaded_by_name, office_id, office_name";

	private final JdbcTemplate jdbc;

	private final AuditChain chain;

	MaterialRecords(JdbcTemplate jdbc, AuditChain chain) {
		this.jdbc = jdbc;
		this.chain = chain;
	}

	void insert(MaterialRecord record) {
		this.jdbc.update("insert into fz_case_material (" + COLUMNS + ") values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
				record.attachmentId(), record.processInstanceId(), record.businessKey(), record.taskId(),
				record.materialType().name(), record.size(), record.sha256(), record.uploadedBy(),
				record.uploadedByName(), record.officeId(), record.officeName());
		this.chain.inserted(AuditChain.CASE_MATERIAL, record.attachmentId());
	}

	List<MaterialRecord> ofCase(String processInstanceId) {
		return this.jdbc.query("select " + COLUMNS + " from fz_case_material where process_instance_id = ?",
				MaterialRecords::map, processInstanceId);
	}

	Optional<MaterialRecord> find(String attachmentId) {
		return this.jdbc
			.query("select " + COLUMNS + " from fz_case_material where attachment_id = ?", MaterialRecords::map,
					attachmentId)
			.stream()
			.findFirst();
	}

	private static MaterialRecord map(ResultSet rs, int row) throws SQLException {
		return new MaterialRecord(rs.getString("attachment_id"), rs.getString("process_instance_id"),
				rs.getString("business_key"), rs.getString("task_id"),
				MaterialType.valueOf(rs.getString("material_type")), rs.getLong("size_bytes"),
				rs.getString("content_sha256"), rs.getString("uploaded_by"), rs.getString("uploaded_by_name"),
				rs.getString("office_id"), rs.getString("office_name"));
	}

}
