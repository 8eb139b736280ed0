package cn.fazhi.forms;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Checks a submission against its Camunda Form the way form-js does in the browser:
 * required fields, lengths, patterns, number ranges, dates, and that a choice is one of
 * the offered options; fields hidden by their condition are skipped. It also refuses
 * variables the form does not contain, so that a task's form cannot be used to rewrite a
 * case's routing or deadlines. Camunda itself does not validate Camunda Forms
 * submissions.
 * <p>
 * Messages are Chinese, one per problem, naming the field by its label.
 */
final class FormSubmissionValidator {

	private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");

	private static final Pattern PHONE = Pattern.compile("^[+]?[0-9 ()-]{3,30}$");

	private final FeelConditions conditions;

	FormSubmissionValidator(FeelConditions conditions) {
		this.conditions = conditions;
	}

	/**
	 * @param variables every variable visible where the form is submitted, after the
	 * submission, as plain Java values
	 * @param submittedKeys the variable names the client sent, or null when unknown (a
	 * call from Java code)
	 * @return the problems, empty when the submission is valid
	 */
	List<String> validate(FormSchema form, Map<String, Object> variables, Set<String> submittedKeys) {
		List<String> problems = new ArrayList<>();
		if (submittedKeys != null) {
			for (String key : new LinkedHashSet<>(submittedKeys)) {
				var field = form.field(key);
				if (field.isEmpty()) {
					problems.add("表单中没有字段“" + key + "”，不能提交该数据");
				}
				else if (field.get().readonly()) {
					problems.add("「" + field.get().displayName() + "」为只读字段，不能修改");
				}
			}
		}
		for (FormField field : form.fields()) {
			if (field.readonly() || this.conditions.isHidden(field.hideCondition(), variables)) {
				continue;
			}
			check(field, variables.get(field.key()), variables, problems);
		}
		return problems;
	}

	private void check(FormField field, Object value, Map<String, Object> variables, List<String> problems) {
		String name = "「" + field.displayName() + "」";
		if (isBlank(value) || ("checkbox".equals(field.type()) && field.required() && !Boolean.TRUE.equals(value))) {
			if (field.required()) {
				problems.add(name + "为必填项");
			}
			return;
		}
		switch (field.type()) {
			case "textfield", "textarea" -> checkText(field, name, value, problems);
			case "number" -> checkNumber(field, name, value, problems);
			case "datetime" -> checkDate(field, name, value, problems);
			case "checkbox" -> {
				if (!(value instanceof Boolean)) {
					problems.add(name + "应为是或否");
				}
			}
			default -> checkOptions(field, name, value, variables, problems);
		}
	}

	private static void checkText(FormField field, String name, Object value, List<String> problems) {
		if (!(value instanceof String text)) {
			problems.add(name + "应为文字");
			return;
		}
		int length = text.codePointCount(0, text.length());
		if (field.minLength() != null && length < field.minLength()) {
			problems.add(name + "至少应有 " + field.minLength() + " 个字");
		}
		if (field.maxLength() != null && length > field.maxLength()) {
			problems.add(name + "不得超过 " + field.maxLength() + " 个字（现为 " + length + " 个字）");
		}
		if (field.pattern() != null && !matches(field.pattern(), text)) {
			problems.add(name + "格式不正确");
		}
		if ("email".equals(field.validationType()) && !EMAIL.matcher(text).matches()) {
			problems.add(name + "应为有效的电子邮箱地址");
		}
		if ("phone".equals(field.validationType()) && !PHONE.matcher(text).matches()) {
			problems.add(name + "应为有效的电话号码");
		}
	}

	private static boolean matches(String pattern, String text) {
		try {
			// form-js tests with RegExp.test: a match anywhere, unless the pattern
			// anchors itself
			return Pattern.compile(pattern).matcher(text).find();
		}
		catch (PatternSyntaxException ex) {
			return true;
		}
	}

	private static void checkNumber(FormField field, String name, Object value, List<String> problems) {
		BigDecimal number;
		try {
			number = (value instanceof Number) ? new BigDecimal(value.toString()) : new BigDecimal((String) value);
		}
		catch (NumberFormatException | ClassCastException ex) {
			problems.add(name + "应为数字");
			return;
		}
		if (field.min() != null && number.compareTo(field.min()) < 0) {
			problems.add(name + "不得小于 " + field.min().toPlainString());
		}
		if (field.max() != null && number.compareTo(field.max()) > 0) {
			problems.add(name + "不得大于 " + field.max().toPlainString());
		}
	}

	private static void checkDate(FormField field, String name, Object value, List<String> problems) {
		if (value instanceof Date) {
			return;
		}
		if (!(value instanceof String text)) {
			problems.add(name + "应为日期");
			return;
		}
		try {
			if ("date".equals(field.subtype())) {
				LocalDate.parse(text);
			}
			else if ("datetime".equals(field.subtype()) || field.subtype() == null) {
				parseDateTime(text);
			}
		}
		catch (DateTimeParseException ex) {
			problems.add(name + "日期格式不正确（应为 yyyy-MM-dd" + ("date".equals(field.subtype()) ? "" : "THH:mm") + "）");
		}
	}

	private static void parseDateTime(String text) {
		try {
			OffsetDateTime.parse(text);
		}
		catch (DateTimeParseException ex) {
			LocalDateTime.parse(text);
		}
	}

	private static void checkOptions(FormField field, String name, Object value, Map<String, Object> variables,
			List<String> problems) {
		List<String> allowed = options(field, variables);
		Collection<?> chosen;
		if (field.multiValued()) {
			if (!(value instanceof Collection<?> values)) {
				problems.add(name + "应为多项选择");
				return;
			}
			chosen = values;
		}
		else {
			chosen = List.of(value);
		}
		for (Object choice : chosen) {
			if (!(choice instanceof String) || !allowed.contains(choice)) {
				problems.add(name + "的取值“" + choice + "”不在可选范围内");
			}
		}
	}

	/**
	 * Static options, or the values of the dynamic options variable ({@code valuesKey}).
	 */
	static List<String> options(FormField field, Map<String, Object> variables) {
		if (field.optionsKey() == null) {
			return field.options();
		}
		List<String> values = new ArrayList<>();
		if (variables.get(field.optionsKey()) instanceof Collection<?> dynamic) {
			for (Object option : dynamic) {
				if (option instanceof Map<?, ?> map && map.get("value") != null) {
					values.add(map.get("value").toString());
				}
				else if (option instanceof String text) {
					values.add(text);
				}
			}
		}
		return values;
	}

	private static boolean isBlank(Object value) {
		return value == null || (value instanceof String text && text.isBlank())
				|| (value instanceof Collection<?> collection && collection.isEmpty());
	}

}
