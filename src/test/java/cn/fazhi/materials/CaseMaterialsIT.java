package cn.fazhi.materials;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import com.fasterxml.jackson.databind.JsonNode;

import cn.fazhi.support.HttpIntegrationTest;
import cn.fazhi.support.RestClient.Response;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

import static cn.fazhi.support.RestClient.variables;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Case materials over HTTP as the demo people use them: 张伟 (自然资源和规划局) files the materials
 * of his office's legality review; the justice bureau, which has the review's task, sees
 * them; another department does not even learn that the case exists; the auditor reads
 * everything and files nothing; bad files are refused with a Chinese message and leave no
 * trace; an ended case keeps its materials readable and closed.
 */
@DisplayName("案卷材料：上传、查阅、下载")
class CaseMaterialsIT extends HttpIntegrationTest {

	static final String MATERIALS = "/api/cases/{businessKey}/materials";

	static final byte[] PDF = ("%PDF-1.4\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n"
			+ "2 0 obj\n<< /Type /Pages /Kids [] /Count 0 >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n")
		.getBytes(StandardCharsets.US_ASCII);

	String businessKey;

	String instanceId;

	/** 张伟 submits a review for his office (自然资源和规划局), under a case number of its own. */
	@BeforeEach
	void caseOfTheNaturalResourcesBureau() {
		this.businessKey = caseNumber();
		this.instanceId = start(this.businessKey);
	}

	@Test
	void shouldFileAMaterialWithItsAuthorAndHandItBackUnchanged() {
		// when
		Response uploaded = upload("zhangwei", this.businessKey, "起草说明（第二稿）.pdf", PDF, "EXPLANATION",
				Map.of("description", "关于《示范市城市绿线管理办法》的起草说明"));
		// then: filed with author, office, time and hash
		assertThat(uploaded.status()).as(uploaded.toString()).isEqualTo(201);
		JsonNode material = uploaded.json();
		String id = material.path("id").asText();
		assertThat(uploaded.headers().getLocation().getPath())
			.isEqualTo("/api/cases/" + this.businessKey + "/materials/" + id);
		assertThat(material.path("businessKey").asText()).isEqualTo(this.businessKey);
		assertThat(material.path("name").asText()).isEqualTo("起草说明（第二稿）.pdf");
		assertThat(material.path("materialType").asText()).isEqualTo("EXPLANATION");
		assertThat(material.path("materialTypeName").asText()).isEqualTo("起草说明");
		assertThat(material.path("description").asText()).isEqualTo("关于《示范市城市绿线管理办法》的起草说明");
		assertThat(material.path("size").asLong()).isEqualTo(PDF.length);
		assertThat(material.path("sha256").asText()).isEqualTo(sha256(PDF));
		assertThat(material.path("contentType").asText()).isEqualTo("application/pdf");
		assertThat(material.path("uploadedBy").asText()).isEqualTo("zhangwei");
		assertThat(material.path("uploadedByName").asText()).isEqualTo("张伟");
		assertThat(material.path("office").asText()).isEqualTo("示范市自然资源和规划局");
		assertThat(material.path("uploadedAt").asText()).endsWith("+08:00");
		assertThat(material.has("taskId")).isTrue();
		assertThat(material.path("taskId").isNull()).isTrue();

		// the justice bureau, which has the review's task, sees it
		Response listed = as("sunli").get(path(this.businessKey));
		assertThat(listed.status()).as(listed.toString()).isEqualTo(200);
		assertThat(listed.json()).hasSize(1);
		assertThat(listed.json().get(0)).isEqualTo(material);

		// and downloads exactly the bytes that were uploaded
		ResponseEntity<byte[]> download = download("sunli", this.businessKey, id);
		assertThat(download.getStatusCode().value()).isEqualTo(200);
		assertThat(download.getBody()).isEqualTo(PDF);
		assertThat(MediaType.APPLICATION_PDF.equalsTypeAndSubtype(download.getHeaders().getContentType())).isTrue();
		assertThat(download.getHeaders().getFirst("X-Content-SHA256")).isEqualTo(sha256(PDF));
		String disposition = download.getHeaders().getFirst(HttpHeaders.CONTENT_DISPOSITION);
		assertThat(disposition).startsWith("attachment;").contains("filename*=UTF-8''");
		assertThat(ContentDisposition.parse(disposition).getFilename()).isEqualTo("起草说明（第二稿）.pdf");

		// the auditor reads it too, and finds the upload in Camunda's history in 张伟's
		// name
		assertThat(as("hanxue").get(path(this.businessKey)).json()).hasSize(1);
		assertThat(download("hanxue", this.businessKey, id).getBody()).isEqualTo(PDF);
		Response log = as("hanxue").get("/engine-rest/history/user-operation?processInstanceId=" + this.instanceId
				+ "&operationType=AddAttachment");
		assertThat(log.json().findValuesAsText("userId")).containsExactly("zhangwei");
		assertThat(log.json().findValuesAsText("newValue")).containsExactly("起草说明（第二稿）.pdf");
	}

