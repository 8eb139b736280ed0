package cn.fazhi.notify;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import cn.fazhi.calendar.CaseClock;
import cn.fazhi.calendar.WorkCalendarExpressions;
import cn.fazhi.calendar.WorkingDayCalendar;
import cn.fazhi.directory.Directory;
import cn.fazhi.notify.MailTemplates.Rendered;
import cn.fazhi.system.engine.Privileged;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

/**
 * 每日待办: one mail per person and working day listing the open tasks they must act on
 * (assigned to them, or theirs to claim through a candidate group) that are overdue or
 * due by the end of this week's Sunday. Nobody with nothing gets a mail, nobody gets two
 * on one day (outbox key {@code digest:{userId}:{date}}), and none goes out on holidays
 * and weekends off. Long lists are cut after {@link #MAX_ITEMS} entries per section.
 */
@Component
class DailyDigest {

	static final int MAX_ITEMS = 30;

	private final TaskService taskService;

	private final IdentityService identityService;

	private final TaskFacts facts;

	private final TaskRouting routing;

	private final Directory directory;

	private final MailTemplates templates;

	private final MailOutbox outbox;

	private final CaseClock clock;

	private final WorkingDayCalendar calendar;

	private final WorkCalendarExpressions dates;

	private final ReminderSettings settings;

	DailyDigest(TaskService taskService, IdentityService identityService, TaskFacts facts, TaskRouting routing,
			Directory directory, MailTemplates templates, MailOutbox outbox, CaseClock clock,
			WorkingDayCalendar calendar, WorkCalendarExpressions dates, ReminderSettings settings) {
		this.taskService = taskService;
		this.identityService = identityService;
		this.facts = facts;
		this.routing = routing;
		this.directory = directory;
		this.templates = templates;
		this.outbox = outbox;
		this.clock = clock;
		this.calendar = calendar;
		this.dates = dates;
		this.settings = settings;
	}

	/**
	 * Queues today's digests (engine clock).
	 * @return how many were queued
	 */
	int send() {
		Date now = ClockUtil.getCurrentTime();
		LocalDate today = this.clock.toLocalDate(now);
		if (!this.calendar.day(today).workingDay()) {
			return 0;
		}
		LocalDate sunday = today.with(TemporalAdjusters.nextOrSame(DayOfWeek.SUNDAY));
		Map<String, Lists> byUser = collect(now, this.dates.startOfDay(sunday.plusDays(1)));
		int queued = 0;
		for (Map.Entry<String, Lists> entry : byUser.entrySet()) {
			List<String> mail = this.routing.emails(List.of(entry.getKey()));
			if (mail.isEmpty()) {
				continue;
			}
			Lists lists = entry.getValue();
			Map<String, String> values = new LinkedHashMap<>();
			values.put("name", this.directory.displayName(entry.getKey()));
			values.put("date", CaseClock.text(today));
			values.put("weekEnd", CaseClock.text(sunday));
			values.put("overdueCount", String.valueOf(lists.overdue().size()));
			values.put("overdueList", list(lists.overdue()));
			values.put("dueCount", String.valueOf(lists.due().size()));
			values.put("dueList", list(lists.due()));
			values.put("tasklistLink", this.facts.tasklistLink());
			Rendered digest = this.templates.render(MailTemplates.Template.DAILY_DIGEST, values);
			if (this.outbox.enqueue("digest:" + entry.getKey() + ":" + today, mail, digest.subject(), digest.body())) {
				queued++;
			}
		}
		return queued;
	}

	/** Open tasks due before {@code until}, by the user who must act on each. */
	private Map<String, Lists> collect(Date now, Date until) {
		Map<String, Lists> byUser = new TreeMap<>();
		int first = 0;
		while (true) {
			int offset = first;
			List<Task> page = Privileged.call(this.identityService,
					() -> this.taskService.createTaskQuery()
						.active()
						.dueBefore(until)
						.orderByDueDate()
						.asc()
						.orderByTaskId()
						.asc()
						.listPage(offset, this.settings.batchSize()));
			for (Task task : page) {
				TaskNotice notice = this.facts.describe(task);
				for (String user : notice.handlers()) {
					Lists lists = byUser.computeIfAbsent(user, (id) -> new Lists(new ArrayList<>(), new ArrayList<>()));
					(notice.due().before(now) ? lists.overdue() : lists.due()).add(notice);
				}
			}
			if (page.size() < this.settings.batchSize()) {
				return byUser;
			}
			first += page.size();
		}
	}

	private String list(List<TaskNotice> notices) {
		if (notices.isEmpty()) {
			return "无";
		}
		StringBuilder text = new StringBuilder();
		int number = 0;
		for (TaskNotice notice : notices.subList(0, Math.min(notices.size(), MAX_ITEMS))) {
			number++;
			text.append(number)
				.append(". 【")
				.append(notice.caseNumber())
				.append("】")
				.append(notice.procedure())
				.append("·")
				.append(notice.step())
				.append("，期限")
				.append(CaseClock.text(this.clock.toLocalDate(notice.due())))
				.append("，事项：")
				.append(notice.matter())
				.append("\n   ")
				.append(notice.link())
				.append('\n');
		}
		if (notices.size() > MAX_ITEMS) {
			text.append("……另有").append(notices.size() - MAX_ITEMS).append("件，请登录任务列表查看\n");
		}
		return text.toString().stripTrailing();
	}

	private record Lists(List<TaskNotice> overdue, List<TaskNotice> due) {
	}

}
