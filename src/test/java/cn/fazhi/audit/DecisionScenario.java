package cn.fazhi.audit;

import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import cn.fazhi.decision.MajorDecisionDriver;
import cn.fazhi.decision.MajorDecisionModel.Elements;
import cn.fazhi.decision.MajorDecisionProcess;
import cn.fazhi.decision.catalog.DecisionCatalog;
import cn.fazhi.decision.catalog.NewCatalogEntry;
import cn.fazhi.legalreview.LegalityReviewProcess;
import cn.fazhi.support.ActingUser;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A major decision with a hearing, an expert and one legality review, carried from
 * proposal to archive as the directory's people, every step on its own day of spring 2026
 * (the engine clock is set for each step; callers reset it). The drafting explanation is
 * filed over the materials API. Used by the audit tests and the chain benchmark.
 */
public final class DecisionScenario {

	/** The material filed: a tiny PDF. */
	public static final byte[] MATERIAL = "%PDF-1.4\n起草说明……\n%%EOF\n".getBytes(StandardCharsets.UTF_8);

	private final MajorDecisionProcess process;

	private final LegalityReviewProcess review;

	private final DecisionCatalog catalog;

	private final RuntimeService runtimeService;

	private final TaskService taskService;

	private final ManagementService managementService;

	private final IdentityService identityService;

	private final TestRestTemplate rest;

	public DecisionScenario(MajorDecisionProcess process, LegalityReviewProcess review, DecisionCatalog catalog,
			RuntimeService runtimeService, TaskService taskService, ManagementService managementService,
			IdentityService identityService, TestRestTemplate rest) {
		this.process = process;
		this.review = review;
		this.catalog = catalog;
		this.runtimeService = runtimeService;
		this.taskService = taskService;
		this.managementService = managementService;
		this.identityService = identityService;
		this.rest = rest;
	}

	/** A decided case: its number and instance. */
	public record DecisionCase(String businessKey, String processInstanceId) {
	}

	/**
	 * A catalogue matter with a hearing and expert review, decided lawfully; the given
	 * comment period (30 days, or fewer with the reason given).
	 */
	public DecisionCase decide(String title) {
		return decide(title, 30, null);
	}