	@Test
	void shouldNotLetAnotherDepartmentLearnThatTheCaseExists() {
		// given
		String id = upload("zhangwei", this.businessKey, "草案.pdf", PDF, "DRAFT", Map.of()).json().path("id").asText();
		// when 王芳 (教育局) tries to list, download and add
		Response listed = as("wangfang").get(path(this.businessKey));
		Response added = upload("wangfang", this.businessKey, "意见.pdf", PDF, "OPINION", Map.of());
		ResponseEntity<byte[]> downloaded = download("wangfang", this.businessKey, id);
		// then: the same answer as for a case number that does not exist
		Response unknown = as("wangfang").get(path("不存在〔2026〕1号"));
		assertThat(unknown.status()).isEqualTo(404);
		assertThat(unknown.json().path("message").asText()).isEqualTo("案件“不存在〔2026〕1号”不存在，或您无权查看该案件");
		assertThat(listed.status()).isEqualTo(404);
		assertThat(listed.json().path("parameter").asText()).isEqualTo("businessKey");
		assertThat(listed.json().path("message").asText()).isEqualTo("案件“" + this.businessKey + "”不存在，或您无权查看该案件");
		assertThat(added.status()).isEqualTo(404);
		assertThat(downloaded.getStatusCode().value()).isEqualTo(404);
		assertThat(materials("zhangwei")).hasSize(1);
	}

	@Test
	void shouldLetAuditorsReadButNeverUpload() {
		// when
		Response refused = upload("hanxue", this.businessKey, "审计意见.pdf", PDF, "OPINION", Map.of());
		// then
		assertThat(refused.status()).isEqualTo(403);
		assertThat(refused.json().path("message").asText()).contains("审计监督人员只能查阅案卷材料");
		Response listed = as("hanxue").get(path(this.businessKey));
		assertThat(listed.status()).isEqualTo(200);
		assertThat(listed.json()).isEmpty();
	}

	@Test
	void shouldRefuseBadUploadsWithAChineseMessageAndStoreNothing() {
		assertRefused(upload("zhangwei", this.businessKey, "起草说明.pdf", new byte[0], "EXPLANATION", Map.of()), 400,
				"file", "是空文件");
		byte[] program = { 'M', 'Z', (byte) 0x90, 0, 3, 0, 0, 0, 4, 0, 0, 0, (byte) 0xFF, (byte) 0xFF, 0, 0 };
		assertRefused(upload("zhangwei", this.businessKey, "通知.pdf", program, "OTHER", Map.of()), 415, "file",
				"与文件的实际内容不符");
		assertRefused(upload("zhangwei", this.businessKey, "setup.exe", program, "OTHER", Map.of()), 415, "file",
				"不接受 .exe 格式");
		assertRefused(upload("zhangwei", this.businessKey, "草案.pdf", PDF, "MEMO", Map.of()), 400, "materialType",
				"材料类型“MEMO”无效", "DRAFT（草案）");
		assertRefused(upload("zhangwei", this.businessKey, "草案.pdf", PDF, null, Map.of()), 400, "materialType",
				"缺少必填参数 materialType");
		assertRefused(
				upload("zhangwei", this.businessKey, "草案.pdf", PDF, "DRAFT", Map.of("description", "长".repeat(501))),
				400, "description", "不能超过 500 字");
		assertRefused(upload("zhangwei", this.businessKey, "草案.pdf", PDF, "DRAFT", Map.of("taskId", "no-such-task")),
				400, "taskId", "不是案件");
		assertRefused(upload("zhangwei", this.businessKey, null, null, "DRAFT", Map.of()), 400, "file", "缺少必填参数 file");
		assertRefused(upload("zhangwei", "不存在〔2026〕2号", "草案.pdf", PDF, "DRAFT", Map.of()), 404, "businessKey", "不存在");
		Response json = as("zhangwei").post(path(this.businessKey), Map.of("file", "x"));
		assertThat(json.status()).isEqualTo(415);
		assertRefused(malformedUpload(this.businessKey), 400, "file", "上传请求不完整或格式不正确");
		assertThat(materials("zhangwei")).isEmpty();
	}

