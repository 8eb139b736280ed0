package cn.fazhi.reconsideration;

import java.time.LocalDate;

import cn.fazhi.calendar.CaseClock;
import cn.fazhi.clock.LegalClock;
import cn.fazhi.clock.LegalClocks;
import cn.fazhi.directory.Directory;
import cn.fazhi.directory.DirectoryDocument.OfficeKind;
import cn.fazhi.forms.FormRejections;
import cn.fazhi.system.CaseNumbers;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import static cn.fazhi.reconsideration.ReconsiderationModel.Variables.ACT_DATE;
import static cn.fazhi.reconsideration.ReconsiderationModel.Variables.CASE_NUMBER;
import static cn.fazhi.reconsideration.ReconsiderationModel.Variables.INFORMED_OF_RIGHTS;
import static cn.fazhi.reconsideration.ReconsiderationModel.Variables.KNOWLEDGE_DATE;
import static cn.fazhi.reconsideration.ReconsiderationModel.Variables.REAL_PROPERTY;
import static cn.fazhi.reconsideration.ReconsiderationModel.Variables.RESPONDENT;

/**
 * {@code serviceTask_registerApplication} (登记申请), in the transaction of the start: a
 * refusal here stores nothing. Checks that the respondent is an organ this government
 * hears cases against and that the dates are possible, gives the case its number (案号, per
 * organ and year, gapless), works out whether the application is in time (第20条: 60 days;
 * one year at most when the organ did not inform of the right; 第21条: 5 years, 20 for real
 * property) for the handler to see, and starts the 5-working-day acceptance review
 * (第30条).
 */
@Component
class RegisterApplicationDelegate implements JavaDelegate {

	static final String CASE_PREFIX = "RC";

	private final Directory directory;

	private final CaseNumbers caseNumbers;

	private final LegalClocks clocks;

	private final CaseClock clock;

	private final String caseNumberFormat;

	private final String jurisdiction;

	RegisterApplicationDelegate(Directory directory, CaseNumbers caseNumbers, LegalClocks clocks, CaseClock clock,
			@Value("${fazhi.reconsideration.case-number-format}") String caseNumberFormat,
			@Value("${fazhi.jurisdiction:national}") String jurisdiction) {
		this.directory = directory;
		this.caseNumbers = caseNumbers;
		this.clocks = clocks;
		this.clock = clock;
		this.caseNumberFormat = caseNumberFormat;
		this.jurisdiction = jurisdiction;
	}

	@Override
	public void execute(DelegateExecution execution) {
		// input
		LocalDate today = this.clock.today();
		String respondent = String.valueOf(execution.getVariable(RESPONDENT));
		LocalDate knowledge = this.clock.parseDate(execution.getVariable(KNOWLEDGE_DATE), "知道该行政行为之日");
		LocalDate act = this.clock.parseDate(execution.getVariable(ACT_DATE), "行政行为作出日期");
		boolean informed = !Boolean.FALSE.equals(execution.getVariable(INFORMED_OF_RIGHTS));
		boolean realProperty = Boolean.TRUE.equals(execution.getVariable(REAL_PROPERTY));
		// processing
		boolean known = this.directory.office(respondent)
			.map((office) -> office.kind() == OfficeKind.DEPARTMENT)
			.orElse(false);
		if (!known) {
			throw FormRejections.reject(RESPONDENT,
					"被申请人“" + respondent + "”不是本机关管辖的行政机关：本级人民政府只审理对其工作部门等作出的行政行为的申请（第24条）");
		}
		if (knowledge.isAfter(today)) {
			throw FormRejections.reject(KNOWLEDGE_DATE, "「知道或者应当知道该行政行为之日」" + CaseClock.text(knowledge) + "晚于今天，请核对");
		}
		if (act.isAfter(today)) {
			throw FormRejections.reject(ACT_DATE, "「行政行为作出日期」" + CaseClock.text(act) + "晚于今天，请核对");
		}
		if (knowledge.isBefore(act)) {
			throw FormRejections.reject(KNOWLEDGE_DATE, "「知道或者应当知道该行政行为之日」早于行政行为作出日期，请核对");
		}
		String caseNumber = caseNumber(execution, today);
		execution.setVariable("jurisdiction", this.jurisdiction);
		LegalClock period = this.clocks.start(execution,
				informed ? ReconsiderationModel.Clocks.APPLICATION : ReconsiderationModel.Clocks.APPLICATION_UNINFORMED,
				knowledge);
		this.clocks.close(execution.getProcessInstanceId(), period.code());
		LocalDate bar = act.plusYears(realProperty ? 20 : 5);
		boolean inTime = !today.isAfter(period.due()) && !today.isAfter(bar);
		String timeliness = (inTime ? "在申请期限内。" : "已超过申请期限，请审查是否有正当理由（第20条第2款）。") + "申请期限至"
				+ CaseClock.text(period.due()) + "（" + period.article() + "）；最长保护期限至" + CaseClock.text(bar) + "（第21条："
				+ (realProperty ? "不动产20年" : "5年") + "）。";
		LegalClock acceptance = this.clocks.start(execution, ReconsiderationModel.Clocks.ACCEPTANCE, today);
		// output
		execution.setVariable(CASE_NUMBER, caseNumber);
		execution.setVariable("receivedOn", this.clock.now());
		execution.setVariable("receivedOnText", CaseClock.text(today));
		execution.setVariable("respondentName", this.directory.officeName(respondent));
		execution.setVariable("applicationChannelName",
				ReconsiderationLabels.name(ReconsiderationLabels.CHANNEL, execution.getVariable("applicationChannel")));
		execution.setVariable("withinTime", inTime);
		execution.setVariable("timelinessText", timeliness);
		this.clocks.mirror(acceptance, execution, "acceptanceDue");
		execution.setVariable("correctionRound", 1);
		execution.setVariable("hearingNoticeMinDays",
				this.clocks.rule(execution, ReconsiderationModel.Clocks.HEARING_NOTICE).length());
		for (String flag : new String[] { "corrected", "deemedAccepted", "replyMissed", "opinionsHeard", "hearingHeld",
				"committeeConsulted", "majorCase", "incidentalReviewRequested", "compensationClaimed",
				"opinionLetterIssued" }) {
			execution.setVariable(flag, Boolean.TRUE.equals(execution.getVariable(flag)));
		}
	}

	private String caseNumber(DelegateExecution execution, LocalDate today) {
		String given = execution.getProcessBusinessKey();
		if (given != null && !given.isBlank()) {
			return given;
		}
		String generated = this.caseNumbers.next(CASE_PREFIX, today.getYear(), this.caseNumberFormat);
		execution.setProcessBusinessKey(generated);
		return generated;
	}

}
