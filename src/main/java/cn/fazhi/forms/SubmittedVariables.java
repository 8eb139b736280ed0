package cn.fazhi.forms;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The current HTTP submission to one of the Camunda REST APIs, captured by
 * {@link SubmissionCaptureFilter} before Camunda handles it: the variable names the
 * client sent (the engine-side form validation refuses names that are not fields of the
 * form), and the problems found, if the engine refused the submission (the filter then
 * answers 400 with them, whatever status Camunda chose). Absent for calls from Java code.
 */
final class SubmittedVariables {

	private static final ThreadLocal<SubmittedVariables> CURRENT = new ThreadLocal<>();

	private final String taskId;

	private final Set<String> keys;

	private final List<String> problems = new ArrayList<>();

	private int status = 400;

	private SubmittedVariables(String taskId, Set<String> keys) {
		this.taskId = taskId;
		this.keys = Set.copyOf(keys);
	}

	/**
	 * @param taskId the task being completed, or null for a process start
	 */
	static void begin(String taskId, Set<String> keys) {
		CURRENT.set(new SubmittedVariables(taskId, keys));
	}

	/**
	 * Ends the submission, returning why the engine refused it (no problems if it did
	 * not).
	 */
	static Refusal end() {
		SubmittedVariables submitted = CURRENT.get();
		CURRENT.remove();
		return (submitted == null) ? new Refusal(400, List.of())
				: new Refusal(submitted.status, List.copyOf(submitted.problems));
	}

	/** The names submitted for this task, or null when no HTTP submission targets it. */
	static Set<String> forTask(String taskId) {
		SubmittedVariables submitted = CURRENT.get();
		return (submitted != null && taskId.equals(submitted.taskId)) ? submitted.keys : null;
	}

	/** The names submitted with a process start, or null. */
	static Set<String> forStart() {
		SubmittedVariables submitted = CURRENT.get();
		return (submitted != null && submitted.taskId == null) ? submitted.keys : null;
	}

	static void rejected(List<String> problems, int status) {
		SubmittedVariables submitted = CURRENT.get();
		if (submitted != null) {
			submitted.problems.addAll(problems);
			submitted.status = Math.max(submitted.status, status);
		}
	}

	/**
	 * Why the engine refused a submission: 400 for bad input, 409 when it conflicts with
	 * the state of a case; no problems when it was not refused.
	 */
	record Refusal(int status, List<String> problems) {

	}

}
