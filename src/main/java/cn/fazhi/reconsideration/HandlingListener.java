package cn.fazhi.reconsideration;

import java.util.Set;

import cn.fazhi.clock.LegalClock;
import cn.fazhi.clock.LegalClocks;
import cn.fazhi.calendar.CaseClock;
import cn.fazhi.forms.FormRejections;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

import static cn.fazhi.reconsideration.ReconsiderationModel.Variables.DECISION_TYPE;
import static cn.fazhi.reconsideration.ReconsiderationModel.Variables.HANDLING_ACTION;
import static cn.fazhi.reconsideration.ReconsiderationModel.Variables.PROCEDURE;
import static cn.fazhi.reconsideration.ReconsiderationModel.Variables.REPLY_MISSED;

/**
 * {@code userTask_handleCase} (审理), event {@code complete}: the steps the law makes
 * conditions of a decision are there before one is proposed — the parties' opinions in
 * the ordinary procedure (第49条), a hearing and the committee's opinion for major,
 * difficult or complex cases (第50条、第52条) — and after a missed reply only the decisions of
 * 第70条 are possible, unless a third party supplied evidence. Extension is for the
 * ordinary procedure (第62条), conversion for the simple one (第55条). An incidental review
 * starts its 30-day period (第56条).
 */
@Component
class HandlingListener implements TaskListener {

	static final Set<String> ART_70_DECISIONS = Set.of("REVOKE", "CONFIRM_ILLEGAL", "CONFIRM_INVALID",
			"ORDER_PERFORMANCE");

	private final LegalClocks clocks;

	private final CaseClock clock;

	HandlingListener(LegalClocks clocks, CaseClock clock) {
		this.clocks = clocks;
		this.clock = clock;
	}

	@Override
	public void notify(DelegateTask task) {
		String action = String.valueOf(task.getVariable(HANDLING_ACTION));
		boolean ordinary = "ORDINARY".equals(task.getVariable(PROCEDURE));
		switch (action) {
			case "PROPOSE_DECISION" -> checkDecision(task, ordinary);
			case "EXTEND" -> {
				if (!ordinary) {
					throw FormRejections.reject(HANDLING_ACTION, "简易程序的审理期限不能延长；不宜适用简易程序的，请申请转为普通程序（第55条、第62条）");
				}
			}
			case "CONVERT" -> {
				if (ordinary) {
					throw FormRejections.reject(HANDLING_ACTION, "本案已适用普通程序，无需转换");
				}
			}
			case "INCIDENTAL_REVIEW" -> {
				LegalClock incidental = this.clocks.start(task.getExecution(), ReconsiderationModel.Clocks.INCIDENTAL,
						this.clock.today());
				this.clocks.mirror(incidental, task.getExecution(), "incidentalDue");
			}
			default -> {
			}
		}
	}

	private static void checkDecision(DelegateTask task, boolean ordinary) {
		String type = String.valueOf(task.getVariable(DECISION_TYPE));
		if (ordinary && !Boolean.TRUE.equals(task.getVariable("opinionsHeard"))) {
			throw FormRejections.reject(HANDLING_ACTION, "适用普通程序审理的案件，应当先听取当事人的意见并记录在案（第49条）");
		}
		if (Boolean.TRUE.equals(task.getVariable("majorCase")) && !(Boolean.TRUE.equals(task.getVariable("hearingHeld"))
				&& Boolean.TRUE.equals(task.getVariable("committeeConsulted")))) {
			throw FormRejections.reject(HANDLING_ACTION, "重大、疑难、复杂案件应当组织听证并提请行政复议委员会提出咨询意见后，再提出决定意见（第50条、第52条）");
		}
		if (Boolean.TRUE.equals(task.getVariable(REPLY_MISSED)) && !ART_70_DECISIONS.contains(type)
				&& !Boolean.TRUE.equals(task.getVariable("thirdPartyEvidence"))) {
			throw FormRejections.reject(DECISION_TYPE,
					"被申请人逾期未答复、未提交证据和依据的，视为该行政行为没有证据、依据，只能决定撤销、部分撤销、确认违法、确认无效或者责令履行（第70条）");
		}
		task.setVariable("decisionTypeName", ReconsiderationLabels.name(ReconsiderationLabels.DECISION_TYPE, type));
	}

}
