package cn.fazhi.legalreview;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;

import cn.fazhi.calendar.CaseClock;
import cn.fazhi.calendar.WorkingDayCalendarFixture;
import cn.fazhi.directory.Directory;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.willAnswer;
import static org.mockito.Mockito.mock;

/**
 * Rules inside the review's delegates and listeners that the national process test cannot
 * reach: 审签分离 when a head is the reviewer, and a jurisdiction that excludes supplement
 * time from the review period.
 */
class LegalityReviewListenersTest {

	@AfterEach
	void resetClock() {
		ClockUtil.reset();
	}

	@Test
	void shouldNotLetTheReviewerSignHisOwnOpinion() {
		// given: the head was made reviewer (the form offers no heads, but a directory
		// may change)
		Map<String, Object> variables = new HashMap<>(Map.of("reviewer", "wujun", "signOffDecision", "APPROVE"));
		DelegateTask task = task("wujun", variables);
		LegalitySignOffListener listener = new LegalitySignOffListener(mock(Directory.class));
		// when / then
		assertThatThrownBy(() -> listener.notify(task)).isInstanceOf(FormFieldValidationException.class)
			.hasMessageContaining("审签分离");
		assertThat(variables).doesNotContainKey("legalitySignedOffBy");
	}

	@Test
	void shouldRecordWhoSignedAndWhen() {
		// given
		ClockUtil.setCurrentTime(Date.from(OffsetDateTime.parse("2025-10-20T09:30:00+08:00").toInstant()));
		Directory directory = mock(Directory.class);
		given(directory.displayName("wujun")).willReturn("吴军");
		Map<String, Object> variables = new HashMap<>(Map.of("reviewer", "zhouqiang", "signOffDecision", "APPROVE"));
		// when
		new LegalitySignOffListener(directory).notify(task("wujun", variables));
		// then
		assertThat(variables).containsEntry("legalitySignedOffBy", "wujun")
			.containsEntry("legalitySignedOffByName", "吴军")
			.containsEntry("legalitySignedOffAt", ClockUtil.getCurrentTime());
	}

	@Test
	void shouldMoveTheReviewDeadlineByTheSupplementTimeWhereTheJurisdictionExcludesIt() {
		// given: city A's rule, a review due 23 October 2025, supplements requested on 26
		// September
		CaseClock clock = clock();
		Map<String, Object> variables = new HashMap<>();
		variables.put("reviewPeriods",
				Map.of("floorWorkingDays", 7, "limitWorkingDays", 15, "extensionWorkingDays", 10, "intakeWorkingDays",
						3, "supplementCalendarDays", 3, "excludeSupplementTime", true, "periodBasis", "A市"));
		variables.put("supplementRequestedAt", at("2025-09-26T10:00:00+08:00"));
		ReviewDates.set(variableScope(variables), clock, "reviewFloorDate", LocalDate.parse("2025-10-13"));
		ReviewDates.set(variableScope(variables), clock, "reviewDueDate", LocalDate.parse("2025-10-23"));
		// when: the office supplies them on Monday 29 September (2 working days: Sun 28
		// is a make-up day)
		ClockUtil.setCurrentTime(at("2025-09-29T16:00:00+08:00"));
		new RecordSupplementDelegate(clock).execute(variableScope(variables));
		// then: both dates move on by 2 working days
		assertThat(variables).containsEntry("supplementWorkingDays", 2)
			.containsEntry("reviewFloorDateText", "2025年10月15日")
			.containsEntry("reviewDueDateText", "2025年10月27日")
			.containsEntry("intakeDueDateText", "2025年10月10日");
	}

	private static CaseClock clock() {
		var calendar = WorkingDayCalendarFixture.bundled();
		return new CaseClock(calendar, WorkingDayCalendarFixture.expressions(calendar));
	}

	private static Date at(String instant) {
		return Date.from(OffsetDateTime.parse(instant).toInstant());
	}

	private static DelegateTask task(String assignee, Map<String, Object> variables) {
		DelegateTask task = mock(DelegateTask.class);
		given(task.getAssignee()).willReturn(assignee);
		given(task.getVariable(anyString())).willAnswer((call) -> variables.get(call.getArgument(0, String.class)));
		willAnswer((call) -> variables.put(call.getArgument(0), call.getArgument(1))).given(task)
			.setVariable(anyString(), org.mockito.ArgumentMatchers.any());
		return task;
	}

	private static DelegateExecution variableScope(Map<String, Object> variables) {
		DelegateExecution execution = mock(DelegateExecution.class);
		given(execution.getVariable(anyString()))
			.willAnswer((call) -> variables.get(call.getArgument(0, String.class)));
		willAnswer((call) -> variables.put(call.getArgument(0), call.getArgument(1))).given(execution)
			.setVariable(anyString(), org.mockito.ArgumentMatchers.any());
		return execution;
	}

}
