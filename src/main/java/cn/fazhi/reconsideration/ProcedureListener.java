package cn.fazhi.reconsideration;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Date;

import cn.fazhi.clock.LegalClock;
import cn.fazhi.clock.LegalClocks;
import cn.fazhi.calendar.CaseClock;
import cn.fazhi.directory.Directory;
import cn.fazhi.forms.FormRejections;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

import static cn.fazhi.reconsideration.ReconsiderationModel.Variables.ACCEPTED_ON;
import static cn.fazhi.reconsideration.ReconsiderationModel.Variables.CLOCK_VARIANT;
import static cn.fazhi.reconsideration.ReconsiderationModel.Variables.CO_HANDLER;
import static cn.fazhi.reconsideration.ReconsiderationModel.Variables.HANDLER;
import static cn.fazhi.reconsideration.ReconsiderationModel.Variables.PROCEDURE;

/**
 * {@code userTask_chooseProcedure}, event {@code complete}: the simple procedure only on
 * the grounds of 第53条 (an amount of at most 3,000 yuan when that is the ground); two
 * different handlers (第45条: investigations by at least two). Starts the decision period
 * (60 or 30 days from acceptance, 第62条) and the copy period (7 or 3 working days,
 * 第48条、第54条) for the procedure chosen.
 */
@Component
class ProcedureListener implements TaskListener {

	static final BigDecimal SIMPLE_AMOUNT_LIMIT = new BigDecimal(3000);

	private final LegalClocks clocks;

	private final CaseClock clock;

	private final Directory directory;

	ProcedureListener(LegalClocks clocks, CaseClock clock, Directory directory) {
		this.clocks = clocks;
		this.clock = clock;
		this.directory = directory;
	}

	@Override
	public void notify(DelegateTask task) {
		// input
		String procedure = String.valueOf(task.getVariable(PROCEDURE));
		Object amount = task.getVariable("amountInvolved");
		Object handler = task.getVariable(HANDLER);
		// processing
		if (handler != null && handler.equals(task.getVariable(CO_HANDLER))) {
			throw FormRejections.reject(CO_HANDLER, "承办人和协办人应为两名不同的行政复议人员（第45条）");
		}
		if ("SIMPLE".equals(procedure) && "SMALL_AMOUNT".equals(task.getVariable("simpleGround"))
				&& (!(amount instanceof Number number)
						|| new BigDecimal(number.toString()).compareTo(SIMPLE_AMOUNT_LIMIT) > 0)) {
			throw FormRejections.reject("simpleGround", "以“涉及款额三千元以下”适用简易程序的，申请登记的涉及金额应不超过3000元（第53条第1款第三项）");
		}
		task.setVariable(CLOCK_VARIANT, procedure);
		LocalDate accepted = this.clock.toLocalDate((Date) task.getVariable(ACCEPTED_ON));
		LegalClock decision = this.clocks.start(task.getExecution(), ReconsiderationModel.Clocks.DECISION, accepted);
		LegalClock copy = this.clocks.start(task.getExecution(), ReconsiderationModel.Clocks.COPY, accepted);
		// output
		task.setVariable("procedureName", ReconsiderationLabels.name(ReconsiderationLabels.PROCEDURE, procedure));
		task.setVariable("handlerName", this.directory.displayName(String.valueOf(handler)));
		this.clocks.mirror(decision, task.getExecution(), "decisionDue");
		this.clocks.mirror(copy, task.getExecution(), "copyDue");
	}

}
