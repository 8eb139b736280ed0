package cn.fazhi.decision;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import cn.fazhi.legalreview.LegalityReviewProcess;
import cn.fazhi.support.ActingUser;
import cn.fazhi.support.CaseSteps;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;

import static cn.fazhi.decision.MajorDecisionModel.Elements.ARCHIVE;
import static cn.fazhi.decision.MajorDecisionModel.Elements.DECIDE_INITIATION;
import static cn.fazhi.decision.MajorDecisionModel.Elements.DRAFT;
import static cn.fazhi.decision.MajorDecisionModel.Elements.PUBLISH_DECISION;
import static cn.fazhi.decision.MajorDecisionModel.Elements.PUBLISH_FOR_COMMENT;
import static cn.fazhi.decision.MajorDecisionModel.Elements.RECORD_MEETING;
import static cn.fazhi.decision.MajorDecisionModel.Elements.SCHEDULE_MEETING;
import static cn.fazhi.decision.MajorDecisionModel.Elements.SUBMIT_FOR_MEETING;
import static cn.fazhi.decision.MajorDecisionModel.Elements.SUMMARIZE_COMMENTS;

/**
 * Drives a major decision through its steps as the directory's demo people, with the
 * values a careful user would enter: 张伟 (自然资源和规划局) carries the case, 赵磊 (市政府办公室负责人)
 * decides for the decision organ, 陈静 (市政府办公室) keeps the agenda, the justice bureau
 * reviews. Each method does one step; tests combine them into the legal paths.
 */
public final class MajorDecisionDriver {

	public static final String LEAD = "zhangwei";

	public static final String HEAD = "zhaolei";

	public static final String SECRETARIAT = "chenjing";

	private final MajorDecisionProcess process;

	private final LegalityReviewProcess review;

	private final RuntimeService runtimeService;

	private final TaskService taskService;

	private final CaseSteps steps;

	private final ActingUser acting;

	public MajorDecisionDriver(MajorDecisionProcess process, LegalityReviewProcess review,
			RuntimeService runtimeService, TaskService taskService, ManagementService managementService,
			ActingUser acting) {
		this.process = process;
		this.review = review;
		this.runtimeService = runtimeService;
		this.taskService = taskService;
		this.steps = new CaseSteps(taskService, managementService);
		this.acting = acting;
	}

	public ProcessInstance start(Map<String, Object> form) {
		return this.acting.as(LEAD, () -> this.process.start(null, form));
	}

	public static Map<String, Object> catalogStart(long entryId) {
		Map<String, Object> form = common();
		form.put("startBasis", "CATALOG");
		form.put("catalogEntryId", entryId);
		return form;
	}

	public static Map<String, Object> adHocStart(String title) {
		Map<String, Object> form = common();
		form.put("startBasis", "AD_HOC");
		form.put("decisionTitle", title);
		form.put("category", "PUBLIC_POLICY");
		form.put("adHocReason", "上级部署的年度重点改革任务，年初编制目录时尚未明确");
		return form;
	}

	private static Map<String, Object> common() {
		Map<String, Object> form = new HashMap<>();
		form.put("proposalSource", "DEPARTMENT");
		form.put("proposal", "拟解决的问题：……；理由和依据：……；初步方案：……；必要性、可行性：……");
		form.put("contactPerson", "张伟");
		form.put("contactPhone", "0571-88886666");
		form.put("affectsEnterprises", false);
		form.put("partyReportRequired", false);
		form.put("postEvaluationRequired", false);
		return form;
	}

	public void initiate(ProcessInstance instance) {
		complete(instance, DECIDE_INITIATION, HEAD, Map.of("initiationDecision", "START", "leadOffice", "dept-nrp",
				"initiationComment", "同意启动，由市自然资源和规划局承办"));
	}

	public void draft(ProcessInstance instance) {
		complete(instance, DRAFT, LEAD, Map.of("draftText", "第一条 为了……，制定本办法。", "draftExplanation", "起草背景和主要内容……",
				"investigationRecord", "赴三个区开展调研……", "legalBasisCited", "《国有土地上房屋征收与补偿条例》"));
	}

	public void publishForComment(ProcessInstance instance, String publishedOn) {
		complete(instance, PUBLISH_FOR_COMMENT, LEAD, Map.of("commentChannels", List.of("WEBSITE", "NEW_MEDIA"),
				"commentPublishedOn", publishedOn, "commentPeriodDays", 30, "commentMethods", "电子邮件、信函"));
	}

