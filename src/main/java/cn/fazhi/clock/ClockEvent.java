package cn.fazhi.clock;

import java.time.Instant;
import java.time.LocalDate;

/**
 * One entry of a clock's history (table {@code fz_clock_event}): {@code START},
 * {@code PAUSE}, {@code RESUME}, {@code EXTEND}, {@code RECOMPUTE}, {@code MET},
 * {@code OVERDUE}, with who, why and how the due day moved.
 */
public record ClockEvent(String type, Instant at, String actor, String reason, LocalDate oldDue, LocalDate newDue,
		Integer days) {

}
