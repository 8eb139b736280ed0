package cn.fazhi.materials;

/**
 * What Fazhi knows of a material beyond Camunda's attachment (name, description, content
 * type, process instance and time): a row of {@code fz_case_material}, keyed by the
 * attachment id.
 *
 * @param taskId the task the material belongs to, if any (kept here, not on the Camunda
 * attachment: see ADR 0009)
 * @param sha256 hex SHA-256 of the content as received
 */
record MaterialRecord(String attachmentId, String processInstanceId, String businessKey, String taskId,
		MaterialType materialType, long size, String sha256, String uploadedBy, String uploadedByName, String officeId,
		String officeName) {

}
