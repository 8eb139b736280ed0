package cn.fazhi.forms;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The parts of a Camunda Form (form-js JSON) that matter on the server: its id and its
 * input fields with their validation. Groups are flattened; static components (text,
 * spacer, ...) carry no data and are left out.
 *
 * @param variableNames every variable validating a submission of this form can read: the
 * fields, the variables holding dynamic options, and every name a hide condition mentions
 */
record FormSchema(String id, List<FormField> fields, Set<String> variableNames) {

	private static final ObjectMapper JSON = new ObjectMapper();

	/**
	 * Words of a FEEL expression that can name a variable: more than needed (function
	 * names, {@code and}, properties after a dot) is harmless, they are only looked up.
	 * Fazhi's variable codes are ASCII identifiers (README), never FEEL names with
	 * spaces.
	 */
	private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

	static FormSchema parse(InputStream json) throws IOException {
		JsonNode root = JSON.readTree(json);
		List<FormField> fields = new ArrayList<>();
		collect(root.path("components"), fields);
		return new FormSchema(root.path("id").asText(null), List.copyOf(fields), variableNames(fields));
	}

	private static Set<String> variableNames(List<FormField> fields) {
		Set<String> names = new LinkedHashSet<>();
		for (FormField field : fields) {
			names.add(field.key());
			if (field.optionsKey() != null) {
				names.add(field.optionsKey());
			}
			if (field.hideCondition() != null) {
				Matcher words = NAME.matcher(stripStrings(field.hideCondition()));
				while (words.find()) {
					names.add(words.group());
				}
			}
		}
		return Set.copyOf(names);
	}

	/** FEEL string literals ({@code "APPROVED"}) name no variable. */
	private static String stripStrings(String expression) {
		return expression.replaceAll("\"(?:[^\"\\\\]|\\\\.)*\"", "\"\"");
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
