package cn.fazhi.clock;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.List;

import cn.fazhi.calendar.CaseClock;
import cn.fazhi.calendar.DueDate;
import cn.fazhi.calendar.PeriodUnit;
import cn.fazhi.calendar.WorkCalendarExpressions;
import cn.fazhi.calendar.WorkingDayCalendar;
import cn.fazhi.system.engine.Privileged;
import cn.fazhi.system.web.ApiException;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Bean {@code legalClocks}: the statutory periods of a case as clocks that start, pause
 * (中止/补正 …), resume, are extended (延长, within the legal cap), and close as met or overdue
 * — with every event recorded for auditors. Periods come from {@code deadline-rules}
 * ({@link DeadlineRules}); no period is a literal in BPMN.
 * <p>
 * BPMN uses it in expressions: a user task is due by a clock with
 * {@code camunda:dueDate="${legalClocks.dueDate(execution, 'LR_LIMIT')}"}, a timer fires
 * when a period has passed with {@code timeDate="${legalClocks.timerDate(execution,
 * 'MD_COMMENT_PERIOD')}"}. Either call starts the clock from today if the case has none
 * running under that code, and remembers the element, so that pausing, resuming,
 * extending or a new holiday notice moves its due date or timer too.
 */
@Component("legalClocks")
public class LegalClocks {

	static final String TASK = "TASK";

	static final String TIMER = "TIMER";

	static final String VARIABLE = "VARIABLE";

	private final DeadlineRules rules;

	private final ClockRepository repository;

	private final WorkingDayCalendar calendar;

	private final WorkCalendarExpressions dates;

	private final TaskService taskService;

	private final ManagementService managementService;

	private final RuntimeService runtimeService;

	private final IdentityService identityService;

	LegalClocks(DeadlineRules rules, ClockRepository repository, WorkingDayCalendar calendar,
			WorkCalendarExpressions dates, TaskService taskService, ManagementService managementService,
			RuntimeService runtimeService, IdentityService identityService) {
		this.rules = rules;
		this.repository = repository;
		this.calendar = calendar;
		this.dates = dates;
		this.taskService = taskService;
		this.managementService = managementService;
		this.runtimeService = runtimeService;
		this.identityService = identityService;
	}

	/** The rule of a period for this case (its matter type, if it has one). */
	public DeadlineRule rule(DelegateExecution execution, String code) {
		return this.rules.rule(code, variant(execution));
	}

	/**
	 * Starts the period from {@code startDay} (not counted) with the rule's length,
	 * unless the case already has it running.
	 */
	public LegalClock start(DelegateExecution execution, String code, LocalDate startDay) {
		return start(execution, code, startDay, null);
	}

	/**
	 * As {@link #start(DelegateExecution, String, LocalDate)}, with a length chosen for
	 * this case (e.g. a comment period longer than the minimum, or a deadline the
	 * submitter asked for). Callers check the choice against the rule.
	 */
	public LegalClock start(DelegateExecution execution, String code, LocalDate startDay, Integer length) {
		var open = this.repository.open(execution.getProcessInstanceId(), code);
		if (open.isPresent()) {
			return open.get();
		}
		DeadlineRule rule = rule(execution, code);
		int periodLength = (length == null) ? rule.length() : length;
		DueDate due = this.calendar.add(startDay, periodLength, rule.unit());
		ExecutionEntity entity = (ExecutionEntity) execution;
		LegalClock clock = new LegalClock(0, execution.getProcessInstanceId(), entity.getRootProcessInstanceId(),
				execution.getProcessBusinessKey(), code, rule.variant(), rule.name(), rule.article(), rule.kind(),
				rule.unit(), periodLength, startDay, due.due(), LegalClock.RUNNING, null, 0, 0, 0, rule.maxExtension(),
				rule.pausable(), due.provisional(), ClockUtil.getCurrentTime().toInstant(), null);
		long id = this.repository.insert(clock);
		this.repository.event(id, "START", now(), actor(), rule.startEvent() + "；" + rule.lengthText(), null, due.due(),
				periodLength);
		return this.repository.find(id).orElseThrow();
	}

	/**
	 * For {@code camunda:dueDate}: the end of the clock's due day; starts the clock from
	 * today if none runs, and ties the current element to it.
	 */
	public Date dueDate(DelegateExecution execution, String code) {
		LegalClock clock = start(execution, code, today());
		this.repository.bind(clock.id(), execution.getProcessInstanceId(), execution.getCurrentActivityId(), TASK);
		return this.dates.endOfDay(clock.due());
	}

