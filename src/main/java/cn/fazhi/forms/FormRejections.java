package cn.fazhi.forms;

import java.util.List;

import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;

/**
 * The one way Fazhi's delegates and listeners refuse what a user submitted: the exception
 * rolls the command back, so nothing changes, and the problem reaches the client as HTTP
 * 400 with the Chinese message — also from task listeners, whose exceptions Camunda
 * wraps, and from {@code /process-definition/…/start}, which Camunda would answer with
 * 500.
 */
public final class FormRejections {

	static final String PREFIX = "表单填写有误：";

	private FormRejections() {
	}

	/**
	 * @return the exception to throw
	 */
	public static FormFieldValidationException reject(String field, String message) {
		return reject(field, List.of(message));
	}

	static FormFieldValidationException reject(Object detail, List<String> problems) {
		SubmittedVariables.rejected(problems, 400);
		return new FormFieldValidationException(detail, PREFIX + String.join("；", problems));
	}

	/**
	 * A submission that is well-formed but conflicts with the state of a case (e.g. a
	 * second decision for a catalogue entry that already has one running): HTTP 409 with
	 * the Chinese message, and nothing changes.
	 * @return the exception to throw
	 */
	public static FormConflictException conflict(String field, String message) {
		SubmittedVariables.rejected(List.of(message), 409);
		return new FormConflictException(field, message);
	}

	/**
	 * {@link #conflict(String, String)}: the submission conflicts with a case's state.
	 */
	public static final class FormConflictException extends FormFieldValidationException {

		FormConflictException(String field, String message) {
			super(field, message);
		}

	}

	/**
	 * For Java callers: the refusal inside an engine exception (task listener exceptions
	 * come wrapped), or the exception itself.
	 */
	public static RuntimeException unwrap(RuntimeException exception) {
		for (Throwable cause = exception; cause != null; cause = cause.getCause()) {
			if (cause instanceof FormFieldValidationException refusal) {
				return refusal;
			}
		}
		return exception;
	}

}
