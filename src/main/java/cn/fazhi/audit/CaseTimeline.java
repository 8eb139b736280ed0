package cn.fazhi.audit;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * The complete history of one case as an auditor replays it ({@code GET
 * /api/audit/cases/{businessKey}}): every step in the order it ran, who acted, what each
 * form submitted, the opinions, materials, variable changes and clock events, the model
 * and form versions that were in force, and the cases it called (nested). Built only from
 * Camunda's history (level full), its user operation log and Fazhi's material records,
 * never from running state. This JSON shape is a public contract (ADR 0012); fields are
 * always present, {@code null} when there is nothing to say.
 *
 * @param businessKey the case number (案号), e.g. {@code MD-2026-0007}; a called review has
 * its own ({@code MD-2026-0007-LR1})
 * @param superProcessInstanceId the calling case's instance, null for a top-level case
 * @param articles the article references in the process documentation, e.g. 第25—28条
 * @param state Camunda's state: ACTIVE, COMPLETED, EXTERNALLY_TERMINATED,
 * INTERNALLY_TERMINATED, SUSPENDED
 * @param startedBy the person who started it (for a called case: who completed the step
 * that called it)
 * @param steps every activity instance except multi-instance bodies, ordered by start
 * @param variableChanges changes not made by one step (the start form, the process scope)
 * @param comments comments on the case as a whole (opinions are on their step)
 * @param attachments materials filed for the case as a whole (others are on their step)
 * @param clockEvents clock events not tied to one step
 * @param operations the user operation log of the case: who did what through the API
 */
public record CaseTimeline(String businessKey, String processInstanceId, String superProcessInstanceId,
		String processName, String documentation, List<String> articles, String state, OffsetDateTime startTime,
		OffsetDateTime endTime, Person startedBy, ModelVersion model, List<Step> steps,
		List<VariableChange> variableChanges, List<CommentEntry> comments, List<AttachmentEntry> attachments,
		List<ClockEvent> clockEvents, List<Operation> operations) {

	/**
	 * A person as the directory knows them now (name and office are looked up at replay
	 * time; a person no longer in the directory shows with the id as name).
	 */
	public record Person(String id, String name, String officeId, String officeName) {
	}

	/**
	 * The process model that ran: the definition and the deployment it came from.
	 *
	 * @param sha256 hex SHA-256 of the BPMN resource as deployed
	 */
	public record ModelVersion(String processDefinitionId, String key, int version, String versionTag,
			String deploymentId, String resourceName, String sha256) {
	}

	/**
	 * The Camunda Form a signer was shown: the form resource of the deployment the task's
	 * process definition belongs to ({@code camunda:formRefBinding="deployment"}).
	 *
	 * @param sha256 hex SHA-256 of the form JSON as deployed; null when the form cannot
	 * be resolved (another binding, or missing from the deployment)
	 */
	public record FormVersion(String formId, String binding, String deploymentId, String resourceName, String sha256) {
	}

	/**
	 * One step: an activity instance of the model.
	 *
	 * @param name the statutory name (the BPMN element's name)
	 * @param documentation the element's documentation, which cites the law
	 * @param articles the article references found in the documentation
	 * @param state ACTIVE, COMPLETED or CANCELED
	 * @param actor for a user task the person who completed (or holds) it, for the start
	 * event the starter; null for steps the system performs
	 * @param task the Camunda task of a user task, null otherwise
	 * @param form the form version of a user task or start event with a form
	 * @param outcome what the form submitted: each form field that was submitted, in form
	 * order, with its label and value
	 * @param variableChanges every variable change made within this step (form values and
	 * what listeners derived from them)
	 * @param calledCase the timeline of the case a call activity started, nested
	 */
	public record Step(String activityInstanceId, String parentActivityInstanceId, String activityId,
			String activityType, String name, String documentation, List<String> articles, OffsetDateTime startTime,
			OffsetDateTime endTime, String state, Person actor, TaskRecord task, FormVersion form,
			List<OutcomeField> outcome, List<VariableChange> variableChanges, List<CommentEntry> comments,
			List<AttachmentEntry> attachments, List<ClockEvent> clockEvents, CaseTimeline calledCase) {
	}

	/**
	 * @param dueDate the due date the task had last
	 * @param deleteReason Camunda's reason the task ended: {@code completed}, or why it
	 * was cancelled
	 */
	public record TaskRecord(String taskId, OffsetDateTime createTime, OffsetDateTime dueDate,
			OffsetDateTime followUpDate, String deleteReason) {
	}

	/** A submitted form field: its key, its label on the form, and the value. */
	public record OutcomeField(String key, String label, Object value) {
	}

	/**
	 * One row of ACT_HI_DETAIL (a variable update).
	 *
	 * @param type Camunda's value type: string, boolean, long, date, json, object …
	 * @param value the value as JSON (dates in the government's zone, JSON variables
	 * parsed)
	 * @param by the person whose operation set it, from the user operation log; null for
	 * values the system set
	 */
	public record VariableChange(String id, OffsetDateTime time, String name, String type, Object value, int revision,
			String activityInstanceId, String taskId, String operationId, Person by) {
	}

	/** A Camunda comment, e.g. a signed legal or expert opinion. */
	public record CommentEntry(String id, OffsetDateTime time, Person author, String message, String taskId) {
	}

	/**
	 * A case material: Camunda's attachment with Fazhi's record of it.
	 *
	 * @param size bytes, from Fazhi's record; null for an attachment not filed through
	 * Fazhi
	 * @param sha256 hex SHA-256 recorded at upload; null as for size
	 * @param materialType DRAFT, OPINION, MINUTES … (ADR 0009)
	 * @param officeName the uploader's office at the time of upload
	 */
	public record AttachmentEntry(String id, String name, String description, String contentType, OffsetDateTime time,
			Long size, String sha256, String materialType, Person uploadedBy, String officeName, String taskId) {
	}

	/**
	 * Something that happened to a statutory clock.
	 *
	 * @param kind TASK_DUE (a task was created with a due date), DUE_DATE_CHANGED,
	 * TIMER_FIRED (a timer event of the model), OVERDUE_RECORDED (the variable
	 * {@code overdue} or {@code overdueSince} was set); other sources may add kinds
	 * @param source who reported it: {@code camunda} for Camunda's history; later sources
	 * (the legal clock tables) name themselves
	 * @param note a short Chinese explanation
	 */
	public record ClockEvent(String kind, String source, OffsetDateTime time, String taskId, String activityInstanceId,
			OffsetDateTime dueDate, OffsetDateTime previousDueDate, Person by, String note) {
	}

	/** One entry of Camunda's user operation log (ACT_HI_OP_LOG). */
	public record Operation(String id, OffsetDateTime time, String operationType, String entityType, String property,
			String orgValue, String newValue, Person user, String taskId, String category, String annotation) {
	}

}
