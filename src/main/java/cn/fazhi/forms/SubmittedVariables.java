package cn.fazhi.forms;

import java.util.Set;

/**
 * The variable names a client sent with the current HTTP request to complete a task or to
 * start a process, captured by {@link SubmissionCaptureFilter} before the Camunda REST
 * API handles the request. The engine-side form validation uses them to refuse variables
 * that are not fields of the form. Absent for calls from Java code.
 *
 * @param taskId the task being completed, or null for a process start
 * @param keys the submitted variable names
 */
record SubmittedVariables(String taskId, Set<String> keys) {

	private static final ThreadLocal<SubmittedVariables> CURRENT = new ThreadLocal<>();

	static void set(SubmittedVariables submitted) {
		CURRENT.set(submitted);
	}

	static void clear() {
		CURRENT.remove();
	}

	/** The names submitted for this task, or null when no HTTP submission targets it. */
	static Set<String> forTask(String taskId) {
		SubmittedVariables submitted = CURRENT.get();
		return (submitted != null && taskId.equals(submitted.taskId())) ? submitted.keys() : null;
	}

	/** The names submitted with a process start, or null. */
	static Set<String> forStart() {
		SubmittedVariables submitted = CURRENT.get();
		return (submitted != null && submitted.taskId() == null) ? submitted.keys() : null;
	}

}
