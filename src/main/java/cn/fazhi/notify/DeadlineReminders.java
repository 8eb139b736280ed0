package cn.fazhi.notify;

import java.time.LocalDate;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import cn.fazhi.calendar.CaseClock;
import cn.fazhi.calendar.PeriodUnit;
import cn.fazhi.calendar.WorkCalendarExpressions;
import cn.fazhi.calendar.WorkingDayCalendar;
import cn.fazhi.notify.MailTemplates.Rendered;
import cn.fazhi.notify.TaskRouting.Escalation;
import cn.fazhi.system.engine.Privileged;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The reminder scan over open tasks with a due date (ADR 0011). On the engine clock:
 * {@link ReminderStage#BEFORE} once the due date is at most
 * {@code fazhi.reminders.lead-working-days} working days away (only on working days, so
 * nobody is reminded during a holiday), {@link ReminderStage#DUE_TODAY} on the day, and
 * {@link ReminderStage#OVERDUE} once it has passed: then the heads of the task's office
 * and of its supervising office are told as well (督办), the case is marked overdue
 * ({@link OverdueCase}) and a comment in the task's history says so.
 * <p>
 * Each task gets each stage at most once ({@code fz_task_reminder}, whose key also keeps
 * two nodes from both reminding). The query reads only tasks that still lack the stage, a
 * page at a time in id order, and each task is handled in a transaction of its own: a
 * task that fails is logged and tried again by the next scan, the others go on.
 */
@Component
class DeadlineReminders {

	private static final Logger log = LoggerFactory.getLogger(DeadlineReminders.class);

	private static final Date EPOCH = new Date(0);

	private final TaskService taskService;

	private final IdentityService identityService;

	private final TaskFacts facts;

	private final TaskRouting routing;

	private final OverdueMarking overdue;

	private final MailTemplates templates;

	private final MailOutbox outbox;

	private final InsertOnce insertOnce;

	private final CaseClock clock;

	private final WorkingDayCalendar calendar;

	private final WorkCalendarExpressions dates;

	private final ReminderSettings settings;

	private final TransactionTemplate transaction;

	private final String sql;

	DeadlineReminders(TaskService taskService, IdentityService identityService, ManagementService managementService,
			TaskFacts facts, TaskRouting routing, OverdueMarking overdue, MailTemplates templates, MailOutbox outbox,
			InsertOnce insertOnce, CaseClock clock, WorkingDayCalendar calendar, WorkCalendarExpressions dates,
			ReminderSettings settings, PlatformTransactionManager transactionManager) {
		this.taskService = taskService;
		this.identityService = identityService;
		this.facts = facts;
		this.routing = routing;
		this.overdue = overdue;
		this.templates = templates;
		this.outbox = outbox;
		this.insertOnce = insertOnce;
		this.clock = clock;
		this.calendar = calendar;
		this.dates = dates;
		this.settings = settings;
		this.transaction = new TransactionTemplate(transactionManager);
		this.sql = "select RES.* from " + managementService.getTableName(Task.class) + " RES"
				+ " where RES.DUE_DATE_ >= #{from} and RES.DUE_DATE_ < #{to} and RES.SUSPENSION_STATE_ = 1"
				+ " and RES.ID_ > #{after} and not exists (select 1 from fz_task_reminder R"
				+ " where R.task_id = RES.ID_ and R.stage = #{stage}) order by RES.ID_";
	}

	/**
	 * Reminds every open task whose stage has come and who was not reminded of it yet.
	 * @return how many reminders were given
	 */
	int scan() {
		Date now = ClockUtil.getCurrentTime();
		LocalDate today = this.clock.toLocalDate(now);
		Date tomorrow = this.dates.startOfDay(today.plusDays(1));
		int reminded = scan(ReminderStage.OVERDUE, EPOCH, now, now);
		reminded += scan(ReminderStage.DUE_TODAY, now, tomorrow, now);
		if (this.calendar.day(today).workingDay()) {
			reminded += scan(ReminderStage.BEFORE, tomorrow, dueSoonEnd(today), now);
		}
		return reminded;
	}

	/**
	 * The start of the first day that is more than the lead period away: tasks due before
	 * it are "即将到期". The same bound as the Tasklist filter (TasklistFilters).
	 */
	Date dueSoonEnd(LocalDate today) {
		return this.dates.periodEnd(today, this.settings.leadWorkingDays(), PeriodUnit.WORKING_DAYS.name());
	}

	private int scan(ReminderStage stage, Date from, Date to, Date now) {
		int reminded = 0;
		String after = "";
		while (true) {
			String last = after;
			List<Task> page = Privileged.call(this.identityService,
					() -> this.taskService.createNativeTaskQuery()
						.sql(this.sql)
						.parameter("from", from)
						.parameter("to", to)
						.parameter("after", last)
						.parameter("stage", stage.name())
						.listPage(0, this.settings.batchSize()));
			for (Task task : page) {
				after = task.getId();
				if (remind(task.getId(), stage, now)) {
					reminded++;
				}
			}
			if (page.size() < this.settings.batchSize()) {
				return reminded;
			}
		}
	}

	private boolean remind(String taskId, ReminderStage stage, Date now) {
		try {
			return Boolean.TRUE.equals(this.transaction.execute((status) -> remindInTransaction(taskId, stage, now)));
		}
		catch (RuntimeException ex) {
			log.warn("Task {} not reminded ({}); the next scan tries again: {}", taskId, stage, ex.toString());
			return false;
		}
	}

	private boolean remindInTransaction(String taskId, ReminderStage stage, Date now) {
		Task task = this.facts.openTask(taskId);
		if (task == null || task.getDueDate() == null) {
			return false;
		}
		TaskNotice notice = this.facts.describe(task);
		Set<String> users = new LinkedHashSet<>(notice.handlers());
		Escalation escalation = null;
		if (stage == ReminderStage.OVERDUE) {
			escalation = this.routing.escalation(notice.offices());
			users.addAll(escalation.heads());
		}
		List<String> recipients = this.routing.emails(users);
		if (!record(notice, stage, now, recipients, escalation)) {
			return false;
		}
		LocalDate dueDay = this.clock.toLocalDate(notice.due());
		Map<String, String> values = new LinkedHashMap<>(notice.placeholders(CaseClock.text(dueDay)));
		values.put("workingDaysLeft",
				String.valueOf(this.clock.workingDaysBetween(this.clock.toLocalDate(now), dueDay)));
		values.put("escalatedTo", (escalation == null) ? "" : escalation.text());
		if (!recipients.isEmpty()) {
			Rendered mail = this.templates.render(stage.template(), values);
			this.outbox.enqueue(stage.mailKey(taskId), recipients, mail.subject(), mail.body());
		}
		else {
			log.info("Task {} ({}): nobody it is routed to has a mail address", taskId, stage);
		}
		if (escalation != null) {
			this.overdue.mark(notice, escalation, CaseClock.text(dueDay));
		}
		return true;
	}

	private boolean record(TaskNotice notice, ReminderStage stage, Date now, List<String> recipients,
			Escalation escalation) {
		Map<String, Object> row = new LinkedHashMap<>();
		row.put("task_id", notice.taskId());
		row.put("stage", stage.name());
		row.put("process_instance_id", notice.processInstanceId());
		row.put("business_key", notice.caseNumber());
		row.put("due_date", OutboxStore.utc(notice.due().toInstant()));
		row.put("reminded_at", OutboxStore.utc(now.toInstant()));
		row.put("recipients", String.join(",", recipients));
		row.put("escalated_to", (escalation == null) ? null : escalation.text());
		return this.insertOnce.insert("fz_task_reminder", row, "task_id", "stage");
	}

}
