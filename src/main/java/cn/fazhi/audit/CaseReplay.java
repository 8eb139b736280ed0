package cn.fazhi.audit;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import cn.fazhi.audit.CaseTimeline.AttachmentEntry;
import cn.fazhi.audit.CaseTimeline.ClockEvent;
import cn.fazhi.audit.CaseTimeline.CommentEntry;
import cn.fazhi.audit.CaseTimeline.FormVersion;
import cn.fazhi.audit.CaseTimeline.Operation;
import cn.fazhi.audit.CaseTimeline.OutcomeField;
import cn.fazhi.audit.CaseTimeline.Person;
import cn.fazhi.audit.CaseTimeline.Step;
import cn.fazhi.audit.CaseTimeline.TaskRecord;
import cn.fazhi.audit.CaseTimeline.VariableChange;
import cn.fazhi.audit.DeployedModels.DeployedForm;
import cn.fazhi.audit.DeployedModels.Element;
import cn.fazhi.audit.DeployedModels.ProcessModel;
import cn.fazhi.directory.Directory;
import cn.fazhi.materials.FiledMaterials;
import cn.fazhi.materials.FiledMaterials.Filed;
import cn.fazhi.system.engine.Privileged;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.history.HistoricDetail;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.history.HistoricVariableUpdate;
import org.camunda.bpm.engine.history.UserOperationLogEntry;
import org.camunda.bpm.engine.task.Attachment;
import org.camunda.bpm.engine.task.Comment;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Builds a case's {@link CaseTimeline} from Camunda's history: activity instances in the
 * order they started, each with its task, actor, form version, submitted values,
 * opinions, materials, variable changes and clock events, and the cases a call activity
 * started, nested. Everything is read from the history tables and the user operation log,
 * so a replay years later shows what happened, not what the engine holds now.
 * <p>
 * Reads run without the caller's permissions (a case's history spans tasks of several
 * offices): callers must have checked that the user may see the case
 * ({@link AuditCases}).
 */
@Component
public class CaseReplay {

	/** Guard against a damaged call hierarchy; real procedures nest two deep. */
	static final int MAX_CALL_DEPTH = 10;

	private static final String MULTI_INSTANCE_BODY = "multiInstanceBody";

	private final HistoryService historyService;

	private final TaskService taskService;

	private final IdentityService identityService;

	private final DeployedModels models;

	private final Directory directory;

	private final FiledMaterials materials;

	private final List<ClockEventSource> clockSources;

	private final HistoryValues values;

	CaseReplay(HistoryService historyService, TaskService taskService, IdentityService identityService,
			DeployedModels models, Directory directory, FiledMaterials materials, List<ClockEventSource> clockSources,
			@Value("${fazhi.calendar.zone:Asia/Shanghai}") ZoneId zone) {
		this.historyService = historyService;
		this.taskService = taskService;
		this.identityService = identityService;
		this.models = models;
		this.directory = directory;
		this.materials = materials;
		this.clockSources = List.copyOf(clockSources);
		this.values = new HistoryValues(zone);
	}

	/**
	 * The timeline of a process instance and of every case it called. The caller must
	 * have checked the user's right to see the case.
	 */
	public CaseTimeline replay(String processInstanceId) {
		People people = new People(this.directory);
		return Privileged.call(this.identityService, () -> build(processInstanceId, people, 0));
	}

