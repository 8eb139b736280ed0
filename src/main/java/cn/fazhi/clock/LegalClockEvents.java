package cn.fazhi.clock;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;

import cn.fazhi.audit.CaseHistory;
import cn.fazhi.audit.CaseTimeline.ClockEvent;
import cn.fazhi.audit.ClockEventSource;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The statutory clocks' own history (start, pause, resume, extension, recomputation, met,
 * overdue) for the auditor's replay of a case (ADR 0012, ADR 0013).
 */
@Component
class LegalClockEvents implements ClockEventSource {

	private final ClockRepository repository;

	private final ZoneId zone;

	LegalClockEvents(ClockRepository repository, @Value("${fazhi.calendar.zone:Asia/Shanghai}") ZoneId zone) {
		this.repository = repository;
		this.zone = zone;
	}

	@Override
	public List<ClockEvent> events(CaseHistory history) {
		List<ClockEvent> events = new ArrayList<>();
		for (LegalClock clock : this.repository.ofInstance(history.processInstanceId())) {
			for (cn.fazhi.clock.ClockEvent event : this.repository.events(clock.id())) {
				String note = clock.name() + "（" + clock.code() + "，" + clock.article() + "）"
						+ ((event.reason() == null) ? "" : "：" + event.reason());
				events.add(new ClockEvent("CLOCK_" + event.type(), "legal-clock", history.time(Date.from(event.at())),
						null, null, endOfDay(event.newDue()), endOfDay(event.oldDue()),
						(event.actor() == null) ? null : history.person(event.actor()), note));
			}
		}
		return events;
	}

	private OffsetDateTime endOfDay(LocalDate day) {
		return (day == null) ? null : day.atTime(23, 59, 59).atZone(this.zone).toOffsetDateTime();
	}

}
