package cn.fazhi.audit;

import java.time.OffsetDateTime;
import java.util.Date;
import java.util.List;

import cn.fazhi.audit.CaseTimeline.Person;

import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.history.HistoricVariableUpdate;
import org.camunda.bpm.engine.history.UserOperationLogEntry;

/**
 * The history of one process instance as read for a replay, handed to every
 * {@link ClockEventSource}: sources that need more read it themselves by
 * {@link #processInstanceId()}.
 */
public final class CaseHistory {

	private final HistoricProcessInstance instance;

	private final List<HistoricActivityInstance> activities;

	private final List<HistoricTaskInstance> tasks;

	private final List<HistoricVariableUpdate> variableUpdates;

	private final List<UserOperationLogEntry> operations;

	private final People people;

	private final HistoryValues values;

	CaseHistory(HistoricProcessInstance instance, List<HistoricActivityInstance> activities,
			List<HistoricTaskInstance> tasks, List<HistoricVariableUpdate> variableUpdates,
			List<UserOperationLogEntry> operations, People people, HistoryValues values) {
		this.instance = instance;
		this.activities = activities;
		this.tasks = tasks;
		this.variableUpdates = variableUpdates;
		this.operations = operations;
		this.people = people;
		this.values = values;
	}

	public String processInstanceId() {
		return this.instance.getId();
	}

	public HistoricProcessInstance instance() {
		return this.instance;
	}

	/** Activity instances, ordered by start. */
	public List<HistoricActivityInstance> activities() {
		return this.activities;
	}

	public List<HistoricTaskInstance> tasks() {
		return this.tasks;
	}

	/** Variable updates (ACT_HI_DETAIL), in the order they happened. */
	public List<HistoricVariableUpdate> variableUpdates() {
		return this.variableUpdates;
	}

	/** The user operation log of the instance, oldest first. */
	public List<UserOperationLogEntry> operations() {
		return this.operations;
	}

	/** A person with name and office, as the replay shows people. */
	public Person person(String userId) {
		return this.people.of(userId);
	}

	/** A time in the government's zone, as the replay shows times. */
	public OffsetDateTime time(Date date) {
		return this.values.time(date);
	}

}
