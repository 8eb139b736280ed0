package cn.fazhi.reconsideration;

import java.util.HashMap;
import java.util.Map;

import cn.fazhi.support.ActingUser;
import cn.fazhi.support.CaseSteps;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;

import static cn.fazhi.reconsideration.ReconsiderationModel.Elements.ACCEPTANCE_REVIEW;
import static cn.fazhi.reconsideration.ReconsiderationModel.Elements.APPROVE_DECISION;
import static cn.fazhi.reconsideration.ReconsiderationModel.Elements.CHOOSE_PROCEDURE;
import static cn.fazhi.reconsideration.ReconsiderationModel.Elements.HANDLE_CASE;
import static cn.fazhi.reconsideration.ReconsiderationModel.Elements.HEAR_OPINIONS;
import static cn.fazhi.reconsideration.ReconsiderationModel.Elements.RESPONDENT_REPLY;
import static cn.fazhi.reconsideration.ReconsiderationModel.Elements.SEND_COPY;
import static cn.fazhi.reconsideration.ReconsiderationModel.Elements.SERVE_DECISION;
import static cn.fazhi.reconsideration.ReconsiderationModel.Elements.SUPERVISE_PERFORMANCE;

/**
 * Runs reconsideration cases as the directory's demo people: 罗平 (行政复议办公室, handler)
 * registers and handles, 唐杰 (its head) approves procedure, extension and withdrawal, 赵磊
 * approves decisions for the government, 张伟 replies for the respondent (自然资源和规划局).
 */
public final class ReconsiderationDriver {

	public static final String STAFF = "luoping";

	public static final String HEAD = "tangjie";

	public static final String ORGAN = "zhaolei";

	public static final String RESPONDENT = "zhangwei";

	private final ReconsiderationProcess process;

	private final CaseSteps steps;

	private final ActingUser acting;

	public ReconsiderationDriver(ReconsiderationProcess process, TaskService taskService,
			ManagementService managementService, ActingUser acting) {
		this.process = process;
		this.steps = new CaseSteps(taskService, managementService);
		this.acting = acting;
	}

	public static Map<String, Object> application(String knowledgeDate) {
		Map<String, Object> form = new HashMap<>();
		form.put("applicationChannel", "WRITTEN");
		form.put("applicantType", "PERSON");
		form.put("applicantName", "陈某");
		form.put("applicantIdNumber", "330100198001011234");
		form.put("applicantAddress", "示范市某区某路1号");
		form.put("applicantPhone", "13800000000");
		form.put("respondent", "dept-nrp");
		form.put("contestedAct", "示自然资罚〔2025〕15号行政处罚决定");
		form.put("actDate", knowledgeDate);
		form.put("knowledgeDate", knowledgeDate);
		form.put("informedOfRights", true);
		form.put("realProperty", false);
		form.put("requests", "撤销该行政处罚决定");
		form.put("reasons", "事实不清、证据不足……");
		form.put("incidentalReviewRequested", false);
		form.put("compensationClaimed", false);
		return form;
	}

	public ProcessInstance register(Map<String, Object> application) {
		return this.acting.as(STAFF, () -> this.process.register(null, application));
	}

	public void accept(ProcessInstance instance) {
		complete(instance, ACCEPTANCE_REVIEW, STAFF, Map.of("acceptanceDecision", "ACCEPTED"));
	}

	public void procedure(ProcessInstance instance, String procedure, Map<String, Object> more) {
		Map<String, Object> form = new HashMap<>(
				Map.of("procedure", procedure, "handler", STAFF, "coHandler", HEAD, "majorCase", false));
		form.putAll(more);
		complete(instance, CHOOSE_PROCEDURE, HEAD, form);
	}

	public void copyAndReply(ProcessInstance instance, String sentOn) {
		complete(instance, SEND_COPY, STAFF, Map.of("copySentOn", sentOn, "copyMethod", "DIRECT"));
		complete(instance, RESPONDENT_REPLY, RESPONDENT,
				Map.of("replyText", "原行政行为事实清楚……", "replyEvidence", "现场检查笔录等", "replyLegalBasis", "《土地管理法》第七十七条"));
	}

	public void handle(ProcessInstance instance, Map<String, Object> form) {
		complete(instance, HANDLE_CASE, STAFF, form);
	}

	public void hearOpinions(ProcessInstance instance, String on) {
		handle(instance, Map.of("handlingAction", "HEAR_OPINIONS"));
		complete(instance, HEAR_OPINIONS, STAFF, Map.of("opinionsHeardOn", on, "opinionMethod", "IN_PERSON",
				"opinionsRecord", "申请人陈述……；被申请人答辩……", "mediationWillingness", false));
	}

	public void propose(ProcessInstance instance, String decisionType) {
		handle(instance, Map.of("handlingAction", "PROPOSE_DECISION", "decisionType", decisionType, "decisionReasons",
				"经审理查明……"));
	}

	public void decideAndClose(ProcessInstance instance, String servedOn) {
		complete(instance, APPROVE_DECISION, ORGAN,
				Map.of("approvalMode", "HEAD", "decisionApproval", "APPROVE", "approvalNote", "同意"));
		complete(instance, SERVE_DECISION, STAFF, Map.of("decisionNumber", "示府复决〔2025〕1号", "serviceMethod", "DIRECT",
				"servedOn", servedOn, "publishedOnline", true, "copiedUpward", true, "opinionLetterIssued", false));
		complete(instance, SUPERVISE_PERFORMANCE, STAFF,
				Map.of("performanceStatus", "NOT_REQUIRED", "performanceNote", "维持决定，无需履行", "lawsuitFiled", false));
	}

	public void complete(ProcessInstance instance, String taskKey, String user, Map<String, Object> form) {
		Task task = task(instance, taskKey);
		this.acting.as(user, () -> this.process.submit(task.getId(), form));
	}

	public Task task(ProcessInstance instance, String taskKey) {
		return this.steps.task(instance.getId(), taskKey);
	}

	public void fire(ProcessInstance instance, String activityId) {
		this.steps.executeJob(instance.getId(), activityId);
	}

	public Job job(ProcessInstance instance, String activityId) {
		return this.steps.job(instance.getId(), activityId);
	}

}
