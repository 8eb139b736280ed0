package cn.fazhi.forms;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The parts of a Camunda Form (form-js JSON) that matter on the server: its id and its
 * input fields with their validation. Groups are flattened; static components (text,
 * spacer, ...) carry no data and are left out.
 */
record FormSchema(String id, List<FormField> fields) {

	private static final ObjectMapper JSON = new ObjectMapper();

	static FormSchema parse(InputStream json) throws IOException {
		JsonNode root = JSON.readTree(json);
		List<FormField> fields = new ArrayList<>();
		collect(root.path("components"), fields);
		return new FormSchema(root.path("id").asText(null), List.copyOf(fields));
	}

	Optional<FormField> field(String key) {
		return this.fields.stream().filter((field) -> field.key().equals(key)).findFirst();
	}

	private static void collect(JsonNode components, List<FormField> fields) {
		for (JsonNode component : components) {
			String type = component.path("type").asText();
			if (component.has("components")) {
				collect(component.path("components"), fields);
			}
			if (!FormField.INPUT_TYPES.contains(type) || !component.hasNonNull("key")) {
				continue;
			}
			JsonNode validate = component.path("validate");
			List<String> options = new ArrayList<>();
			component.path("values").forEach((value) -> options.add(value.path("value").asText()));
			String hide = component.path("conditional").path("hide").asText(null);
			if (hide != null && hide.startsWith("=")) {
				hide = hide.substring(1);
			}
			String label = component.path("label").asText(component.path("dateLabel").asText(null));
			fields.add(new FormField(component.path("key").asText(), type, label,
					validate.path("required").asBoolean(false), integer(validate, "minLength"),
					integer(validate, "maxLength"), validate.path("pattern").asText(null), decimal(validate, "min"),
					decimal(validate, "max"), validate.path("validationType").asText(null), hide, List.copyOf(options),
					component.path("valuesKey").asText(null), component.path("subtype").asText(null),
					component.path("readonly").asBoolean(false) || component.path("disabled").asBoolean(false)));
		}
	}

	private static Integer integer(JsonNode node, String name) {
		return node.hasNonNull(name) ? node.get(name).asInt() : null;
	}

	private static BigDecimal decimal(JsonNode node, String name) {
		return node.hasNonNull(name) ? node.get(name).decimalValue() : null;
	}

}