	/**
	 * For a timer's {@code timeDate}: the start of the day after the period's last day.
	 */
	public Date timerDate(DelegateExecution execution, String code) {
		LegalClock clock = start(execution, code, today());
		this.repository.bind(clock.id(), execution.getProcessInstanceId(), execution.getCurrentActivityId(), TIMER);
		return this.dates.startOfDay(clock.due().plusDays(1));
	}

	/**
	 * Keeps a process variable (and its {@code …Text} twin shown in forms) equal to the
	 * clock's due date, also after tolling.
	 */
	public void mirror(LegalClock clock, DelegateExecution execution, String variable) {
		this.repository.bind(clock.id(), execution.getProcessInstanceId(), variable, VARIABLE);
		execution.setVariable(variable, this.dates.endOfDay(clock.due()));
		execution.setVariable(variable + "Text", CaseClock.text(clock.due()));
	}

	/** The open clock of a code in this case, if any. */
	public java.util.Optional<LegalClock> open(DelegateExecution execution, String code) {
		return this.repository.open(execution.getProcessInstanceId(), code);
	}

	/** Pauses the clock (time from today until it resumes does not count). */
	@Transactional
	public LegalClock pause(long clockId, String reason, String actor) {
		LegalClock clock = openClock(clockId);
		if (!clock.pausable()) {
			throw ApiException.conflict("“" + clock.name() + "”依法不能中止计算（" + clock.article() + "）");
		}
		if (LegalClock.PAUSED.equals(clock.status())) {
			throw ApiException.conflict("“" + clock.name() + "”已于 " + CaseClock.text(clock.pausedSince()) + " 中止计算");
		}
		this.repository.pause(clockId, today());
		this.repository.event(clockId, "PAUSE", now(), actor, reason, clock.due(), null, null);
		return this.repository.find(clockId).orElseThrow();
	}

	/**
	 * Resumes a paused clock: the days it stood still (in its own unit) move its due day,
	 * every task due date and timer tied to it, and the mirrored variables.
	 */
	@Transactional
	public LegalClock resume(long clockId, String reason, String actor) {
		LegalClock clock = openClock(clockId);
		if (!LegalClock.PAUSED.equals(clock.status())) {
			throw ApiException.conflict("“" + clock.name() + "”没有中止，无需恢复");
		}
		LocalDate today = today();
		int stood = (clock.unit() == PeriodUnit.WORKING_DAYS)
				? this.calendar.workingDaysBetween(clock.pausedSince(), today)
				: (int) ChronoUnit.DAYS.between(clock.pausedSince(), today);
		DueDate due = this.calendar.add(clock.start(),
				clock.length() + clock.extensionDays() + clock.pausedDays() + stood, clock.unit());
		this.repository.resume(clockId, stood, due.due(), due.provisional());
		this.repository.event(clockId, "RESUME", now(), actor, reason, clock.due(), due.due(), stood);
		shift(clock, due.due());
		return this.repository.find(clockId).orElseThrow();
	}

	/** Extends the clock by {@code days} of its unit, never beyond the legal cap. */
	@Transactional
	public LegalClock extend(long clockId, int days, String reason, String actor) {
		LegalClock clock = openClock(clockId);
		if (days <= 0) {
			throw ApiException.badRequest("days", "延长的天数应为正整数");
		}
		if (clock.extensionDays() + days > clock.maxExtension()) {
			throw ApiException.conflict("“" + clock.name() + "”最多可延长 " + clock.maxExtension()
					+ ((clock.unit() == PeriodUnit.WORKING_DAYS) ? "个工作日" : "日") + "，已延长 " + clock.extensionDays() + "（"
					+ clock.article() + "）");
		}
		DueDate due = this.calendar.add(clock.start(),
				clock.length() + clock.extensionDays() + days + clock.pausedDays(), clock.unit());
		this.repository.extend(clockId, days, due.due(), due.provisional());
		this.repository.event(clockId, "EXTEND", now(), actor, reason, clock.due(), due.due(), days);
		shift(clock, due.due());
		return this.repository.find(clockId).orElseThrow();
	}

	/** Closes the open clock of a code in a process instance: met, or overdue if late. */
	public void close(String processInstanceId, String code) {
		this.repository.open(processInstanceId, code).ifPresent(this::close);
	}

