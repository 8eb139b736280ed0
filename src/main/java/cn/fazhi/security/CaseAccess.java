package cn.fazhi.security;

import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import cn.fazhi.directory.Directory;
import cn.fazhi.directory.DirectoryDocument.OfficeKind;
import cn.fazhi.system.engine.Privileged;
import cn.fazhi.system.web.ApiException;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * Who may see and add to which case. A case is the process instance with the business key
 * (案号); instances it calls belong to it, whether they share its key (the case then is the
 * topmost instance with the key) or have one of their own (and are then a case of their
 * own as well, e.g. a legality review with its own review number).
 * <p>
 * Visibility is Camunda's own: the queries run with the requesting user's engine
 * authentication (set for every {@code /api} request by the security filter), so the
 * grants of {@code CaseParticipation} and the auditors' profile decide, exactly as in
 * Tasklist and Cockpit. A case the user may not see is answered like one that does not
 * exist, so that nobody learns which case numbers exist.
 */
@Component
public class CaseAccess {

	/** The directory role whose members only read (审计监督人员). */
	static final String AUDITORS = "auditors";

	/** Guard against a damaged call hierarchy; real procedures nest two or three deep. */
	private static final int MAX_CALL_DEPTH = 20;

	private final RuntimeService runtimeService;

	private final HistoryService historyService;

	private final IdentityService identityService;

	private final Directory directory;

	public CaseAccess(RuntimeService runtimeService, HistoryService historyService, IdentityService identityService,
			Directory directory) {
		this.runtimeService = runtimeService;
		this.historyService = historyService;
		this.identityService = identityService;
		this.directory = directory;
	}

	/** A case as seen by the current user. */
	public record Case(String processInstanceId, String businessKey, boolean running) {
	}

	/** The case, running or ended, if the current user may see it; 404 otherwise. */
	public Case visible(String userId, String businessKey) {
		requireAuthenticated(userId);
		List<HistoricProcessInstance> found = this.historyService.createHistoricProcessInstanceQuery()
			.processInstanceBusinessKey(businessKey)
			.list();
		// an instance called by one with the same key is part of that case
		Set<String> ids = found.stream().map(HistoricProcessInstance::getId).collect(Collectors.toSet());
		List<HistoricProcessInstance> cases = found.stream()
			.filter((instance) -> !ids.contains(instance.getSuperProcessInstanceId()))
			.toList();
		if (cases.isEmpty()) {
			throw notFound(businessKey);
		}
		if (cases.size() > 1) {
			throw new ApiException(HttpStatus.CONFLICT, "businessKey",
					"案号“" + businessKey + "”对应多个案件，无法确定所指的案件，请联系系统管理员核对案号");
		}
		HistoricProcessInstance instance = cases.get(0);
		return new Case(instance.getId(), businessKey, instance.getEndTime() == null);
	}

	/**
	 * The case, if the current user may see it and it is still running: materials of an
	 * ended case are archived (409). Auditors read, they never add (403).
	 */
	public Case openForAdding(String userId, String businessKey) {
		requireAuthenticated(userId);
		if (isAuditor()) {
			throw new ApiException(HttpStatus.FORBIDDEN, null, "审计监督人员只能查阅案卷材料，不能上传材料");
		}
		Case theCase = visible(userId, businessKey);
		if (!theCase.running()) {
			throw new ApiException(HttpStatus.CONFLICT, "businessKey", "案件已办结，材料已归档，不能再上传");
		}
		// adding needs the running case itself in sight, not only its history
		if (this.runtimeService.createProcessInstanceQuery()
			.processInstanceId(theCase.processInstanceId())
			.count() != 1) {
			throw notFound(businessKey);
		}
		return theCase;
	}

	/**
	 * The task a material belongs to, checked to be a task of the case (running or done);
	 * null when none is given.
	 */
	public String taskOf(Case theCase, String taskId) {
		if (taskId == null || taskId.isBlank()) {
			return null;
		}
		String id = taskId.strip();
		// the user need not see the task itself, only the case; the answer says no more
		HistoricTaskInstance task = privileged(
				() -> this.historyService.createHistoricTaskInstanceQuery().taskId(id).singleResult());
		if (task == null || !partOf(task.getProcessInstanceId(), theCase.processInstanceId())) {
			throw ApiException.badRequest("taskId",
					"任务“" + id + "”不是案件“" + theCase.businessKey() + "”的任务，请核对任务编号；材料不属于某一具体任务时可不填 taskId");
		}
		return id;
	}

	/** Whether an instance is the case's instance or one it called, at any depth. */
	private boolean partOf(String processInstanceId, String caseInstanceId) {
		String current = processInstanceId;
		for (int depth = 0; current != null && depth < MAX_CALL_DEPTH; depth++) {
			if (current.equals(caseInstanceId)) {
				return true;
			}
			String instanceId = current;
			HistoricProcessInstance instance = privileged(() -> this.historyService.createHistoricProcessInstanceQuery()
				.processInstanceId(instanceId)
				.singleResult());
			current = (instance == null) ? null : instance.getSuperProcessInstanceId();
		}
		return false;
	}

	private <T> T privileged(Supplier<T> query) {
		return Privileged.call(this.identityService, query);
	}

	/**
	 * Auditors: members of the {@value #AUDITORS} role or of an office of kind
	 * SUPERVISION (审计、监督机构), whichever group made them one.
	 */
	public boolean isAuditor() {
		List<String> groups = this.identityService.getCurrentAuthentication().getGroupIds();
		return groups != null && groups.stream()
			.anyMatch((group) -> AUDITORS.equals(group) || this.directory.office(group)
				.map((office) -> office.kind() == OfficeKind.SUPERVISION)
				.orElse(false));
	}

	/**
	 * Without an engine authentication every query would answer everything: refuse rather
	 * than show another department's case.
	 */
	private void requireAuthenticated(String userId) {
		Authentication authentication = this.identityService.getCurrentAuthentication();
		if (authentication == null || userId == null || !userId.equals(authentication.getUserId())) {
			throw new IllegalStateException("the engine authentication of " + userId
					+ " is not set; cases must be reached through the secured /api chain");
		}
	}

	private static ApiException notFound(String businessKey) {
		return new ApiException(HttpStatus.NOT_FOUND, "businessKey", "案件“" + businessKey + "”不存在，或您无权查看该案件");
	}

}
