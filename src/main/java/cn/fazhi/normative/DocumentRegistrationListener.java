package cn.fazhi.normative;

import java.time.LocalDate;

import cn.fazhi.calendar.CaseClock;
import cn.fazhi.clock.DeadlineRule;
import cn.fazhi.forms.FormRejections;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

import static cn.fazhi.normative.NormativeDocumentModel.Variables.VALIDITY_LENGTH;
import static cn.fazhi.normative.NormativeDocumentModel.Variables.VALIDITY_YEARS;

/**
 * {@code userTask_register}, event {@code complete}: the document's term is the rule's
 * ({@code ND_VALIDITY}, or {@code ND_VALIDITY_PROVISIONAL} for 暂行/试行) unless the
 * registration sets a shorter one; never longer. Signed today or before.
 */
@Component
class DocumentRegistrationListener implements TaskListener {

	private final DocumentValidity validity;

	private final CaseClock clock;

	DocumentRegistrationListener(DocumentValidity validity, CaseClock clock) {
		this.validity = validity;
		this.clock = clock;
	}

	@Override
	public void notify(DelegateTask task) {
		// input
		DeadlineRule rule = this.validity.rule(task.getExecution());
		Object chosen = task.getVariable(VALIDITY_YEARS);
		LocalDate signed = this.clock.parseDate(task.getVariable("signedOn"), "签发日期");
		// processing
		int length = (chosen instanceof Number number) ? number.intValue() : rule.length();
		if (length > rule.length()) {
			throw FormRejections.reject(VALIDITY_YEARS, "有效期不得超过" + rule.lengthText() + "（" + rule.article() + "）");
		}
		if (signed.isAfter(this.clock.today())) {
			throw FormRejections.reject("signedOn", "签发日期不得晚于今天（" + CaseClock.text(this.clock.today()) + "）");
		}
		// output
		task.setVariable(VALIDITY_LENGTH, length);
		task.setVariable("validityText", this.validity.termText(task.getExecution(), length));
		task.setVariable("signedOnText", CaseClock.text(signed));
	}

}
