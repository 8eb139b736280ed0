package cn.fazhi.normative.cleanup;

import cn.fazhi.calendar.CaseClock;
import cn.fazhi.directory.Directory;
import cn.fazhi.directory.DirectoryDocument.Office;
import cn.fazhi.directory.DirectoryDocument.OfficeKind;
import cn.fazhi.forms.FormRejections;
import cn.fazhi.system.CaseNumbers;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.stereotype.Component;

import static cn.fazhi.normative.cleanup.NormativeCleanupModel.Variables.CASE_NUMBER;
import static cn.fazhi.normative.cleanup.NormativeCleanupModel.Variables.CLEANUP_TRIGGER;
import static cn.fazhi.normative.cleanup.NormativeCleanupModel.Variables.COORDINATOR_OFFICE;
import static cn.fazhi.normative.cleanup.NormativeCleanupModel.Variables.PUBLISHING_OFFICE;

/**
 * {@code serviceTask_registerCleanup} (登记清理工作), in the start's transaction: the starter's
 * office organises the campaign; the government's secretariat (the directory's
 * SECRETARIAT office) publishes its results; the campaign gets its number
 * (NDC-yyyy-nnnn).
 */
@Component
class RegisterCleanupDelegate implements JavaDelegate {

	static final String CASE_PREFIX = "NDC";

	private final Directory directory;

	private final CaseNumbers caseNumbers;

	private final CaseClock clock;

	RegisterCleanupDelegate(Directory directory, CaseNumbers caseNumbers, CaseClock clock) {
		this.directory = directory;
		this.caseNumbers = caseNumbers;
		this.clock = clock;
	}

	@Override
	public void execute(DelegateExecution execution) {
		// input
		Authentication authentication = Context.getCommandContext().getAuthentication();
		String starter = (authentication == null) ? null : authentication.getUserId();
		String office = this.directory.officeOf(starter)
			.orElseThrow(() -> FormRejections.reject(CLEANUP_TRIGGER, "您不属于任何单位，不能组织清理；请联系系统管理员在组织目录中设置您的单位"));
		String secretariat = this.directory.offices()
			.stream()
			.filter((candidate) -> candidate.kind() == OfficeKind.SECRETARIAT)
			.map(Office::id)
			.findFirst()
			.orElse(office);
		// processing
		String caseNumber = this.caseNumbers.next(CASE_PREFIX, this.clock.today().getYear());
		// output
		execution.setProcessBusinessKey(caseNumber);
		execution.setVariable(CASE_NUMBER, caseNumber);
		execution.setVariable(COORDINATOR_OFFICE, office);
		execution.setVariable("coordinatorOfficeName", this.directory.officeName(office));
		execution.setVariable(PUBLISHING_OFFICE, secretariat);
		execution.setVariable("cleanupTriggerName", switch (String.valueOf(execution.getVariable(CLEANUP_TRIGGER))) {
			case "LAW_CHANGE" -> "上位法制定、修改或者废止";
			case "SPECIAL" -> "上级机关部署的专项清理";
			default -> "定期清理";
		});
	}

}
