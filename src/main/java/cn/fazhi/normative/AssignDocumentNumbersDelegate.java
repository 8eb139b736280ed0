package cn.fazhi.normative;

import cn.fazhi.calendar.CaseClock;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.springframework.stereotype.Component;

import static cn.fazhi.normative.NormativeDocumentModel.Variables.DOCUMENT_NUMBER;
import static cn.fazhi.normative.NormativeDocumentModel.Variables.ISSUER;
import static cn.fazhi.normative.NormativeDocumentModel.Variables.ISSUER_NAME;
import static cn.fazhi.normative.NormativeDocumentModel.Variables.REGISTRATION_NUMBER;

/**
 * {@code serviceTask_assignNumbers} (统一编号), in the transaction that completes the
 * registration: the registration number and the document number of the issuing body's
 * year ({@link DocumentNumbering}); a registration that rolls back gives its numbers
 * back.
 */
@Component
class AssignDocumentNumbersDelegate implements JavaDelegate {

	private final DocumentNumbering numbering;

	private final CaseClock clock;

	AssignDocumentNumbersDelegate(DocumentNumbering numbering, CaseClock clock) {
		this.numbering = numbering;
		this.clock = clock;
	}

	@Override
	public void execute(DelegateExecution execution) {
		// input
		String deploymentId = ((ExecutionEntity) execution).getProcessDefinition().getDeploymentId();
		String issuer = (String) execution.getVariable(ISSUER);
		// processing
		DocumentNumbering.Numbers numbers = this.numbering.assign(deploymentId, issuer,
				(String) execution.getVariable(ISSUER_NAME), this.clock.today().getYear());
		// output
		execution.setVariable(REGISTRATION_NUMBER, numbers.registrationNumber());
		execution.setVariable(DOCUMENT_NUMBER, numbers.documentNumber());
		execution.setVariable("registeredOnText", CaseClock.text(this.clock.today()));
	}

}
