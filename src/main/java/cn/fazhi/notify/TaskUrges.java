package cn.fazhi.notify;

import java.time.Instant;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import cn.fazhi.calendar.CaseClock;
import cn.fazhi.directory.Directory;
import cn.fazhi.notify.MailTemplates.Rendered;
import cn.fazhi.system.engine.Privileged;
import cn.fazhi.system.web.ApiException;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * 催办: a supervisor presses for an open task, with a message. Supervisors are the heads of
 * the offices the task is routed to and of the offices supervising those (the same people
 * an overdue task is escalated to), and administrators. The urge is recorded (who, when,
 * message), written as a comment into the task's history under the supervisor's name, and
 * mailed through the outbox to whoever must act, all in one transaction.
 * <p>
 * Runs with the engine authentication of the requesting user (set for every {@code /api}
 * call): a task the user may neither see nor urge is answered like one that does not
 * exist.
 */
@Service
class TaskUrges {

	static final int MAX_MESSAGE = 500;

	private final TaskService taskService;

	private final HistoryService historyService;

	private final IdentityService identityService;

	private final ProcessEngineConfigurationImpl engine;

	private final TaskFacts facts;

	private final TaskRouting routing;

	private final Directory directory;

	private final UrgeRecords records;

	private final MailTemplates templates;

	private final MailOutbox outbox;

	private final CaseClock clock;

	private final ZoneId zone;

	private final TransactionTemplate transaction;

	TaskUrges(TaskService taskService, HistoryService historyService, IdentityService identityService,
			ProcessEngineConfigurationImpl engine, TaskFacts facts, TaskRouting routing, Directory directory,
			UrgeRecords records, MailTemplates templates, MailOutbox outbox, CaseClock clock,
			@Value("${fazhi.calendar.zone:Asia/Shanghai}") ZoneId zone, PlatformTransactionManager transactionManager) {
		this.taskService = taskService;
		this.historyService = historyService;
		this.identityService = identityService;
		this.engine = engine;
		this.facts = facts;
		this.routing = routing;
		this.directory = directory;
		this.records = records;
		this.templates = templates;
		this.outbox = outbox;
		this.clock = clock;
		this.zone = zone;
		this.transaction = new TransactionTemplate(transactionManager);
	}

	Urge urge(String userId, String taskId, String message) {
		String text = requireMessage(message);
		Task task = this.facts.openTask(taskId);
		if (task == null) {
			throw notFound(taskId);
		}
		TaskNotice notice = this.facts.describe(task);
		if (!isSupervisor(userId, notice)) {
			if (isVisible(taskId)) {
				throw new ApiException(HttpStatus.FORBIDDEN, null, "只有任务承办单位及其督办单位的负责人可以催办该任务");
			}
			throw notFound(taskId);
		}
		Instant now = ClockUtil.getCurrentTime().toInstant();
		Urge urge = new Urge(taskId, notice.step(), notice.caseNumber(), userId, this.directory.displayName(userId),
				now.atZone(this.zone).toOffsetDateTime(), text);
		List<String> recipients = this.routing.emails(notice.handlers());
		this.transaction.executeWithoutResult((status) -> {
			this.records.passGate(taskId, now);
			this.records.add(urge, notice.processInstanceId(), recipients);
			comment(notice, "催办（" + urge.urgedByName() + "）：" + text);
			if (!recipients.isEmpty()) {
				Map<String, String> values = new LinkedHashMap<>(notice.placeholders(dueText(notice)));
				values.put("urgedBy", urge.urgedByName());
				values.put("urgedAt", this.records.text(now));
				values.put("message", text);
				Rendered mail = this.templates.render(MailTemplates.Template.URGE, values);
				this.outbox.enqueue("urge:" + taskId + ":" + now.toEpochMilli(), recipients, mail.subject(),
						mail.body());
			}
		});
		return urge;
	}

	/** The urges of a task, for whoever may see the task or urge it. */
	List<Urge> list(String userId, String taskId) {
		authentication(userId);
		Task task = this.facts.openTask(taskId);
		boolean allowed = isVisible(taskId) || (task != null && isSupervisor(userId, this.facts.describe(task)));
		if (!allowed) {
			throw notFound(taskId);
		}
		return this.records.list(taskId);
	}

	private boolean isSupervisor(String userId, TaskNotice notice) {
		List<String> groups = authentication(userId).getGroupIds();
		return (groups != null && groups.contains(Groups.CAMUNDA_ADMIN))
				|| this.routing.escalation(notice.offices()).heads().contains(userId);
	}

	/** Whether the user's own permissions show the task, open or done. */
	private boolean isVisible(String taskId) {
		return this.taskService.createTaskQuery().taskId(taskId).count() > 0
				|| this.historyService.createHistoricTaskInstanceQuery().taskId(taskId).count() > 0;
	}

	/**
	 * The comment carries the supervisor as its author; the supervisor need not have any
	 * permission on the task, so it is written without the authorization check.
	 */
	private void comment(TaskNotice notice, String text) {
		this.engine.getCommandExecutorTxRequired()
			.execute((context) -> Privileged.call(this.identityService,
					() -> this.taskService.createComment(notice.taskId(), notice.processInstanceId(), text)));
	}

	private String dueText(TaskNotice notice) {
		return (notice.due() == null) ? "未设定" : CaseClock.text(this.clock.toLocalDate(notice.due()));
	}

	private Authentication authentication(String userId) {
		Authentication authentication = this.identityService.getCurrentAuthentication();
		if (authentication == null || userId == null || !userId.equals(authentication.getUserId())) {
			throw new IllegalStateException("the engine authentication of " + userId
					+ " is not set; urging must be reached through the secured /api chain");
		}
		return authentication;
	}

	private static String requireMessage(String message) {
		String text = (message == null) ? "" : message.strip();
		if (text.isEmpty()) {
			throw ApiException.badRequest("message", "请填写催办意见");
		}
		if (text.length() > MAX_MESSAGE) {
			throw ApiException.badRequest("message", "催办意见不能超过" + MAX_MESSAGE + "个字，当前为" + text.length() + "个字");
		}
		return text;
	}

	private static ApiException notFound(String taskId) {
		return new ApiException(HttpStatus.NOT_FOUND, "taskId", "任务“" + taskId + "”不存在或已办结，或您无权查看该任务");
	}

}