	private CaseTimeline build(String processInstanceId, People people, int depth) {
		HistoricProcessInstance instance = this.historyService.createHistoricProcessInstanceQuery()
			.processInstanceId(processInstanceId)
			.singleResult();
		if (instance == null) {
			throw new IllegalArgumentException("no historic process instance " + processInstanceId);
		}
		ProcessModel model = this.models.model(instance.getProcessDefinitionId());
		CaseHistory history = read(instance, people);
		Map<String, String> operationUsers = new HashMap<>();
		history.operations().forEach((entry) -> operationUsers.putIfAbsent(entry.getOperationId(), entry.getUserId()));
		Map<String, HistoricTaskInstance> tasksByActivity = history.tasks()
			.stream()
			.filter((task) -> task.getActivityInstanceId() != null)
			.collect(Collectors.toMap(HistoricTaskInstance::getActivityInstanceId, Function.identity(), (a, b) -> a));
		Map<String, String> activityOfTask = new HashMap<>();
		history.tasks().forEach((task) -> activityOfTask.put(task.getId(), task.getActivityInstanceId()));

		List<VariableChange> changes = history.variableUpdates()
			.stream()
			.map((update) -> change(update, people, operationUsers))
			.toList();
		List<CommentEntry> comments = comments(processInstanceId, people);
		List<AttachmentEntry> attachments = attachments(processInstanceId, people);
		List<ClockEvent> clock = new ArrayList<>();
		this.clockSources.forEach((source) -> clock.addAll(source.events(history)));
		clock.sort(Comparator.comparing(ClockEvent::time, Comparator.nullsLast(Comparator.naturalOrder())));

		Person starter = people.of(instance.getStartUserId());
		Set<String> stepIds = new HashSet<>();
		List<Step> steps = new ArrayList<>();
		for (HistoricActivityInstance activity : history.activities()) {
			if (MULTI_INSTANCE_BODY.equals(activity.getActivityType())) {
				continue;
			}
			stepIds.add(activity.getId());
			HistoricTaskInstance task = tasksByActivity.get(activity.getId());
			Element element = model.element(activity.getActivityId())
				.orElse(new Element(activity.getActivityId(), activity.getActivityName(), null, null, null));
			boolean processStart = "startEvent".equals(activity.getActivityType())
					&& processInstanceId.equals(activity.getParentActivityInstanceId());
			// a called case gets its start values from the caller, not from a form
			boolean formShown = !processStart || instance.getSuperProcessInstanceId() == null;
			DeployedForm form = formShown ? this.models.form(model.version(), element).orElse(null) : null;
			// the start form's values are written to the process scope before the start
			// event runs
			String valuesScope = processStart ? processInstanceId : activity.getId();
			Person actor = (task != null) ? people.of(task.getAssignee()) : processStart ? starter : null;
			String taskId = (task == null) ? null : task.getId();
			steps.add(new Step(activity.getId(), activity.getParentActivityInstanceId(), activity.getActivityId(),
					activity.getActivityType(), (element.name() != null) ? element.name() : activity.getActivityName(),
					element.documentation(), Articles.of(element.documentation()),
					this.values.time(activity.getStartTime()), this.values.time(activity.getEndTime()), state(activity),
					actor, taskRecord(task), (form == null) ? null : form.version(),
					outcome(form, changes, valuesScope, processStart),
					changes.stream().filter((change) -> activity.getId().equals(change.activityInstanceId())).toList(),
					(taskId == null) ? List.of()
							: comments.stream().filter((comment) -> taskId.equals(comment.taskId())).toList(),
					(taskId == null) ? List.of()
							: attachments.stream().filter((attachment) -> taskId.equals(attachment.taskId())).toList(),
					clock.stream()
						.filter((event) -> activity.getId().equals(event.activityInstanceId())
								|| (taskId != null && taskId.equals(event.taskId())))
						.toList(),
					called(activity, people, depth)));
		}
		Set<String> taskIds = activityOfTask.keySet();
		return new CaseTimeline(instance.getBusinessKey(), instance.getId(), instance.getSuperProcessInstanceId(),
				model.name(), model.documentation(), Articles.of(model.documentation()), instance.getState(),
				this.values.time(instance.getStartTime()), this.values.time(instance.getEndTime()), starter,
				model.version(), steps,
				changes.stream().filter((change) -> !stepIds.contains(change.activityInstanceId())).toList(),
				comments.stream().filter((comment) -> !taskIds.contains(comment.taskId())).toList(),
				attachments.stream().filter((attachment) -> !taskIds.contains(attachment.taskId())).toList(),
				clock.stream()
					.filter((event) -> !stepIds.contains(event.activityInstanceId())
							&& !taskIds.contains(event.taskId()))
					.toList(),
				history.operations().stream().map((entry) -> operation(entry, people)).toList());
	}

	private CaseHistory read(HistoricProcessInstance instance, People people) {
		String id = instance.getId();
		List<HistoricActivityInstance> activities = this.historyService.createHistoricActivityInstanceQuery()
			.processInstanceId(id)
			.orderByHistoricActivityInstanceStartTime()
			.asc()
			.orderPartiallyByOccurrence()
			.asc()
			.list();
		List<HistoricTaskInstance> tasks = this.historyService.createHistoricTaskInstanceQuery()
			.processInstanceId(id)
			.orderByHistoricActivityInstanceStartTime()
			.asc()
			.list();
		List<HistoricVariableUpdate> updates = new ArrayList<>();
		for (HistoricDetail detail : this.historyService.createHistoricDetailQuery()
			.processInstanceId(id)
			.variableUpdates()
			.disableCustomObjectDeserialization()
			.orderPartiallyByOccurrence()
			.asc()
			.list()) {
			updates.add((HistoricVariableUpdate) detail);
		}
		List<UserOperationLogEntry> operations = this.historyService.createUserOperationLogQuery()
			.processInstanceId(id)
			.orderByTimestamp()
			.asc()
			.list();
		return new CaseHistory(instance, activities, tasks, updates, operations, people, this.values);
	}