	@Test
	void shouldRefuseAFileOverTheLimitWithA413Answer() {
		// given: the default limit of 20MB
		byte[] justOver = Arrays.copyOf(PDF, 20 * 1024 * 1024 + 1);
		byte[] farOver = Arrays.copyOf(PDF, 25 * 1024 * 1024);
		// when
		Response over = upload("zhangwei", this.businessKey, "评估报告.pdf", justOver, "ASSESSMENT_REPORT", Map.of());
		Response far = upload("zhangwei", this.businessKey, "评估报告.pdf", farOver, "ASSESSMENT_REPORT", Map.of());
		// then: JSON, not an error page, also when much of the request was still unread
		assertRefused(over, 413, "file", "单个材料不得超过 20MB");
		assertRefused(far, 413, "file", "单个材料不得超过 20MB");
		assertThat(materials("zhangwei")).isEmpty();
	}

	@Test
	void shouldKeepASafeFileNameAndTheTextEncoding() {
		// when
		Response uploaded = upload("zhangwei", this.businessKey, "../../会议纪要.txt",
				"专题会议纪要\n一、会议议定……\n".getBytes(StandardCharsets.UTF_8), "MINUTES", Map.of());
		// then
		assertThat(uploaded.status()).as(uploaded.toString()).isEqualTo(201);
		assertThat(uploaded.json().path("name").asText()).isEqualTo("会议纪要.txt");
		assertThat(uploaded.json().path("contentType").asText()).isEqualTo("text/plain;charset=UTF-8");
	}

	@Test
	void shouldFileAMaterialForATaskOfTheCaseOnly() {
		// given: the justice bureau's intake task of this case, and a task of another
		// case
		String intake = onlyTask("sunli", this.instanceId);
		String otherTask = onlyTask("sunli", start(caseNumber()));
		// when
		Response opinion = upload("sunli", this.businessKey, "初审意见.docx", MaterialFileTest.DOCX, "OPINION",
				Map.of("taskId", intake));
		Response elsewhere = upload("sunli", this.businessKey, "初审意见.docx", MaterialFileTest.DOCX, "OPINION",
				Map.of("taskId", otherTask));
		// then
		assertThat(opinion.status()).as(opinion.toString()).isEqualTo(201);
		assertThat(opinion.json().path("taskId").asText()).isEqualTo(intake);
		assertThat(opinion.json().path("uploadedByName").asText()).isEqualTo("孙丽");
		assertThat(opinion.json().path("office").asText()).isEqualTo("示范市司法局");
		assertThat(opinion.json().path("contentType").asText())
			.isEqualTo("application/vnd.openxmlformats-officedocument.wordprocessingml.document");
		assertRefused(elsewhere, 400, "taskId", "不是案件“" + this.businessKey + "”的任务");
		assertThat(materials("zhangwei")).hasSize(1);
		// Camunda's task attachment API, which checks no more than the task id, cannot
		// reach it
		Response viaTask = as("sunli").get("/engine-rest/task/" + intake + "/attachment");
		assertThat(viaTask.status()).isEqualTo(200);
		assertThat(viaTask.json()).isEmpty();
		String id = opinion.json().path("id").asText();
		assertThat(as("sunli").delete("/engine-rest/task/" + intake + "/attachment/" + id).status()).isEqualTo(403);
		// nor add files past the type, size and author checks
		assertThat(as("sunli").post("/engine-rest/task/" + intake + "/attachment/create", Map.of()).status())
			.isEqualTo(403);
		assertThat(materials("zhangwei")).hasSize(1);
	}

	@Test
	void shouldKeepTheMaterialsOfAnEndedCaseReadableAndClosed() {
		// given
		String id = upload("zhangwei", this.businessKey, "草案.pdf", PDF, "DRAFT", Map.of()).json().path("id").asText();
		assertThat(as("demo").delete("/engine-rest/process-instance/" + this.instanceId).status()).isEqualTo(204);
		// when
		Response late = upload("zhangwei", this.businessKey, "补充说明.pdf", PDF, "OTHER", Map.of());
		// then
		assertThat(late.status()).isEqualTo(409);
		assertThat(late.json().path("message").asText()).isEqualTo("案件已办结，材料已归档，不能再上传");
		assertThat(materials("zhangwei")).extracting((node) -> node.path("id").asText()).containsExactly(id);
		assertThat(materials("hanxue")).hasSize(1);
		assertThat(download("zhangwei", this.businessKey, id).getBody()).isEqualTo(PDF);
	}

