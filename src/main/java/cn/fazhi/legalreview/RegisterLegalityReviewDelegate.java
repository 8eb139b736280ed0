package cn.fazhi.legalreview;

import cn.fazhi.calendar.CaseClock;
import cn.fazhi.directory.Directory;
import cn.fazhi.forms.FormRejections;
import cn.fazhi.system.CaseNumbers;

import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import static cn.fazhi.legalreview.LegalityReviewModel.Variables.JURISDICTION;
import static cn.fazhi.legalreview.LegalityReviewModel.Variables.MATTER_TITLE;
import static cn.fazhi.legalreview.LegalityReviewModel.Variables.MATTER_TYPE;
import static cn.fazhi.legalreview.LegalityReviewModel.Variables.MATTER_TYPE_NAME;
import static cn.fazhi.legalreview.LegalityReviewModel.Variables.RECEIVED_AT;
import static cn.fazhi.legalreview.LegalityReviewModel.Variables.SUBMITTED_BY;
import static cn.fazhi.legalreview.LegalityReviewModel.Variables.SUBMITTING_OFFICE;
import static cn.fazhi.legalreview.LegalityReviewModel.Variables.SUBMITTING_OFFICE_NAME;

/**
 * {@code serviceTask_registerReview} (登记受理): records who submits for which office, when
 * the review was received (the start of every period) and the active jurisdiction.
 * <p>
 * Started on its own, the review is submitted in the name of the starter's own office; a
 * call activity passes {@code submittingOffice}, and must pass the matter's title and
 * type. A review started on its own without a case number gets the next
 * {@code LR-YYYY-NNNN}, so that it can be found, replayed and audited by it like every
 * other case; a called review keeps the key its caller gives it
 * ({@code MD-2026-0001-LR1}).
 */
@Component
class RegisterLegalityReviewDelegate implements JavaDelegate {

	/** Prefix of the case numbers of reviews started on their own. */
	static final String CASE_PREFIX = "LR";

	private final Directory directory;

	private final CaseClock clock;

	private final CaseNumbers caseNumbers;

	private final String jurisdiction;

	RegisterLegalityReviewDelegate(Directory directory, CaseClock clock, CaseNumbers caseNumbers,
			@Value("${fazhi.jurisdiction:national}") String jurisdiction) {
		this.directory = directory;
		this.clock = clock;
		this.caseNumbers = caseNumbers;
		this.jurisdiction = jurisdiction;
	}

	@Override
	public void execute(DelegateExecution execution) {
		// input
		String starter = currentUser();
		String office = (String) execution.getVariable(SUBMITTING_OFFICE);
		Object type = execution.getVariable(MATTER_TYPE);
		// processing
		if (execution.getVariable(MATTER_TITLE) == null || MatterType.of(type).isEmpty()) {
			throw new ProcessEngineException("legality-review needs matterTitle and a known matterType; got " + type);
		}
		if (office == null) {
			office = this.directory.officeOf(starter)
				.orElseThrow(
						() -> FormRejections.reject(SUBMITTING_OFFICE, "您不属于任何单位，不能以单位名义提请合法性审查；请联系系统管理员在组织目录中设置您的单位"));
		}
		// output
		String businessKey = execution.getProcessBusinessKey();
		boolean called = ((ExecutionEntity) execution).getProcessInstance().getSuperExecution() != null;
		if ((businessKey == null || businessKey.isBlank()) && !called) {
			execution.setProcessBusinessKey(this.caseNumbers.next(CASE_PREFIX, this.clock.today().getYear()));
		}
		execution.setVariable(SUBMITTING_OFFICE, office);
		execution.setVariable(SUBMITTING_OFFICE_NAME, this.directory.officeName(office));
		execution.setVariable(SUBMITTED_BY, starter);
		execution.setVariable(MATTER_TYPE_NAME, MatterType.of(type).get().label());
		execution.setVariable(RECEIVED_AT, this.clock.now());
		execution.setVariable(RECEIVED_AT + "Text", CaseClock.text(this.clock.today()));
		execution.setVariable(JURISDICTION, this.jurisdiction);
	}

	private static String currentUser() {
		Authentication authentication = Context.getCommandContext().getAuthentication();
		return (authentication == null) ? null : authentication.getUserId();
	}

}
