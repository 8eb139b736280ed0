package cn.fazhi.decision;

import java.util.ArrayList;
import java.util.List;

import cn.fazhi.forms.ChosenValues;
import cn.fazhi.forms.FormRejections;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

import static cn.fazhi.decision.MajorDecisionModel.Variables.AFFECTS_ENTERPRISES;
import static cn.fazhi.decision.MajorDecisionModel.Variables.EXPERTS;
import static cn.fazhi.decision.MajorDecisionModel.Variables.EXPERT_REVIEW_REQUIRED;
import static cn.fazhi.decision.MajorDecisionModel.Variables.HEARING_REQUIRED;
import static cn.fazhi.decision.MajorDecisionModel.Variables.LEGALITY_ROUND;
import static cn.fazhi.decision.MajorDecisionModel.Variables.RISK_ASSESSMENT_REQUIRED;

/**
 * Bean {@code majorDecisionCase} for expressions in major-decision.bpmn: the experts of
 * {@code userTask_expertOpinion} (multi-instance), and what
 * {@code callActivity_legalityReview} passes to the review.
 */
@Component("majorDecisionCase")
public class MajorDecisionCase {

	/**
	 * The chosen experts: JSON from Tasklist's checklist, or a list from Java.
	 */
	public List<String> experts(DelegateExecution execution) {
		List<String> ids = ChosenValues.of(execution.getVariable(EXPERTS));
		if (ids.isEmpty()) {
			throw FormRejections.reject(EXPERTS, "请至少选择一名论证专家");
		}
		return ids;
	}

	/**
	 * Business key of each review round: the case number with {@code -LR1}, {@code -LR2}
	 * …, so that every round is a case of its own in the legality office's records.
	 */
	public String legalityReviewKey(DelegateExecution execution) {
		Object previous = execution.getVariable(LEGALITY_ROUND);
		int round = (previous instanceof Number number) ? number.intValue() + 1 : 1;
		execution.setVariable(LEGALITY_ROUND, round);
		return execution.getProcessBusinessKey() + "-LR" + round;
	}

	/**
	 * 履行法定程序情况 for the review (第26条第1款 asks for it, 第27条(二) checks it), written from what
	 * the case records.
	 */
	public String proceduresPerformed(DelegateExecution execution) {
		List<String> lines = new ArrayList<>();
		lines.add("公开征求意见：" + execution.getVariable("commentPublishedOnText") + "发布，期限"
				+ execution.getVariable("commentPeriodDays") + "日，至" + execution.getVariable("commentPeriodEndText")
				+ "届满"
				+ (Boolean.TRUE.equals(execution.getVariable("commentPeriodShortened"))
						? "（缩短期限理由：" + execution.getVariable("shorteningReason") + "）" : "")
				+ "；收到意见" + execution.getVariable("commentsReceived") + "条，采纳情况："
				+ execution.getVariable("commentAdoption"));
		if (Boolean.TRUE.equals(execution.getVariable(HEARING_REQUIRED))) {
			lines.add("听证会：" + execution.getVariable("hearingDateText") + "举行，听证材料于"
					+ execution.getVariable("materialsDeliveredOnText") + "送达。");
		}
		if (Boolean.TRUE.equals(execution.getVariable(AFFECTS_ENTERPRISES))) {
			lines.add("听取企业意见：" + execution.getVariable("enterprisesConsulted"));
		}
		if (Boolean.TRUE.equals(execution.getVariable(EXPERT_REVIEW_REQUIRED))) {
			lines.add("专家论证：" + execution.getVariable("expertOpinionsSummary"));
		}
		if (Boolean.TRUE.equals(execution.getVariable(RISK_ASSESSMENT_REQUIRED))) {
			lines.add("风险评估：" + DecisionLabels.name(DecisionLabels.RISK_LEVEL, execution.getVariable("riskLevel"))
					+ "；防范措施：" + execution.getVariable("riskMeasures"));
		}
		return String.join("\n", lines);
	}

}
