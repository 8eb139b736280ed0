package cn.fazhi.legalreview;

import java.util.Map;

import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.delegate.VariableScope;

/**
 * The row of {@code legality-review-periods.dmn} that applies to this review (variable
 * {@code reviewPeriods}, the decision's single result).
 */
record ReviewPeriods(int floorWorkingDays, int limitWorkingDays, int extensionWorkingDays, int intakeWorkingDays,
		int supplementCalendarDays, boolean excludeSupplementTime, String basis) {

	static ReviewPeriods of(VariableScope scope) {
		if (!(scope.getVariable(LegalityReviewModel.Variables.PERIODS) instanceof Map<?, ?> row)) {
			throw new ProcessEngineException("legality-review-periods gave no result for this review");
		}
		return new ReviewPeriods(number(row, "floorWorkingDays"), number(row, "limitWorkingDays"),
				number(row, "extensionWorkingDays"), number(row, "intakeWorkingDays"),
				number(row, "supplementCalendarDays"), Boolean.TRUE.equals(row.get("excludeSupplementTime")),
				String.valueOf(row.get("periodBasis")));
	}

	private static int number(Map<?, ?> row, String name) {
		if (!(row.get(name) instanceof Number value)) {
			throw new ProcessEngineException("legality-review-periods: output " + name + " is missing");
		}
		return value.intValue();
	}

}
