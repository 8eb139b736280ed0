package cn.fazhi.audit;

import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Date;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.camunda.bpm.engine.variable.value.BytesValue;
import org.camunda.bpm.engine.variable.value.FileValue;
import org.camunda.bpm.engine.variable.value.SerializableValue;
import org.camunda.bpm.engine.variable.value.TypedValue;

/**
 * Turns history values into plain JSON values for the replay: dates in the government's
 * zone, JSON variables (checklists, option lists, rule results) as JSON, binary content
 * as its size only. Objects are never deserialised into Java classes: the replay shows
 * what was stored, as it was stored.
 */
final class HistoryValues {

	private static final ObjectMapper JSON = new ObjectMapper();

	private final ZoneId zone;

	HistoryValues(ZoneId zone) {
		this.zone = zone;
	}

	OffsetDateTime time(Date date) {
		return (date == null) ? null : date.toInstant().atZone(this.zone).toOffsetDateTime();
	}

	Object plain(TypedValue typed) {
		if (typed == null) {
			return null;
		}
		if (typed instanceof SerializableValue serializable) {
			// never deserialised: object values are shown as stored
			return serialized(serializable.getValueSerialized());
		}
		if (typed instanceof FileValue file) {
			return Map.of("fileName", String.valueOf(file.getFilename()), "mimeType",
					String.valueOf(file.getMimeType()));
		}
		if (typed instanceof BytesValue bytes) {
			return Map.of("bytes", (bytes.getValue() == null) ? 0 : bytes.getValue().length);
		}
		Object value = typed.getValue();
		if (value instanceof Date date) {
			return time(date);
		}
		return value;
	}

	/** JSON text as JSON; anything else (XML, a legacy format) as the stored text. */
	private static Object serialized(String text) {
		if (text == null) {
			return null;
		}
		try {
			return JSON.readTree(text);
		}
		catch (JsonProcessingException ex) {
			return text;
		}
	}

}
