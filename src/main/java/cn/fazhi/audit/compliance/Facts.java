package cn.fazhi.audit.compliance;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;

import cn.fazhi.audit.CaseTimeline;
import cn.fazhi.audit.CaseTimeline.ClockEvent;
import cn.fazhi.audit.CaseTimeline.OutcomeField;
import cn.fazhi.audit.CaseTimeline.Step;
import cn.fazhi.audit.CaseTimeline.VariableChange;
import cn.fazhi.audit.compliance.ComplianceReport.Evidence;

/**
 * What the rules read from one case's timeline (not from the cases it called): steps by
 * element, the values forms submitted, variables as they stood at a time, and the
 * evidence entries that point back into the replay.
 */
final class Facts {

	private final CaseTimeline timeline;

	private final ZoneId zone;

	private final List<VariableChange> changes;

	Facts(CaseTimeline timeline, ZoneId zone) {
		this.timeline = timeline;
		this.zone = zone;
		List<VariableChange> all = new ArrayList<>(timeline.variableChanges());
		timeline.steps().forEach((step) -> all.addAll(step.variableChanges()));
		// stable: within one instant, the order the replay lists them in
		all.sort(Comparator.comparing(VariableChange::time, Comparator.nullsFirst(Comparator.naturalOrder())));
		this.changes = List.copyOf(all);
	}

	/** The facts of a case this one called. */
	Facts of(CaseTimeline called) {
		return new Facts(called, this.zone);
	}

	CaseTimeline timeline() {
		return this.timeline;
	}

	boolean ended() {
		return this.timeline.endTime() != null;
	}

	List<Step> steps(String activityId) {
		return this.timeline.steps().stream().filter((step) -> activityId.equals(step.activityId())).toList();
	}

	List<Step> completed(String activityId) {
		return steps(activityId).stream().filter((step) -> "COMPLETED".equals(step.state())).toList();
	}

	/** The last value a variable was given in the case. */
	Optional<VariableChange> latest(String name) {
		VariableChange found = null;
		for (VariableChange change : this.changes) {
			if (name.equals(change.name())) {
				found = change;
			}
		}
		return Optional.ofNullable(found);
	}

	static Optional<OutcomeField> outcome(Step step, String key) {
		return step.outcome().stream().filter((field) -> key.equals(field.key())).findFirst();
	}

	/** A value as text: JSON text nodes without quotes, nothing blank. */
	static Optional<String> text(Object value) {
		String text = (value instanceof JsonNode node) ? (node.isValueNode() ? node.asText() : node.toString())
				: (value == null) ? null : value.toString();
		return (text == null || text.isBlank() || "null".equals(text)) ? Optional.empty() : Optional.of(text.strip());
	}

	static Optional<Long> number(Object value) {
		if (value instanceof Number number) {
			return Optional.of(number.longValue());
		}
		if (value instanceof JsonNode node && node.isNumber()) {
			return Optional.of(node.asLong());
		}
		return text(value).flatMap((text) -> {
			try {
				return Optional.of(Long.parseLong(text));
			}
			catch (NumberFormatException ex) {
				return Optional.empty();
			}
		});
	}

	/** A date from a form's date field (yyyy-MM-dd) or a time variable. */
	Optional<LocalDate> date(Object value) {
		if (value instanceof OffsetDateTime time) {
			return Optional.of(time.atZoneSameInstant(this.zone).toLocalDate());
		}
		return text(value).flatMap((text) -> {
			try {
				return Optional
					.of((text.length() > 10) ? OffsetDateTime.parse(text).atZoneSameInstant(this.zone).toLocalDate()
							: LocalDate.parse(text));
			}
			catch (DateTimeParseException ex) {
				return Optional.empty();
			}
		});
	}

	LocalDate day(OffsetDateTime time) {
		return time.atZoneSameInstant(this.zone).toLocalDate();
	}

	static Evidence step(Step step, String note) {
		return new Evidence("STEP", step.activityInstanceId(), step.activityId(), step.name(),
				(step.endTime() != null) ? step.endTime() : step.startTime(), null, note);
	}

	static Evidence variable(VariableChange change, String note) {
		return new Evidence("VARIABLE", change.id(), null, change.name(), change.time(), change.value(), note);
	}

	static Evidence field(Step step, OutcomeField field, String note) {
		return new Evidence("VARIABLE", step.activityInstanceId(), step.activityId(), field.key(), step.endTime(),
				field.value(), note);
	}

	static Evidence clock(ClockEvent event, String note) {
		return new Evidence("CLOCK", (event.taskId() != null) ? event.taskId() : event.activityInstanceId(), null,
				event.kind(), event.time(), event.dueDate(), note);
	}

}
