package cn.fazhi.audit;

import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import cn.fazhi.audit.CaseTimeline.ClockEvent;
import cn.fazhi.audit.CaseTimeline.Step;
import cn.fazhi.legalreview.LegalityReviewProcess;
import cn.fazhi.support.ActingUser;
import cn.fazhi.support.FazhiSpringTest;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The clock events of a replay: the due date a task was created with, a later change of
 * it through the API (who changed it, from what to what), and an overdue state a
 * procedure records.
 */
@FazhiSpringTest
@DisplayName("回溯：办理期限及其修改、超期记录")
class CaseReplayTest {

	@Autowired
	CaseReplay replay;

	@Autowired
	LegalityReviewProcess review;

	@Autowired
	TaskService taskService;

	@Autowired
	RuntimeService runtimeService;

	@Autowired
	IdentityService identityService;

	@Test
	void shouldShowTheDueDateItsChangeWithWhoChangedItAndARecordedOverdueState() {
		// given: a review whose intake task the administrator gives a later due date
		ProcessInstance instance = new ActingUser(this.identityService).as("zhangwei",
				() -> this.review.start("LR-CLOCK-" + System.nanoTime(), form()));
		Task intake = this.taskService.createTaskQuery().processInstanceId(instance.getId()).singleResult();
		Date original = intake.getDueDate();
		Date later = new Date(original.getTime() + 3L * 24 * 3600 * 1000);
		new ActingUser(this.identityService).as("demo", () -> {
			this.taskService.setDueDate(intake.getId(), later);
			this.runtimeService.setVariable(instance.getId(), "overdueSince", later);
		});

		// when
		CaseTimeline timeline = this.replay.replay(instance.getId());

		// then: the intake step, current when both happened, shows them
		Step step = timeline.steps()
			.stream()
			.filter((candidate) -> "userTask_intake".equals(candidate.activityId()))
			.findFirst()
			.orElseThrow();
		List<ClockEvent> events = step.clockEvents();
		assertThat(events).extracting(ClockEvent::kind)
			.containsExactly("TASK_DUE", "DUE_DATE_CHANGED", "OVERDUE_RECORDED");
		assertThat(events.get(0).dueDate().toInstant()).isEqualTo(original.toInstant());
		ClockEvent changed = events.get(1);
		assertThat(changed.previousDueDate().toInstant()).isEqualTo(original.toInstant());
		assertThat(changed.dueDate().toInstant()).isEqualTo(later.toInstant());
		assertThat(changed.by().id()).isEqualTo("demo");
		assertThat(step.task().dueDate().toInstant()).isEqualTo(later.toInstant());
		assertThat(events).allSatisfy((event) -> assertThat(event.source()).isEqualTo("camunda"));
	}

	private static Map<String, Object> form() {
		Map<String, Object> form = new HashMap<>();
		form.put("matterTitle", "示范市公共停车设施管理办法");
		form.put("matterType", "NORMATIVE_DOCUMENT");
		form.put("draftSummary", "第一条 ……");
		form.put("legalBasisCited", "《中华人民共和国道路交通安全法》");
		form.put("proceduresPerformed", "已公开征求意见30日。");
		form.put("contactPerson", "张伟");
		form.put("contactPhone", "0571-88886666");
		return form;
	}

}
