package cn.fazhi.audit;

import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Set;

import cn.fazhi.audit.CaseTimeline.ClockEvent;

import org.camunda.bpm.engine.EntityTypes;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.history.HistoricVariableUpdate;
import org.camunda.bpm.engine.history.UserOperationLogEntry;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Clock events that Camunda's history itself records: the due date each task was created
 * with, every later change of it (user operation log, property {@code dueDate}, with who
 * changed it), the timers of the model that fired, and the variables {@code overdue} /
 * {@code overdueSince} when a procedure records an overdue state.
 */
@Component
@Order(0)
class CamundaClockEvents implements ClockEventSource {

	static final String SOURCE = "camunda";

	private static final Set<String> TIMER_TYPES = Set.of("intermediateTimer", "boundaryTimer", "startTimerEvent");

	private static final Set<String> OVERDUE_VARIABLES = Set.of("overdue", "overdueSince");

	@Override
	public List<ClockEvent> events(CaseHistory history) {
		List<ClockEvent> events = new ArrayList<>();
		for (HistoricTaskInstance task : history.tasks()) {
			taskEvents(history, task, events);
		}
		for (HistoricActivityInstance activity : history.activities()) {
			if (TIMER_TYPES.contains(activity.getActivityType()) && activity.getEndTime() != null
					&& !activity.isCanceled()) {
				events.add(new ClockEvent("TIMER_FIRED", SOURCE, history.time(activity.getEndTime()), null,
						activity.getId(), null, null, null, "定时器触发：" + activity.getActivityName()));
			}
		}
		for (HistoricVariableUpdate update : history.variableUpdates()) {
			if (OVERDUE_VARIABLES.contains(update.getVariableName()) && update.getValue() != null
					&& !Boolean.FALSE.equals(update.getValue())) {
				events.add(new ClockEvent("OVERDUE_RECORDED", SOURCE, history.time(update.getTime()),
						update.getTaskId(), update.getActivityInstanceId(), null, null, null,
						"记录超期：" + update.getVariableName() + " = " + update.getValue()));
			}
		}
		return events;
	}

	private static void taskEvents(CaseHistory history, HistoricTaskInstance task, List<ClockEvent> events) {
		List<UserOperationLogEntry> changes = history.operations()
			.stream()
			.filter((entry) -> EntityTypes.TASK.equals(entry.getEntityType()) && task.getId().equals(entry.getTaskId())
					&& "dueDate".equals(entry.getProperty()))
			.toList();
		Date initial = changes.isEmpty() ? task.getDueDate() : millis(changes.get(0).getOrgValue());
		if (initial != null) {
			events.add(new ClockEvent("TASK_DUE", SOURCE, history.time(task.getStartTime()), task.getId(),
					task.getActivityInstanceId(), history.time(initial), null, null,
					"任务“" + task.getName() + "”创建，办理期限已设定"));
		}
		for (UserOperationLogEntry change : changes) {
			events.add(new ClockEvent("DUE_DATE_CHANGED", SOURCE, history.time(change.getTimestamp()), task.getId(),
					task.getActivityInstanceId(), history.time(millis(change.getNewValue())),
					history.time(millis(change.getOrgValue())), history.person(change.getUserId()),
					"任务“" + task.getName() + "”的办理期限被修改"));
		}
	}

	/** The operation log writes dates as milliseconds since the epoch. */
	private static Date millis(String value) {
		if (value == null || value.isBlank() || "null".equals(value)) {
			return null;
		}
		try {
			return new Date(Long.parseLong(value.strip()));
		}
		catch (NumberFormatException ex) {
			return null;
		}
	}

}
