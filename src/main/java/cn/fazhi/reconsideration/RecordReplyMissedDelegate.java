package cn.fazhi.reconsideration;

import cn.fazhi.clock.LegalClocks;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import static cn.fazhi.reconsideration.ReconsiderationModel.Variables.REPLY_MISSED;

/**
 * {@code serviceTask_recordReplyMissed} (记录逾期未答复): the respondent let the reply period
 * pass; the act counts as having no evidence or basis (第70条), which limits the decision
 * ({@link HandlingListener}), and the missed period is closed as overdue.
 */
@Component
class RecordReplyMissedDelegate implements JavaDelegate {

	private final LegalClocks clocks;

	RecordReplyMissedDelegate(LegalClocks clocks) {
		this.clocks = clocks;
	}

	@Override
	public void execute(DelegateExecution execution) {
		this.clocks.close(execution.getProcessInstanceId(), ReconsiderationModel.Clocks.REPLY);
		execution.setVariable(REPLY_MISSED, true);
		execution.setVariable("replyStatusText", "被申请人逾期未提出书面答复、提交证据和依据，视为该行政行为没有证据、依据（第70条）");
	}

}
