package cn.fazhi.materials;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import cn.fazhi.directory.Directory;
import cn.fazhi.security.CaseAccess.Case;
import cn.fazhi.system.web.ApiException;

import cn.fazhi.security.CaseAccess;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Attachment;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.multipart.MultipartFile;

/**
 * The materials of a case (案卷材料): filed with their author and time, listed and handed out
 * to everyone who may see the case, for as long as its history is kept.
 * <p>
 * The file is a Camunda attachment of the case's process instance, so it belongs to the
 * case's history (ACT_HI_ATTACHMENT) like its tasks and variables, and every upload is in
 * Camunda's user operation log. It is deliberately not attached to the task (the task id
 * is kept in {@code fz_case_material}): Camunda's REST API reads and deletes a task's
 * attachments given nothing but the task and attachment ids, and a filed material must
 * stay as it was received. This class is the only one that touches case attachments.
 */
@Service
class CaseMaterials {

	private static final Logger logger = LoggerFactory.getLogger(CaseMaterials.class);

	static final int MAX_DESCRIPTION_LENGTH = 500;

	private final TaskService taskService;

	private final CaseAccess cases;

	private final MaterialRecords records;

	private final Directory directory;

	private final MaterialsProperties properties;

	private final ZoneId zone;

	CaseMaterials(TaskService taskService, CaseAccess cases, MaterialRecords records, Directory directory,
			MaterialsProperties properties, @Value("${fazhi.calendar.zone:Asia/Shanghai}") ZoneId zone) {
		this.taskService = taskService;
		this.cases = cases;
		this.records = records;
		this.directory = directory;
		this.properties = properties;
		this.zone = zone;
	}

	/** An upload as received; every field may be missing or wrong. */
	record Upload(MultipartFile file, String materialType, String description, String taskId) {
	}

	/** A material and its content. */
	record Content(Material material, byte[] bytes) {
	}

	/**
	 * Files a material. Every rule is checked before anything is written; the attachment
	 * and Fazhi's record of it are written in one transaction, so either both exist or
	 * neither.
	 */
	@Transactional
	Material add(String userId, String businessKey, Upload upload) {
		// checks
		Case theCase = this.cases.openForAdding(userId, businessKey);
		MaterialType type = materialType(upload.materialType());
		String description = description(upload.description());
		MaterialFile file = MaterialFile.of(upload.file(), this.properties.maxFileSize());
		String taskId = this.cases.taskOf(theCase, upload.taskId());
		// filing
		Attachment attachment = this.taskService.createAttachment(file.contentType(), null, theCase.processInstanceId(),
				file.name(), description, new ByteArrayInputStream(file.content()));
		String officeId = this.directory.officeOf(userId).orElse(null);
		MaterialRecord record = new MaterialRecord(attachment.getId(), theCase.processInstanceId(), businessKey, taskId,
				type, file.size(), file.sha256(), userId, this.directory.displayName(userId), officeId,
				(officeId == null) ? null : this.directory.officeName(officeId));
		this.records.insert(record);
		return Material.of(attachment, record, this.zone);
	}

	/** The materials of a case the user may see, running or ended, oldest first. */
	List<Material> list(String userId, String businessKey) {
		Case theCase = this.cases.visible(userId, businessKey);
		Map<String, MaterialRecord> filed = this.records.ofCase(theCase.processInstanceId())
			.stream()
			.collect(Collectors.toMap(MaterialRecord::attachmentId, Function.identity()));
		// attachments without a record were not filed through Fazhi: not case materials
		return this.taskService.getProcessInstanceAttachments(theCase.processInstanceId())
			.stream()
			.filter((attachment) -> filed.containsKey(attachment.getId()))
			.map((attachment) -> Material.of(attachment, filed.get(attachment.getId()), this.zone))
			.sorted(Comparator.comparing(Material::uploadedAt).thenComparing(Material::id))
			.toList();
	}

	/**
	 * A material's content, checked against the hash recorded at upload: content that no
	 * longer matches is not handed out as if it were the original.
	 */
	Content open(String userId, String businessKey, String materialId) {
		Case theCase = this.cases.visible(userId, businessKey);
		MaterialRecord record = this.records.find(materialId)
			.filter((found) -> found.processInstanceId().equals(theCase.processInstanceId()))
			.orElseThrow(() -> notFound(businessKey, materialId));
		Attachment attachment = this.taskService.getAttachment(materialId);
		if (attachment == null) {
			throw notFound(businessKey, materialId);
		}
		byte[] bytes = read(this.taskService.getAttachmentContent(materialId));
		if (bytes == null || !MaterialFile.sha256(bytes).equals(record.sha256())) {
			logger.error("Case material {} of case {} does not match the SHA-256 recorded at upload ({}); not served",
					materialId, businessKey, record.sha256());
			throw new ApiException(HttpStatus.INTERNAL_SERVER_ERROR, "id",
					"材料“" + attachment.getName() + "”的内容与上传时登记的 SHA-256 校验值不一致，可能已被改动或损坏。为保全原件，系统不提供该文件，请立即联系系统管理员核查");
		}
		return new Content(Material.of(attachment, record, this.zone), bytes);
	}

	private static MaterialType materialType(String code) {
		if (code == null || code.isBlank()) {
			throw ApiException.badRequest("materialType", "缺少必填参数 materialType（材料类型），应为以下之一：" + MaterialType.choices());
		}
		return MaterialType.of(code)
			.orElseThrow(() -> ApiException.badRequest("materialType",
					"材料类型“" + code + "”无效，应为以下之一：" + MaterialType.choices()));
	}

	private static String description(String description) {
		if (description == null || description.isBlank()) {
			return null;
		}
		String text = description.strip();
		int length = text.codePointCount(0, text.length());
		if (length > MAX_DESCRIPTION_LENGTH) {
			throw ApiException.badRequest("description",
					"材料说明不能超过 " + MAX_DESCRIPTION_LENGTH + " 字，当前为 " + length + " 字，请精简后重新上传");
		}
		return text;
	}

	private static byte[] read(InputStream content) {
		if (content == null) {
			return null;
		}
		try (content) {
			return content.readAllBytes();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static ApiException notFound(String businessKey, String materialId) {
		return new ApiException(HttpStatus.NOT_FOUND, "id", "案件“" + businessKey + "”中没有编号为“" + materialId + "”的材料");
	}

}
