package cn.fazhi.normative;

import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import cn.fazhi.legalreview.LegalityReviewProcess;
import cn.fazhi.support.ActingUser;
import cn.fazhi.support.CaseSteps;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;

import static cn.fazhi.normative.NormativeDocumentModel.Elements.DRAFT;
import static cn.fazhi.normative.NormativeDocumentModel.Elements.PUBLISH;
import static cn.fazhi.normative.NormativeDocumentModel.Elements.PUBLISH_FOR_COMMENT;
import static cn.fazhi.normative.NormativeDocumentModel.Elements.RECORD_MEETING;
import static cn.fazhi.normative.NormativeDocumentModel.Elements.REGISTER;
import static cn.fazhi.normative.NormativeDocumentModel.Elements.SCHEDULE_MEETING;
import static cn.fazhi.normative.NormativeDocumentModel.Elements.SUBMIT_FOR_DELIBERATION;
import static cn.fazhi.normative.NormativeDocumentModel.Elements.SUMMARIZE_COMMENTS;

/**
 * Drives a normative document through its steps as the directory's demo people: 张伟
 * (自然资源和规划局) drafts, the justice bureau reviews, 陈静 (市政府办公室) keeps the agenda and
 * registers government documents, 钱宇 (省司法厅) and 林海 (市人大常委会法工委) receive the filings. Each
 * method does one step; tests combine them into the legal paths.
 */
final class NormativeDocumentDriver {

	static final String DRAFTER = "zhangwei";

	static final String DRAFTER_HEAD = "lina";

	static final String SECRETARIAT = "chenjing";

	static final String PROVINCE = "qianyu";

	static final String CONGRESS = "linhai";

	static final String JUSTICE = "sunli";

	private final NormativeDocumentProcess process;

	private final LegalityReviewProcess review;

	private final RuntimeService runtimeService;

	private final TaskService taskService;

	private final ActingUser acting;

	private final CaseSteps steps;

	NormativeDocumentDriver(NormativeDocumentProcess process, LegalityReviewProcess review,
			RuntimeService runtimeService, TaskService taskService, ManagementService managementService,
			ActingUser acting) {
		this.process = process;
		this.review = review;
		this.runtimeService = runtimeService;
		this.taskService = taskService;
		this.acting = acting;
		this.steps = new CaseSteps(taskService, managementService);
	}

	ProcessInstance start(Map<String, Object> form) {
		return this.acting.as(DRAFTER, () -> this.process.start(null, form));
	}

	static Map<String, Object> startForm(String title, String issuerType) {
		Map<String, Object> form = new HashMap<>();
		form.put("documentTitle", title);
		form.put("issuerType", issuerType);
		form.put("draftingPurpose", "规范……管理，解决……问题；依据《……条例》第……条。");
		form.put("affectsMarket", false);
		form.put("contactPerson", "张伟");
		form.put("contactPhone", "0571-88886666");
		return form;
	}

	void draft(ProcessInstance instance) {
		complete(instance, DRAFT, DRAFTER, draftForm());
	}

	static Map<String, Object> draftForm() {
		Map<String, Object> form = new HashMap<>();
		form.put("draftingDecision", "PROCEED");
		form.put("draftText", "第一条 为了……，制定本办法。");
		form.put("draftExplanation", "起草背景、主要内容和依据……");
		form.put("legalBasisCited", "《中华人民共和国土地管理法》第……条");
		form.put("necessityAssessment", "必要性：……；可行性：……；合法性：……");
		form.put("commentExempt", false);
		return form;
	}

	void publishForComment(ProcessInstance instance, String publishedOn) {
		complete(instance, PUBLISH_FOR_COMMENT, DRAFTER, Map.of("commentChannels", List.of("WEBSITE", "NEW_MEDIA"),
				"commentPublishedOn", publishedOn, "commentPeriodDays", 30, "commentMethods", "电子邮件、信函"));
	}

	/** The comment window closes (its timer fires) and the comments are summarized. */
	void closeComments(ProcessInstance instance) {
		executeJob(instance, NormativeDocumentModel.Elements.COMMENT_PERIOD_ENDS);
		complete(instance, SUMMARIZE_COMMENTS, DRAFTER,
				Map.of("commentsReceived", 9, "commentSummary", "共收到意见9条……", "commentAdoption", "采纳6条；未采纳3条的理由：……",
						"adoptionFeedbackPublished", true, "draftText", "第一条（征求意见后修改稿）……"));
	}

	/** Through the review by the justice bureau, concluding as given. */
	void legalityReview(ProcessInstance instance, String conclusion) {
		ProcessInstance sub = review(instance);
		reviewStep(sub, "sunli", Map.of("materialsComplete", "COMPLETE"));
		reviewStep(sub, "wujun", Map.of("reviewer", "zhouqiang"));
		reviewStep(sub, "zhouqiang", opinion(conclusion));
		reviewStep(sub, "wujun", Map.of("signOffDecision", "APPROVE"));
	}

	ProcessInstance review(ProcessInstance instance) {
		return this.runtimeService.createProcessInstanceQuery().superProcessInstanceId(instance.getId()).singleResult();
	}

	static Map<String, Object> opinion(String conclusion) {
		Map<String, Object> opinion = new HashMap<>(Map.of("reviewAction", "CONCLUDE", "legalityConclusion", conclusion,
				"legalityReasons", "UNLAWFUL".equals(conclusion) ? "第五条设定罚款，超越规范性文件权限。" : "制定主体适格，未超越权限，程序合法。",
				"legalBasis", "国办发〔2018〕115号"));
		if ("LAWFUL_WITH_CHANGES".equals(conclusion)) {
			opinion.put("requiredChanges", "删除第七条第二款“暂停办理有关业务”的规定。");
		}
		return opinion;
	}

