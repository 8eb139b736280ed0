package cn.fazhi.materials;

import java.util.List;

import org.springframework.stereotype.Component;

/**
 * Read-only view of Fazhi's material records for other features (the auditor's replay):
 * what Camunda's attachment has no column for. Access to the case is the caller's
 * business; this class only reads.
 */
@Component
public class FiledMaterials {

	private final MaterialRecords records;

	FiledMaterials(MaterialRecords records) {
		this.records = records;
	}

	/**
	 * A filed material's record.
	 *
	 * @param taskId the task it was filed for, null for the case as a whole
	 * @param materialType the type code (DRAFT, OPINION …) and its Chinese label
	 * @param officeName the uploader's office at the time of upload
	 */
	public record Filed(String attachmentId, String processInstanceId, String taskId, String materialType,
			String materialTypeName, long size, String sha256, String uploadedBy, String uploadedByName,
			String officeName) {
	}

	/** The records of the materials filed to one process instance. */
	public List<Filed> ofProcessInstance(String processInstanceId) {
		return this.records.ofCase(processInstanceId)
			.stream()
			.map((record) -> new Filed(record.attachmentId(), record.processInstanceId(), record.taskId(),
					record.materialType().name(), record.materialType().label(), record.size(), record.sha256(),
					record.uploadedBy(), record.uploadedByName(), record.officeName()))
			.toList();
	}

}
