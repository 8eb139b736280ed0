package cn.fazhi.clock;

import java.security.Principal;
import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import cn.fazhi.security.CaseAccess;
import cn.fazhi.security.CaseAccess.Case;
import cn.fazhi.system.engine.Privileged;
import cn.fazhi.system.web.ApiException;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The legal clocks of a case (法定期限): {@code GET /api/cases/{businessKey}/deadlines} for
 * everyone who may see the case; pausing, resuming and extending for heads (负责人) of an
 * office, never for auditors. A case includes the cases it called (e.g. the legality
 * review rounds of a major decision).
 */
@RestController
@RequestMapping("/api/cases/{businessKey}/deadlines")
class DeadlinesController {

	private final LegalClocks clocks;

	private final CaseAccess access;

	private final HistoryService historyService;

	private final IdentityService identityService;

	DeadlinesController(LegalClocks clocks, CaseAccess access, HistoryService historyService,
			IdentityService identityService) {
		this.clocks = clocks;
		this.access = access;
		this.historyService = historyService;
		this.identityService = identityService;
	}

	@GetMapping
	List<DeadlineView> deadlines(@PathVariable String businessKey, Principal principal) {
		Case theCase = this.access.visible(principal.getName(), businessKey);
		LocalDate today = this.clocks.today();
		return clocksOf(theCase).stream()
			.map((clock) -> DeadlineView.of(clock, today, this.clocks.events(clock.id())))
			.toList();
	}

	@PostMapping("/{clockId}/pause")
	DeadlineView pause(@PathVariable String businessKey, @PathVariable long clockId,
			@RequestBody(required = false) Map<String, Object> body, Principal principal) {
		LegalClock clock = clockForChange(businessKey, clockId, principal);
		LegalClock paused = this.clocks.pause(clock.id(), reason(body), principal.getName());
		return DeadlineView.of(paused, this.clocks.today(), this.clocks.events(clockId));
	}

	@PostMapping("/{clockId}/resume")
	DeadlineView resume(@PathVariable String businessKey, @PathVariable long clockId,
			@RequestBody(required = false) Map<String, Object> body, Principal principal) {
		LegalClock clock = clockForChange(businessKey, clockId, principal);
		LegalClock resumed = this.clocks.resume(clock.id(), reason(body), principal.getName());
		return DeadlineView.of(resumed, this.clocks.today(), this.clocks.events(clockId));
	}

	@PostMapping("/{clockId}/extend")
	DeadlineView extend(@PathVariable String businessKey, @PathVariable long clockId,
			@RequestBody(required = false) Map<String, Object> body, Principal principal) {
		LegalClock clock = clockForChange(businessKey, clockId, principal);
		Object days = (body == null) ? null : body.get("days");
		if (!(days instanceof Integer amount)) {
			throw ApiException.badRequest("days", "请填写延长的天数（正整数）");
		}
		LegalClock extended = this.clocks.extend(clock.id(), amount, reason(body), principal.getName());
		return DeadlineView.of(extended, this.clocks.today(), this.clocks.events(clockId));
	}

	private LegalClock clockForChange(String businessKey, long clockId, Principal principal) {
		Case theCase = this.access.visible(principal.getName(), businessKey);
		if (this.access.isAuditor()) {
			throw new ApiException(HttpStatus.FORBIDDEN, null, "审计监督人员只能查阅期限，不能变更");
		}
		List<String> groups = this.identityService.getCurrentAuthentication().getGroupIds();
		boolean head = groups != null
				&& groups.stream().anyMatch((group) -> group.endsWith("-heads") || group.equals("camunda-admin"));
		if (!head) {
			throw new ApiException(HttpStatus.FORBIDDEN, null, "中止、恢复或延长法定期限须由单位负责人决定");
		}
		return clocksOf(theCase).stream()
			.filter((clock) -> clock.id() == clockId)
			.findFirst()
			.orElseThrow(() -> ApiException.notFound("案件“" + businessKey + "”没有编号为 " + clockId + " 的期限"));
	}

	private static String reason(Map<String, Object> body) {
		Object reason = (body == null) ? null : body.get("reason");
		if (!(reason instanceof String text) || text.isBlank() || text.length() > 500) {
			throw ApiException.badRequest("reason", "请说明理由（1至500字）");
		}
		return text.strip();
	}

	/** Clocks of the case's instance and of every instance it called, at any depth. */
	private List<LegalClock> clocksOf(Case theCase) {
		Set<String> instances = Privileged.call(this.identityService, () -> {
			Set<String> found = new HashSet<>();
			Deque<String> pending = new ArrayDeque<>(List.of(theCase.processInstanceId()));
			while (!pending.isEmpty() && found.size() < 1000) {
				String id = pending.pop();
				if (found.add(id)) {
					this.historyService.createHistoricProcessInstanceQuery()
						.superProcessInstanceId(id)
						.list()
						.stream()
						.map(HistoricProcessInstance::getId)
						.forEach(pending::push);
				}
			}
			return found;
		});
		String root = Privileged.call(this.identityService,
				() -> this.historyService.createHistoricProcessInstanceQuery()
					.processInstanceId(theCase.processInstanceId())
					.singleResult()
					.getRootProcessInstanceId());
		return this.clocks.ofCase(root)
			.stream()
			.filter((clock) -> instances.contains(clock.processInstanceId()))
			.toList();
	}

	/** The JSON of one clock. */
	record DeadlineView(long id, String businessKey, String code, String name, String article, String kind,
			LocalDate start, LocalDate due, String unit, String status, int pausedDays, int extensions,
			int extensionDays, int maxExtension, boolean pausable, boolean provisional, List<ClockEvent> events) {

		static DeadlineView of(LegalClock clock, LocalDate today, List<ClockEvent> events) {
			return new DeadlineView(clock.id(), clock.businessKey(), clock.code(), clock.name(), clock.article(),
					clock.kind(), clock.start(), clock.due(), clock.unit().name(), clock.statusOn(today),
					clock.pausedDays(), clock.extensions(), clock.extensionDays(), clock.maxExtension(),
					clock.pausable(), clock.provisional(), events);
		}

	}

}