	/** Submission, agenda and an approving meeting of the right body. */
	void approve(ProcessInstance instance, boolean government) {
		complete(instance, SUBMIT_FOR_DELIBERATION, DRAFTER, Map.of("submissionNote", "提请审议。"));
		schedule(instance, government);
		meeting(instance, government, "APPROVED");
	}

	void schedule(ProcessInstance instance, boolean government) {
		complete(instance, SCHEDULE_MEETING, government ? SECRETARIAT : DRAFTER,
				Map.of("meetingType", government ? "EXECUTIVE" : "OFFICE_MEETING", "meetingSession",
						government ? "市政府第8次常务会议" : "局务会议", "meetingDate", "2026-03-02"));
	}

	void meeting(ProcessInstance instance, boolean government, String decision) {
		complete(instance, RECORD_MEETING, government ? SECRETARIAT : DRAFTER, Map.of("attendees", "……",
				"deliberationOpinions", "同意。", "meetingDecision", decision, "meetingMinutes", "会议审议了……，决定……"));
	}

	void register(ProcessInstance instance, boolean government) {
		complete(instance, REGISTER, government ? SECRETARIAT : DRAFTER,
				Map.of("signedBy", "赵磊", "signedOn", "2026-03-02", "documentText", "第一条 为了……（正式文本）"));
	}

	void publish(ProcessInstance instance, boolean government, String publishedOn, String effectiveDate) {
		complete(instance, PUBLISH, government ? SECRETARIAT : DRAFTER, Map.of("publicationChannels",
				List.of("GAZETTE", "WEBSITE"), "publishedOn", publishedOn, "effectiveDate", effectiveDate));
	}

	/** One filing track to the end without findings. */
	void file(ProcessInstance instance, String track, boolean government) {
		String t = track.toLowerCase();
		String body = "Government".equals(track) ? (government ? PROVINCE : JUSTICE) : CONGRESS;
		complete(instance, "userTask_fileWith" + track, government ? SECRETARIAT : DRAFTER, Map.of(t + "FiledOn",
				today(), t + "FilingMaterials", List.of("REPORT", "TEXT", "EXPLANATION", "BASIS")));
		complete(instance, "userTask_receive" + track + "Filing", body,
				Map.of(t + "Receipt", "REGISTERED", t + "ReceiptNumber", "BA-2026-" + t, t + "ReceivedOn", today()));
		complete(instance, "userTask_review" + track + "Filing", body,
				Map.of(t + "ReviewResult", "NO_ISSUES", t + "ReviewOpinion", "经审查，未发现问题。"));
	}

	/** From start to published (government document: comments, review, meeting). */
	ProcessInstance published(String title, boolean government) {
		ProcessInstance instance = start(startForm(title, government ? "GOVERNMENT" : "DEPARTMENT"));
		draft(instance);
		publishForComment(instance, "2026-03-02");
		closeComments(instance);
		legalityReview(instance, "LAWFUL");
		approve(instance, government);
		register(instance, government);
		publish(instance, government, "2026-03-02", "2026-04-01");
		return instance;
	}

	/** Today on the engine clock, as a form's date. */
	static String today() {
		return ClockUtil.getCurrentTime().toInstant().atZone(ZoneId.of("Asia/Shanghai")).toLocalDate().toString();
	}

	/**
	 * A departmental document of 自然资源和规划局 in force: approved (set up directly at the
	 * registration), registered, published today and filed; its case waits for the
	 * evaluation.
	 */
	ProcessInstance inForce(String title) {
		Map<String, Object> variables = new HashMap<>();
		variables.put("documentTitle", title);
		variables.put("issuerType", "DEPARTMENT");
		variables.put("issuer", "dept-nrp");
		variables.put("issuerName", "示范市自然资源和规划局");
		variables.put("draftingOffice", "dept-nrp");
		variables.put("validityClock", NormativeClocks.VALIDITY);
		variables.put("affectsMarket", false);
		variables.put("contactPerson", "张伟");
		variables.put("contactPhone", "0571-88886666");
		variables.put("documentRouting", new HashMap<>(Map.of("deliberationGroup", "dept-nrp", "registrarGroup",
				"dept-nrp", "governmentFilingGroup", "justice-bureau", "congressFilingRequired", false)));
		ProcessInstance instance = this.runtimeService.createProcessInstanceByKey(NormativeDocumentModel.PROCESS_KEY)
			.businessKey("ND-FIX-" + System.nanoTime())
			.setVariables(variables)
			.startBeforeActivity(REGISTER)
			.execute();
		register(instance, false);
		publish(instance, false, today(), today());
		file(instance, "Government", false);
		return instance;
	}

	void evaluate(ProcessInstance instance, String outcome) {
		complete(instance, NormativeDocumentModel.Elements.EVALUATE_VALIDITY, DRAFTER,
				Map.of("implementationAssessment", "实施情况良好……", "evaluationOutcome", outcome, "evaluationReason", "……"));
	}

	void complete(ProcessInstance instance, String taskKey, String user, Map<String, Object> form) {
		Task task = task(instance, taskKey);
		this.acting.as(user, () -> this.process.submit(task.getId(), form));
	}

	Task task(ProcessInstance instance, String taskKey) {
		return this.steps.task(instance.getId(), taskKey);
	}

	void executeJob(ProcessInstance instance, String activityId) {
		this.steps.executeJob(instance.getId(), activityId);
	}

	void reviewStep(ProcessInstance sub, String user, Map<String, Object> form) {
		Task task = this.taskService.createTaskQuery().processInstanceId(sub.getId()).singleResult();
		this.acting.as(user, () -> this.review.submit(task.getId(), form));
	}

}
