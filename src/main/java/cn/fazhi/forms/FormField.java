package cn.fazhi.forms;

import java.math.BigDecimal;
import java.util.List;

/**
 * One input field of a Camunda Form, with the validation form-js applies in the browser,
 * which {@link FormSubmissionValidator} applies again on the server.
 *
 * @param key the process variable the field writes
 * @param type the form-js component type (textfield, textarea, number, select, ...)
 * @param label the Chinese label, used in messages
 * @param hideCondition the FEEL expression of {@code conditional.hide} without its
 * leading {@code =}, or null
 * @param options static option values of select, radio, checklist and taglist
 * @param optionsKey the variable holding dynamic options ({@code valuesKey}), or null
 * @param subtype datetime subtype ({@code date}, {@code time}, {@code datetime})
 */
record FormField(String key, String type, String label, boolean required, Integer minLength, Integer maxLength,
		String pattern, BigDecimal min, BigDecimal max, String validationType, String hideCondition,
		List<String> options, String optionsKey, String subtype, boolean readonly) {

	static final List<String> INPUT_TYPES = List.of("textfield", "textarea", "number", "datetime", "select", "radio",
			"checkbox", "checklist", "taglist");

	boolean multiValued() {
		return "checklist".equals(this.type) || "taglist".equals(this.type);
	}

	boolean hasOptions() {
		return "select".equals(this.type) || "radio".equals(this.type) || multiValued();
	}

	String displayName() {
		return (this.label == null || this.label.isBlank()) ? this.key : this.label;
	}

}
