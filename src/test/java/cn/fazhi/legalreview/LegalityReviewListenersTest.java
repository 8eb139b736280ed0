package cn.fazhi.legalreview;

import java.time.OffsetDateTime;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;

import cn.fazhi.directory.Directory;

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

	private static DelegateTask task(String assignee, Map<String, Object> variables) {
		DelegateTask task = mock(DelegateTask.class);
		given(task.getAssignee()).willReturn(assignee);
		given(task.getVariable(anyString())).willAnswer((call) -> variables.get(call.getArgument(0, String.class)));
		willAnswer((call) -> variables.put(call.getArgument(0), call.getArgument(1))).given(task)
			.setVariable(anyString(), org.mockito.ArgumentMatchers.any());
		return task;
	}

}
