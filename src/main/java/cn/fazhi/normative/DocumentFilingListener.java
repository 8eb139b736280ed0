package cn.fazhi.normative;

import java.time.LocalDate;

import cn.fazhi.calendar.CaseClock;
import cn.fazhi.forms.FormRejections;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

import static cn.fazhi.normative.NormativeDocumentModel.Elements.FILE_WITH_GOVERNMENT;
import static cn.fazhi.normative.NormativeDocumentModel.Variables.PUBLISHED_ON;

/**
 * {@code userTask_fileWithGovernment} and {@code userTask_fileWithCongress}, event
 * {@code complete}: a filing is made after publication and not in the future; its day is
 * kept for the filing body's forms. Late filings are recorded by the boundary timer, not
 * refused: filing late is still the duty.
 */
@Component
class DocumentFilingListener implements TaskListener {

	private final CaseClock clock;

	DocumentFilingListener(CaseClock clock) {
		this.clock = clock;
	}

	@Override
	public void notify(DelegateTask task) {
		// input
		String track = FILE_WITH_GOVERNMENT.equals(task.getTaskDefinitionKey()) ? "government" : "congress";
		LocalDate filed = this.clock.parseDate(task.getVariable(track + "FiledOn"), "报送日期");
		LocalDate published = this.clock.parseDate(task.getVariable(PUBLISHED_ON), "公布日期");
		// processing
		if (filed.isBefore(published) || filed.isAfter(this.clock.today())) {
			throw FormRejections.reject(track + "FiledOn",
					"报送日期应在公布日期（" + CaseClock.text(published) + "）与今天（" + CaseClock.text(this.clock.today()) + "）之间");
		}
		// output
		task.setVariable(track + "FiledOnText", CaseClock.text(filed));
	}

}
