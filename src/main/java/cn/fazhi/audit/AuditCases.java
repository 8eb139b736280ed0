package cn.fazhi.audit;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import cn.fazhi.system.engine.Privileged;
import cn.fazhi.system.web.ApiException;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * Finds the case a business key names and decides whether the current user may audit it.
 * <p>
 * Auditors (directory role {@value #AUDITORS}) and administrators see every case. Anyone
 * else sees the cases Camunda lets them read: the historic process instance query runs
 * with the user's engine authentication, so READ on {@code HISTORIC_PROCESS_INSTANCE}
 * (granted to participants by {@code CaseParticipation}) or READ_HISTORY on the
 * definition decides, as in Cockpit. An unknown case number is 404; a case outside the
 * user's office is refused with 403 (issue 7: the audit endpoints say so plainly).
 * Whoever may see a case sees the cases it called (its legality reviews) as part of it.
 */
@Component
class AuditCases {

	/** The directory role of the read-only auditors (审计监督人员). */
	static final String AUDITORS = "auditors";

	/** Camunda's administrators group. */
	static final String ADMINISTRATORS = "camunda-admin";

	private final HistoryService historyService;

	private final IdentityService identityService;

	AuditCases(HistoryService historyService, IdentityService identityService) {
		this.historyService = historyService;
		this.identityService = identityService;
	}

	/**
	 * The case with the business key: the topmost instance with it (an instance called by
	 * one with the same key belongs to that case), if the current user may see it.
	 * @throws ApiException 404 if there is none, 403 if the user may not see it, 409 if
	 * the key names several cases
	 */
	HistoricProcessInstance visible(String businessKey) {
		Authentication user = requireAuthenticated();
		List<HistoricProcessInstance> found = Privileged.call(this.identityService,
				() -> this.historyService.createHistoricProcessInstanceQuery()
					.processInstanceBusinessKey(businessKey)
					.list());
		Set<String> ids = found.stream().map(HistoricProcessInstance::getId).collect(Collectors.toSet());
		List<HistoricProcessInstance> cases = found.stream()
			.filter((instance) -> !ids.contains(instance.getSuperProcessInstanceId()))
			.toList();
		if (cases.isEmpty()) {
			throw notFound(businessKey);
		}
		if (cases.size() > 1) {
			throw new ApiException(HttpStatus.CONFLICT, "businessKey",
					"案号“" + businessKey + "”对应多个案件，无法确定要审计的案件，请联系系统管理员核对案号");
		}
		HistoricProcessInstance theCase = cases.get(0);
		if (!seesEverything(user) && !mayRead(theCase.getId())) {
			throw new ApiException(HttpStatus.FORBIDDEN, "businessKey",
					"您无权查阅案件“" + businessKey + "”：审计监督人员可查阅全部案件，其他人员只能查阅本单位参与办理的案件");
		}
		return theCase;
	}

	/** Whether the current user audits every case (auditors and administrators). */
	boolean seesEverything() {
		return seesEverything(requireAuthenticated());
	}

	/** Whether Camunda lets the current user read the historic instance. */
	boolean mayRead(String processInstanceId) {
		return this.historyService.createHistoricProcessInstanceQuery()
			.processInstanceId(processInstanceId)
			.count() == 1;
	}

	private static boolean seesEverything(Authentication user) {
		List<String> groups = user.getGroupIds();
		return groups != null && (groups.contains(AUDITORS) || groups.contains(ADMINISTRATORS));
	}

	/**
	 * Without an engine authentication every query would answer everything: refuse rather
	 * than show a case to someone unknown.
	 */
	private Authentication requireAuthenticated() {
		Authentication authentication = this.identityService.getCurrentAuthentication();
		if (authentication == null || authentication.getUserId() == null) {
			throw new IllegalStateException(
					"no engine authentication: the audit API must be reached through the secured /api chain");
		}
		return authentication;
	}

	private static ApiException notFound(String businessKey) {
		return new ApiException(HttpStatus.NOT_FOUND, "businessKey", "案件“" + businessKey + "”不存在，或您无权查看该案件");
	}

}