	private CaseTimeline called(HistoricActivityInstance activity, People people, int depth) {
		String called = activity.getCalledProcessInstanceId();
		if (called == null || depth >= MAX_CALL_DEPTH) {
			return null;
		}
		return build(called, people, depth + 1);
	}

	/**
	 * The values the step's form submitted: its input fields that were written in the
	 * step, last value per field (first for the start form), in form order.
	 */
	private static List<OutcomeField> outcome(DeployedForm form, List<VariableChange> changes, String scope,
			boolean first) {
		if (form == null || form.fields().isEmpty()) {
			return List.of();
		}
		Map<String, String> labels = form.labels();
		Map<String, Object> submitted = new LinkedHashMap<>();
		for (VariableChange change : changes) {
			if (scope.equals(change.activityInstanceId()) && labels.containsKey(change.name())
					&& !(first && submitted.containsKey(change.name()))) {
				submitted.put(change.name(), change.value());
			}
		}
		List<OutcomeField> outcome = new ArrayList<>();
		labels.forEach((key, label) -> {
			if (submitted.containsKey(key)) {
				outcome.add(new OutcomeField(key, label, submitted.get(key)));
			}
		});
		return outcome;
	}

	private VariableChange change(HistoricVariableUpdate update, People people, Map<String, String> operationUsers) {
		Object value;
		try {
			value = this.values.plain(update.getTypedValue());
		}
		catch (RuntimeException ex) {
			// a value the engine cannot read back is shown as its error, never hidden
			value = "（无法读取：" + Objects.toString(update.getErrorMessage(), ex.getMessage()) + "）";
		}
		String operation = update.getUserOperationId();
		return new VariableChange(update.getId(), this.values.time(update.getTime()), update.getVariableName(),
				update.getTypeName(), value, update.getRevision(), update.getActivityInstanceId(), update.getTaskId(),
				operation, (operation == null) ? null : people.of(operationUsers.get(operation)));
	}

	private List<CommentEntry> comments(String processInstanceId, People people) {
		return this.taskService.getProcessInstanceComments(processInstanceId)
			.stream()
			.sorted(Comparator.comparing(Comment::getTime).thenComparing(Comment::getId))
			.map((comment) -> new CommentEntry(comment.getId(), this.values.time(comment.getTime()),
					people.of(comment.getUserId()), comment.getFullMessage(), comment.getTaskId()))
			.toList();
	}

	private List<AttachmentEntry> attachments(String processInstanceId, People people) {
		Map<String, Filed> filed = this.materials.ofProcessInstance(processInstanceId)
			.stream()
			.collect(Collectors.toMap(Filed::attachmentId, Function.identity()));
		return this.taskService.getProcessInstanceAttachments(processInstanceId)
			.stream()
			.sorted(Comparator.comparing(Attachment::getCreateTime).thenComparing(Attachment::getId))
			.map((attachment) -> attachment(attachment, filed.get(attachment.getId()), people))
			.toList();
	}

	private AttachmentEntry attachment(Attachment attachment, Filed record, People people) {
		if (record != null) {
			return new AttachmentEntry(attachment.getId(), attachment.getName(), attachment.getDescription(),
					attachment.getType(), this.values.time(attachment.getCreateTime()), record.size(), record.sha256(),
					record.materialType(), people.of(record.uploadedBy()), record.officeName(), record.taskId());
		}
		// not filed through Fazhi: size and hash of what Camunda holds now
		byte[] content = read(this.taskService.getAttachmentContent(attachment.getId()));
		return new AttachmentEntry(attachment.getId(), attachment.getName(), attachment.getDescription(),
				attachment.getType(), this.values.time(attachment.getCreateTime()),
				(content == null) ? null : (long) content.length,
				(content == null) ? null : DeployedModels.sha256(content), null, null, null, attachment.getTaskId());
	}

	private Operation operation(UserOperationLogEntry entry, People people) {
		return new Operation(entry.getId(), this.values.time(entry.getTimestamp()), entry.getOperationType(),
				entry.getEntityType(), entry.getProperty(), entry.getOrgValue(), entry.getNewValue(),
				people.of(entry.getUserId()), entry.getTaskId(), entry.getCategory(), entry.getAnnotation());
	}

	private TaskRecord taskRecord(HistoricTaskInstance task) {
		if (task == null) {
			return null;
		}
		return new TaskRecord(task.getId(), this.values.time(task.getStartTime()), this.values.time(task.getDueDate()),
				this.values.time(task.getFollowUpDate()), task.getDeleteReason());
	}

	private static String state(HistoricActivityInstance activity) {
		if (activity.isCanceled()) {
			return "CANCELED";
		}
		return (activity.getEndTime() == null) ? "ACTIVE" : "COMPLETED";
	}

	private static byte[] read(InputStream content) {
		if (content == null) {
			return null;
		}
		try (content) {
			return content.readAllBytes();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
