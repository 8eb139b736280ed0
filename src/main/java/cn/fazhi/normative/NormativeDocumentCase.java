package cn.fazhi.normative;

import java.util.ArrayList;
import java.util.Date;
import java.util.List;

import cn.fazhi.calendar.WorkCalendarExpressions;
import cn.fazhi.clock.LegalClocks;

import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

import static cn.fazhi.normative.NormativeDocumentModel.Variables.AFFECTS_MARKET;
import static cn.fazhi.normative.NormativeDocumentModel.Variables.COMMENT_EXEMPT;
import static cn.fazhi.normative.NormativeDocumentModel.Variables.LEGALITY_ROUND;

/**
 * Bean {@code normativeDocumentCase} for expressions in normative-document.bpmn: what
 * {@code callActivity_legalityReview} passes to the review, and when
 * {@code timer_evaluationStarts} fires.
 */
@Component("normativeDocumentCase")
public class NormativeDocumentCase {

	private final LegalClocks clocks;

	private final WorkCalendarExpressions dates;

	NormativeDocumentCase(LegalClocks clocks, WorkCalendarExpressions dates) {
		this.clocks = clocks;
		this.dates = dates;
	}

	/**
	 * Business key of each review round: the case number with {@code -LR1}, {@code -LR2}
	 * …, so that every round is a case of its own in the legal-affairs office's records.
	 */
	public String legalityReviewKey(DelegateExecution execution) {
		Object previous = execution.getVariable(LEGALITY_ROUND);
		int round = (previous instanceof Number number) ? number.intValue() + 1 : 1;
		execution.setVariable(LEGALITY_ROUND, round);
		return execution.getProcessBusinessKey() + "-LR" + round;
	}

	/** 履行程序情况 for the review (国办发〔2018〕115号: 审核材料), written from the case. */
	public String proceduresPerformed(DelegateExecution execution) {
		List<String> lines = new ArrayList<>();
		lines.add("评估论证：" + execution.getVariable("necessityAssessment"));
		if (Boolean.TRUE.equals(execution.getVariable(AFFECTS_MARKET))) {
			lines.add("公平竞争审查：" + execution.getVariable("fairCompetitionConclusionName") + "。"
					+ execution.getVariable("fairCompetitionNote"));
		}
		if (Boolean.TRUE.equals(execution.getVariable(COMMENT_EXEMPT))) {
			lines.add("未公开征求意见，理由：" + execution.getVariable("commentExemptReason"));
		}
		else {
			lines.add("公开征求意见：" + execution.getVariable("commentPublishedOnText") + "发布，期限"
					+ execution.getVariable("commentPeriodDays") + "日，至" + execution.getVariable("commentPeriodEndText")
					+ "届满"
					+ (Boolean.TRUE.equals(execution.getVariable("commentPeriodShortened"))
							? "（缩短期限理由：" + execution.getVariable("shorteningReason") + "）" : "")
					+ "；收到意见" + execution.getVariable("commentsReceived") + "条，采纳情况："
					+ execution.getVariable("commentAdoption"));
		}
		return String.join("\n", lines);
	}

	/**
	 * For {@code timer_evaluationStarts}: the first day of the evaluation window
	 * ({@code ND_EXPIRY_EVALUATION}, started by {@code serviceTask_startValidity}).
	 */
	public Date evaluationStarts(DelegateExecution execution) {
		return this.clocks.open(execution, NormativeClocks.EXPIRY_EVALUATION)
			.map((clock) -> this.dates.startOfDay(clock.start().plusDays(1)))
			.orElseThrow(() -> new ProcessEngineException("the evaluation clock of " + execution.getProcessBusinessKey()
					+ " has not been started (serviceTask_startValidity)"));
	}

}