	/** The comment window closes: its timer fires. */
	public void closeCommentPeriod(ProcessInstance instance) {
		executeJob(instance, MajorDecisionModel.Elements.COMMENT_PERIOD_ENDS);
	}

	public void summarizeComments(ProcessInstance instance) {
		complete(instance, SUMMARIZE_COMMENTS, LEAD, Map.of("commentsReceived", 12, "commentSummary", "共收到意见12条……",
				"commentAdoption", "采纳8条，未采纳4条的理由……", "draftText", "第一条（征求意见后修改稿）……"));
	}

	/** Through the review by the justice bureau, concluding as given. */
	public void legalityReview(ProcessInstance instance, String conclusion) {
		ProcessInstance sub = this.runtimeService.createProcessInstanceQuery()
			.superProcessInstanceId(instance.getId())
			.singleResult();
		reviewStep(sub, "sunli", Map.of("materialsComplete", "COMPLETE"));
		reviewStep(sub, "wujun", Map.of("reviewer", "zhouqiang"));
		Map<String, Object> opinion = new HashMap<>(Map.of("reviewAction", "CONCLUDE", "legalityConclusion", conclusion,
				"legalityReasons", "UNLAWFUL".equals(conclusion) ? "第八条超越本级政府职权。" : "未超越法定职权，已履行法定程序。", "legalBasis",
				"《重大行政决策程序暂行条例》第27条"));
		if ("LAWFUL_WITH_CHANGES".equals(conclusion)) {
			opinion.put("requiredChanges", "删除第八条第二款。");
		}
		reviewStep(sub, "zhouqiang", opinion);
		reviewStep(sub, "wujun", Map.of("signOffDecision", "APPROVE"));
	}

	public void toMeeting(ProcessInstance instance) {
		complete(instance, SUBMIT_FOR_MEETING, LEAD, Map.of("submissionNote", "提请市政府常务会议审议。"));
		schedule(instance, "2026-04-30");
	}

	public void schedule(ProcessInstance instance, String date) {
		complete(instance, SCHEDULE_MEETING, SECRETARIAT,
				Map.of("meetingType", "EXECUTIVE", "meetingSession", "市政府第12次常务会议", "meetingDate", date));
	}

	public void meeting(ProcessInstance instance, String majority, String decision, String reason) {
		Map<String, Object> form = new HashMap<>(Map.of("attendees", "市长、副市长、秘书长……", "participantOpinions",
				"张副市长：同意；李副市长：同意；王秘书长：建议修改第三条。", "majorityOpinion", majority, "meetingDecision", decision,
				"dissentingOpinions", "王秘书长：第三条补偿标准偏低。", "meetingMinutes", "会议讨论了……，决定……"));
		if (reason != null) {
			form.put("headDecisionReason", reason);
		}
		complete(instance, RECORD_MEETING, SECRETARIAT, form);
	}

	public void publish(ProcessInstance instance) {
		complete(instance, PUBLISH_DECISION, SECRETARIAT, Map.of("publicationChannels", List.of("GAZETTE", "WEBSITE"),
				"publishedOn", "2026-05-08", "documentNumber", "示政发〔2026〕8号"));
	}

	public void archive(ProcessInstance instance) {
		complete(instance, ARCHIVE, LEAD, Map.of("archiveNumber", "WS2026-YJ-0001", "archivedMaterials",
				"决策草案、起草说明、征求意见情况、合法性审查意见、会议纪要……", "archiveComplete", true));
	}

	public void complete(ProcessInstance instance, String taskKey, String user, Map<String, Object> form) {
		Task task = task(instance, taskKey);
		this.acting.as(user, () -> this.process.submit(task.getId(), form));
	}

	public Task task(ProcessInstance instance, String taskKey) {
		return this.steps.task(instance.getId(), taskKey);
	}

	public void executeJob(ProcessInstance instance, String activityId) {
		this.steps.executeJob(instance.getId(), activityId);
	}

	private void reviewStep(ProcessInstance sub, String user, Map<String, Object> form) {
		Task task = this.taskService.createTaskQuery().processInstanceId(sub.getId()).singleResult();
		this.acting.as(user, () -> this.review.submit(task.getId(), form));
	}

}