	private List<JsonNode> materials(String user) {
		Response listed = as(user).get(path(this.businessKey));
		assertThat(listed.status()).as(listed.toString()).isEqualTo(200);
		List<JsonNode> materials = new ArrayList<>();
		listed.json().forEach(materials::add);
		return materials;
	}

	private static void assertRefused(Response response, int status, String parameter, String... message) {
		assertThat(response.status()).as(response.toString()).isEqualTo(status);
		assertThat(MediaType.APPLICATION_JSON.equalsTypeAndSubtype(response.headers().getContentType())).isTrue();
		assertThat(response.json().path("status").asInt()).isEqualTo(status);
		assertThat(response.json().path("parameter").asText()).isEqualTo(parameter);
		assertThat(response.json().path("message").asText()).contains(message);
	}

	/**
	 * A multipart upload as a browser form sends it; null name and content: no file part.
	 */
	private Response upload(String user, String businessKey, String fileName, byte[] content, String materialType,
			Map<String, String> fields) {
		MultiValueMap<String, Object> form = new LinkedMultiValueMap<>();
		if (content != null) {
			form.add("file", new ByteArrayResource(content) {

				@Override
				public String getFilename() {
					return fileName;
				}

			});
		}
		if (materialType != null) {
			form.add("materialType", materialType);
		}
		fields.forEach(form::add);
		HttpHeaders headers = new HttpHeaders();
		headers.setBasicAuth(user, "demo", StandardCharsets.UTF_8);
		headers.setContentType(MediaType.MULTIPART_FORM_DATA);
		headers.setAccept(List.of(MediaType.APPLICATION_JSON));
		ResponseEntity<String> response = this.rest.exchange(MATERIALS, HttpMethod.POST,
				new HttpEntity<>(form, headers), String.class, businessKey);
		return new Response(response.getStatusCode().value(), response.getHeaders(), response.getBody());
	}

	/** A multipart request cut off in the middle, as from a dropped connection. */
	private Response malformedUpload(String businessKey) {
		HttpHeaders headers = new HttpHeaders();
		headers.setBasicAuth("zhangwei", "demo", StandardCharsets.UTF_8);
		headers.setContentType(MediaType.parseMediaType("multipart/form-data;boundary=fazhi-boundary"));
		headers.setAccept(List.of(MediaType.APPLICATION_JSON));
		String body = "--fazhi-boundary\r\nContent-Disposition: form-data; name=\"file\"; filename=\"草案.pdf\"\r\n\r\n%PDF-1.4";
		ResponseEntity<String> response = this.rest.exchange(MATERIALS, HttpMethod.POST,
				new HttpEntity<>(body, headers), String.class, businessKey);
		return new Response(response.getStatusCode().value(), response.getHeaders(), response.getBody());
	}

	private ResponseEntity<byte[]> download(String user, String businessKey, String id) {
		HttpHeaders headers = new HttpHeaders();
		headers.setBasicAuth(user, "demo", StandardCharsets.UTF_8);
		return this.rest.exchange(MATERIALS + "/{id}", HttpMethod.GET, new HttpEntity<>(headers), byte[].class,
				businessKey, id);
	}

	private String start(String businessKey) {
		Response started = as("zhangwei").post("/engine-rest/process-definition/key/legality-review/submit-form",
				Map.of("businessKey", businessKey, "variables",
						variables("matterTitle", "示范市城市绿线管理办法", "matterType", "NORMATIVE_DOCUMENT", "draftSummary",
								"第一条……", "legalBasisCited", "《城市绿线管理办法》", "proceduresPerformed", "已征求意见",
								"contactPerson", "张伟", "contactPhone", "0571-88886666")));
		assertThat(started.status()).as(started.toString()).isEqualTo(200);
		return started.json().path("id").asText();
	}

	private String onlyTask(String user, String instanceId) {
		Response tasks = as(user).get("/engine-rest/task?processInstanceId=" + instanceId);
		assertThat(tasks.json().size()).as(tasks.toString()).isEqualTo(1);
		return tasks.json().get(0).path("id").asText();
	}

	/** A case number in the style of the department's register, unique per test. */
	private static String caseNumber() {
		return "示自然资规审〔2026〕" + ThreadLocalRandom.current().nextInt(1_000_000) + "号";
	}

	private String path(String businessKey) {
		return MATERIALS.replace("{businessKey}", businessKey);
	}

	/** Computed here, independently of the application's own hashing. */
	private static String sha256(byte[] content) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
