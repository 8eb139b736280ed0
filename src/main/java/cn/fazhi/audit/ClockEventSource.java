package cn.fazhi.audit;

import java.util.List;

import cn.fazhi.audit.CaseTimeline.ClockEvent;

/**
 * A source of clock events for the replay. Camunda's history is one
 * ({@link CamundaClockEvents}: due dates, due-date changes, timers, recorded overdue
 * states); the statutory clock tables ({@code fz_legal_clock}, {@code fz_clock_event},
 * issue 4) will be another: a Spring bean implementing this interface is picked up by
 * {@link CaseReplay} without further changes. Events are merged by time.
 */
public interface ClockEventSource {

	/**
	 * The clock events of one process instance (not of the cases it called: they are
	 * asked for separately). An event tied to a task should carry the task id or the
	 * activity instance id, so that the replay shows it on its step.
	 */
	List<ClockEvent> events(CaseHistory history);

}