	public DecisionCase decide(String title, int commentDays, String shorteningReason) {
		MajorDecisionDriver driver = new MajorDecisionDriver(this.process, this.review, this.runtimeService,
				this.taskService, this.managementService, new ActingUser(this.identityService));
		at("2026-03-02T09:00:00");
		long entry = this.catalog
			.create(new NewCatalogEntry(2026, title, "PUBLIC_POLICY", "dept-nrp", true, true, false, "2026年"),
					"chenjing")
			.id();
		ProcessInstance instance = driver.start(MajorDecisionDriver.catalogStart(entry));
		driver.initiate(instance);
		at("2026-03-04T10:00:00");
		driver.draft(instance);
		upload(instance.getBusinessKey());
		at("2026-03-06T10:00:00");
		Map<String, Object> notice = new HashMap<>(Map.of("commentChannels", List.of("WEBSITE", "NEW_MEDIA"),
				"commentPublishedOn", "2026-03-06", "commentPeriodDays", commentDays, "commentMethods", "电子邮件、信函"));
		if (shorteningReason != null) {
			notice.put("shorteningReason", shorteningReason);
		}
		driver.complete(instance, Elements.PUBLISH_FOR_COMMENT, MajorDecisionDriver.LEAD, notice);
		at("2026-03-09T10:00:00");
		driver.complete(instance, Elements.SELECT_EXPERTS, "zhangwei",
				Map.of("experts", List.of("gaoyan"), "argumentationForm", "WRITTEN", "expertQuestion", "必要性和可行性"));
		at("2026-03-16T10:00:00");
		driver.complete(instance, Elements.EXPERT_OPINION, "gaoyan",
				Map.of("expertOpinion", "方案可行，建议明确收费标准。", "expertSignature", true));
		at("2026-04-08T00:00:01");
		driver.closeCommentPeriod(instance);
		at("2026-04-08T10:00:00");
		driver.summarizeComments(instance);
		driver.complete(instance, Elements.SCHEDULE_HEARING, "zhangwei",
				Map.of("hearingDate", "2026-04-20", "hearingPlace", "市政府第一会议室", "hearingNoticePublishedOn",
						"2026-04-09", "participantSelection", "公开报名、随机抽取", "participantList", "市民代表5名……",
						"materialsDeliveredOn", "2026-04-10"));
		at("2026-04-20T15:00:00");
		driver.complete(instance, Elements.RECORD_HEARING, "zhangwei", Map.of("hearingHeldOn", "2026-04-20",
				"hearingRecord", "听证笔录……", "hearingRecordSigned", true, "hearingAdoption", "采纳听证意见2条……"));
		ProcessInstance sub = this.runtimeService.createProcessInstanceQuery()
			.superProcessInstanceId(instance.getId())
			.singleResult();
		at("2026-04-21T10:00:00");
		reviewStep(sub, "sunli", Map.of("materialsComplete", "COMPLETE"));
		at("2026-04-22T10:00:00");
		reviewStep(sub, "wujun", Map.of("reviewer", "zhouqiang"));
		at("2026-04-28T10:00:00");
		reviewStep(sub, "zhouqiang", Map.of("reviewAction", "CONCLUDE", "legalityConclusion", "LAWFUL",
				"legalityReasons", "未超越法定职权，已履行法定程序。", "legalBasis", "《重大行政决策程序暂行条例》第27条"));
		at("2026-04-30T10:00:00");
		reviewStep(sub, "wujun", Map.of("signOffDecision", "APPROVE"));
		at("2026-05-06T10:00:00");
		driver.complete(instance, Elements.SUBMIT_FOR_MEETING, "zhangwei",
				Map.of("expertAdoption", "采纳高岩的意见", "submissionNote", "提请市政府常务会议审议。"));
		driver.schedule(instance, "2026-05-12");
		at("2026-05-12T16:00:00");
		driver.meeting(instance, "APPROVED", "APPROVED", null);
		at("2026-05-15T10:00:00");
		driver.complete(instance, Elements.PUBLISH_DECISION, "chenjing", Map.of("publicationChannels",
				List.of("GAZETTE", "WEBSITE"), "publishedOn", "2026-05-15", "documentNumber", "示政发〔2026〕8号"));
		at("2026-11-30T10:00:00");
		driver.complete(instance, Elements.EXECUTION_REPORT, "zhangwei", Map.of("reportedPeriod", "2026年",
				"executionProgress", "全部完成", "executionStatus", "COMPLETED", "evaluationTriggered", false));
		at("2026-12-01T10:00:00");
		driver.archive(instance);
		return new DecisionCase(instance.getBusinessKey(), instance.getId());
	}

	private void reviewStep(ProcessInstance sub, String user, Map<String, Object> form) {
		Task task = this.taskService.createTaskQuery().processInstanceId(sub.getId()).singleResult();
		new ActingUser(this.identityService).as(user, () -> this.review.submit(task.getId(), form));
	}

	/** 张伟 files the drafting explanation over the materials API. */
	private void upload(String businessKey) {
		MultiValueMap<String, Object> form = new LinkedMultiValueMap<>();
		form.add("file", new ByteArrayResource(MATERIAL) {

			@Override
			public String getFilename() {
				return "起草说明.pdf";
			}

		});
		form.add("materialType", "EXPLANATION");
		HttpHeaders headers = new HttpHeaders();
		headers.setBasicAuth("zhangwei", "demo", StandardCharsets.UTF_8);
		headers.setContentType(MediaType.MULTIPART_FORM_DATA);
		ResponseEntity<String> response = this.rest.exchange("/api/cases/{businessKey}/materials", HttpMethod.POST,
				new HttpEntity<>(form, headers), String.class, businessKey);
		assertThat(response.getStatusCode().value()).as(response.toString()).isEqualTo(201);
	}

	/** Sets the engine clock to a time of day in the government's zone. */
	public static void at(String localTime) {
		ClockUtil.setCurrentTime(Date.from(OffsetDateTime.parse(localTime + "+08:00").toInstant()));
	}

}
