package cn.fazhi.materials;

import java.time.OffsetDateTime;
import java.time.ZoneId;

import org.camunda.bpm.engine.task.Attachment;

/**
 * A case material as the API shows it: Camunda's attachment (id, name, description,
 * content type, time) together with Fazhi's record of it (type, size, hash, who uploaded
 * it for which office, the task). This JSON shape is a public contract.
 *
 * @param office the uploader's office name at the time of upload
 * @param uploadedAt in the government's time zone ({@code fazhi.calendar.zone})
 * @param taskId the task the material belongs to, or null for the case as a whole
 */
record Material(String id, String businessKey, String name, MaterialType materialType, String materialTypeName,
		String description, long size, String sha256, String contentType, String uploadedBy, String uploadedByName,
		String office, OffsetDateTime uploadedAt, String taskId) {

	static Material of(Attachment attachment, MaterialRecord record, ZoneId zone) {
		return new Material(attachment.getId(), record.businessKey(), attachment.getName(), record.materialType(),
				record.materialType().label(), attachment.getDescription(), record.size(), record.sha256(),
				attachment.getType(), record.uploadedBy(), record.uploadedByName(), record.officeName(),
				attachment.getCreateTime().toInstant().atZone(zone).toOffsetDateTime(), record.taskId());
	}

}
