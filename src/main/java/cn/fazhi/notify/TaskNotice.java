package cn.fazhi.notify;

import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a mail about one open task says, and to whom it goes: the facts {@link TaskFacts}
 * gathered from the engine and the directory.
 *
 * @param caseNumber business key (案号) of the top-level case, "—" for a task outside any
 * case
 * @param caseInstanceId the top-level process instance, null outside any case
 * @param procedure name of the task's own process definition (程序)
 * @param matter the matter's title (事项名称), "—" when the case has none
 * @param routedTo the assignee, or the candidate groups and users, in words
 * @param handlers who must act: the assignee, else the candidate users and the members of
 * the candidate groups (user ids, in order)
 * @param offices the offices the task is routed to: its candidate groups that are offices
 * (or their heads groups), and the assignee's office
 */
record TaskNotice(String taskId, String step, Date due, String processInstanceId, String caseInstanceId,
		String caseNumber, String procedure, String matter, String routedTo, String link, List<String> handlers,
		Set<String> offices) {

	/** Placeholders every task template uses. */
	Map<String, String> placeholders(String dueDateText) {
		return Map.of("caseNumber", this.caseNumber, "procedure", this.procedure, "step", this.step, "matter",
				this.matter, "dueDate", dueDateText, "routedTo", this.routedTo, "link", this.link);
	}

}
