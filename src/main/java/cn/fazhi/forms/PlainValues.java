package cn.fazhi.forms;

import java.util.HashMap;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.camunda.spin.json.SpinJsonNode;

/**
 * Process variables as plain Java values (String, Number, Boolean, List, Map), whatever
 * type the client used: Camunda Tasklist submits checklists as {@code Json}, which the
 * engine holds as a Spin node.
 */
final class PlainValues {

	private static final ObjectMapper JSON = new ObjectMapper();

	private PlainValues() {
	}

	static Map<String, Object> of(Map<String, Object> variables) {
		Map<String, Object> plain = new HashMap<>();
		variables.forEach((name, value) -> plain.put(name, plain(value)));
		return plain;
	}

	static Object plain(Object value) {
		if (value instanceof SpinJsonNode node) {
			try {
				return JSON.readValue(node.toString(), Object.class);
			}
			catch (JsonProcessingException ex) {
				return node.toString();
			}
		}
		return value;
	}

}
