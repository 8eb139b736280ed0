package cn.fazhi.notify;

import java.time.OffsetDateTime;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import cn.fazhi.legalreview.LegalityReviewProcess;
import cn.fazhi.support.ActingUser;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Cases and clock of the reminder, urge and digest tests: legality reviews submitted by
 * 张伟 (自然资源和规划局), whose intake (材料接收与初审) goes to the justice bureau, supervised by the
 * government office; the engine clock set to a given moment in Beijing time.
 */
final class NotifyFixture {

	private final LegalityReviewProcess review;

	private final RuntimeService runtimeService;

	private final TaskService taskService;

	private final JdbcTemplate jdbc;

	private final ActingUser acting;

	NotifyFixture(LegalityReviewProcess review, RuntimeService runtimeService, TaskService taskService,
			IdentityService identityService, JdbcTemplate jdbc) {
		this.review = review;
		this.runtimeService = runtimeService;
		this.taskService = taskService;
		this.jdbc = jdbc;
		this.acting = new ActingUser(identityService);
	}

	/** No open cases, no reminders, urges or mails left from other tests. */
	void clean() {
		ClockUtil.reset();
		this.runtimeService.createProcessInstanceQuery()
			.rootProcessInstances()
			.list()
			.forEach((instance) -> this.runtimeService.deleteProcessInstance(instance.getId(), "test clean-up", true));
		for (String table : List.of("fz_mail_outbox", "fz_task_reminder", "fz_task_urge", "fz_task_urge_gate")) {
			this.jdbc.update("delete from " + table);
		}
	}

	static void at(String beijingTime) {
		ClockUtil.setCurrentTime(time(beijingTime));
	}

	static Date time(String beijingTime) {
		return Date.from(OffsetDateTime.parse(beijingTime + "+08:00").toInstant());
	}

	static Date endOfDay(String day) {
		return time(day + "T23:59:59");
	}

	/** A legality review of a major decision received now; it waits at intake. */
	ProcessInstance submitReview(String caseNumber, String title) {
		Map<String, Object> form = new HashMap<>();
		form.put("matterTitle", title);
		form.put("matterType", "MAJOR_DECISION");
		form.put("draftSummary", "第一条 为了规范……");
		form.put("legalBasisCited", "《国有土地上房屋征收与补偿条例》");
		form.put("proceduresPerformed", "已公开征求意见30日，已组织专家论证和风险评估。");
		form.put("contactPerson", "张伟");
		form.put("contactPhone", "0571-88886666");
		return this.acting.as("zhangwei", () -> this.review.start(caseNumber, form));
	}

	void complete(ProcessInstance instance, String userId, Map<String, Object> form) {
		Task task = task(instance);
		this.acting.as(userId, () -> this.review.submit(task.getId(), form));
	}

	Task task(ProcessInstance instance) {
		return this.taskService.createTaskQuery().processInstanceId(instance.getId()).singleResult();
	}

	/** The stages the task was reminded of, in the order given. */
	List<String> stages(String taskId) {
		return this.jdbc.queryForList("select stage from fz_task_reminder where task_id = ? order by reminded_at",
				String.class, taskId);
	}

	/** Keys of all mails in the outbox, in the order queued. */
	List<String> mailKeys() {
		return this.jdbc.queryForList("select dedup_key from fz_mail_outbox order by id", String.class);
	}

}