	/** Closes every open clock of a process instance (it ended). */
	public void closeAll(String processInstanceId) {
		this.repository.openOfInstance(processInstanceId).forEach(this::close);
	}

	/** Every clock of the case the instance belongs to, sub-cases included. */
	public List<LegalClock> ofCase(String rootProcessInstanceId) {
		return this.repository.ofRoot(rootProcessInstanceId);
	}

	public List<ClockEvent> events(long clockId) {
		return this.repository.events(clockId);
	}

	public java.util.Optional<LegalClock> find(long clockId) {
		return this.repository.find(clockId);
	}

	/**
	 * A new holiday notice: open clocks computed provisionally are computed again; a
	 * moved due day moves its tasks and timers and is recorded.
	 */
	@Transactional(propagation = Propagation.REQUIRES_NEW)
	public int recomputeProvisional(int year, String notice) {
		int moved = 0;
		for (LegalClock clock : this.repository.openProvisional()) {
			DueDate due = this.calendar.add(clock.start(), clock.length() + clock.extensionDays() + clock.pausedDays(),
					clock.unit());
			this.repository.updateDue(clock.id(), due.due(), due.provisional());
			if (!due.due().equals(clock.due())) {
				this.repository.event(clock.id(), "RECOMPUTE", now(), null, year + "年节假日安排公布（" + notice + "），期限重新计算",
						clock.due(), due.due(), null);
				shift(clock, due.due());
				moved++;
			}
		}
		return moved;
	}

	LocalDate today() {
		return this.dates.toLocalDate(null);
	}

	private void close(LegalClock clock) {
		String status = ("DEADLINE".equals(clock.kind()) && today().isAfter(clock.due())) ? LegalClock.OVERDUE
				: LegalClock.MET;
		this.repository.close(clock.id(), status, now());
		this.repository.event(clock.id(), status.equals(LegalClock.MET) ? "MET" : "OVERDUE", now(), actor(), null,
				clock.due(), null, null);
	}

	private LegalClock openClock(long clockId) {
		LegalClock clock = this.repository.find(clockId)
			.orElseThrow(() -> ApiException.notFound("没有编号为 " + clockId + " 的期限"));
		if (!clock.isOpen()) {
			throw ApiException.conflict("“" + clock.name() + "”已结束（" + clock.status() + "），不能再变更");
		}
		return clock;
	}

	/** Moves what follows the clock to its new due day. */
	private void shift(LegalClock clock, LocalDate due) {
		Privileged.run(this.identityService, () -> {
			for (ClockRepository.Binding binding : this.repository.bindings(clock.id())) {
				switch (binding.kind()) {
					case TASK -> {
						for (Task task : this.taskService.createTaskQuery()
							.processInstanceId(binding.processInstanceId())
							.taskDefinitionKey(binding.activityId())
							.list()) {
							task.setDueDate(this.dates.endOfDay(due));
							this.taskService.saveTask(task);
						}
					}
					case TIMER -> {
						for (Job job : this.managementService.createJobQuery()
							.processInstanceId(binding.processInstanceId())
							.activityId(binding.activityId())
							.list()) {
							this.managementService.setJobDuedate(job.getId(), this.dates.startOfDay(due.plusDays(1)));
						}
					}
					default -> {
						if (this.runtimeService.createProcessInstanceQuery()
							.processInstanceId(binding.processInstanceId())
							.count() > 0) {
							this.runtimeService.setVariable(binding.processInstanceId(), binding.activityId(),
									this.dates.endOfDay(due));
							this.runtimeService.setVariable(binding.processInstanceId(), binding.activityId() + "Text",
									CaseClock.text(due));
						}
					}
				}
			}
		});
	}

	private String actor() {
		var authentication = this.identityService.getCurrentAuthentication();
		if (authentication != null) {
			return authentication.getUserId();
		}
		var context = org.camunda.bpm.engine.impl.context.Context.getCommandContext();
		return (context == null || context.getAuthentication() == null) ? null
				: context.getAuthentication().getUserId();
	}

	private static java.time.Instant now() {
		return ClockUtil.getCurrentTime().toInstant();
	}

	/**
	 * The row variant of a case: {@code clockVariant} where a procedure has several
	 * tracks (e.g. SIMPLE or ORDINARY reconsideration), else the matter type, else none.
	 */
	private static String variant(DelegateExecution execution) {
		if (execution.getVariable("clockVariant") instanceof String variant) {
			return variant;
		}
		return (execution.getVariable("matterType") instanceof String type) ? type : "";
	}

}
