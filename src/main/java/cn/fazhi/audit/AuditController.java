package cn.fazhi.audit;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The auditor's API (审计回溯): read-only views of a case's complete history. Who may see
 * which case is decided by {@link AuditCases}; nothing here changes anything.
 */
@RestController
@RequestMapping("/api/audit")
class AuditController {

	private final AuditCases cases;

	private final CaseReplay replay;

	AuditController(AuditCases cases, CaseReplay replay) {
		this.cases = cases;
		this.replay = replay;
	}

	/** The case's complete timeline, with the cases it called nested in their steps. */
	@GetMapping("/cases/{businessKey}")
	CaseTimeline replay(@PathVariable String businessKey) {
		return this.replay.replay(this.cases.visible(businessKey).getId());
	}

}
