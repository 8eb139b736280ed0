package cn.fazhi.decision;

import java.time.LocalDate;

import cn.fazhi.calendar.CaseClock;
import cn.fazhi.clock.LegalClocks;
import cn.fazhi.forms.FormRejections;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

import static cn.fazhi.decision.MajorDecisionModel.Variables.HEARING_DATE;
import static cn.fazhi.decision.MajorDecisionModel.Variables.HEARING_NOTICE_PUBLISHED_ON;
import static cn.fazhi.decision.MajorDecisionModel.Variables.MATERIALS_DELIVERED_ON;

/**
 * {@code userTask_scheduleHearing}, event {@code complete}: the hearing's draft, time and
 * place are published before it, and its materials reach the participants at least the
 * jurisdiction's number of days before ({@code MD_HEARING_MATERIALS} in deadline-rules;
 * national: 7 calendar days, 第16条).
 */
@Component
class HearingNoticeListener implements TaskListener {

	private final CaseClock clock;

	private final LegalClocks clocks;

	HearingNoticeListener(CaseClock clock, LegalClocks clocks) {
		this.clock = clock;
		this.clocks = clocks;
	}

	@Override
	public void notify(DelegateTask task) {
		// input
		LocalDate hearing = this.clock.parseDate(task.getVariable(HEARING_DATE), "听证会日期");
		LocalDate notice = this.clock.parseDate(task.getVariable(HEARING_NOTICE_PUBLISHED_ON), "公布听证事项日期");
		LocalDate materials = this.clock.parseDate(task.getVariable(MATERIALS_DELIVERED_ON), "听证材料送达日期");
		int leadDays = this.clocks.rule(task.getExecution(), DecisionClocks.HEARING_MATERIALS).length();
		// processing
		if (!notice.isBefore(hearing)) {
			throw FormRejections.reject(HEARING_NOTICE_PUBLISHED_ON, "应当在听证会召开前公布决策草案及其说明、听证时间和地点（第16条第2款）");
		}
		LocalDate latest = hearing.minusDays(leadDays);
		if (materials.isAfter(latest)) {
			throw FormRejections.reject(MATERIALS_DELIVERED_ON, "听证材料应当于听证会召开" + leadDays + "日前送达听证参加人（第16条第3款）：听证会定于"
					+ CaseClock.text(hearing) + "，材料最迟应于" + CaseClock.text(latest) + "送达");
		}
		// output
		task.setVariable("hearingDateText", CaseClock.text(hearing));
		task.setVariable("materialsDeliveredOnText", CaseClock.text(materials));
	}

}
