package cn.fazhi.legalreview;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

import cn.fazhi.directory.Directory;
import cn.fazhi.system.engine.Privileged;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import static cn.fazhi.legalreview.LegalityReviewModel.Variables.ADVISER_OPINION;
import static cn.fazhi.legalreview.LegalityReviewModel.Variables.ADVISER_OPINIONS_SUMMARY;

/**
 * {@code userTask_adviserOpinion}, event {@code complete}: every legal opinion is kept
 * with its author and time (Art 28) — as a comment on the task in Camunda history, and
 * appended to {@code adviserOpinionsSummary}, which the reviewer's form shows.
 */
@Component
class AdviserOpinionListener implements TaskListener {

	private final Directory directory;

	private final TaskService taskService;

	private final IdentityService identityService;

	private final DateTimeFormatter format;

	AdviserOpinionListener(Directory directory, TaskService taskService, IdentityService identityService,
			@Value("${fazhi.calendar.zone:Asia/Shanghai}") ZoneId zone) {
		this.directory = directory;
		this.taskService = taskService;
		this.identityService = identityService;
		this.format = DateTimeFormatter.ofPattern("yyyy年M月d日 HH:mm").withZone(zone);
	}

	@Override
	public void notify(DelegateTask task) {
		String author = task.getAssignee();
		String opinion = String.valueOf(task.getVariable(ADVISER_OPINION));
		String office = this.directory.officeOf(author).map(this.directory::officeName).orElse("");
		String entry = "【" + this.directory.displayName(author) + "，" + office + "，"
				+ this.format.format(ClockUtil.getCurrentTime().toInstant()) + "】" + opinion;
		Object previous = task.getExecution().getProcessInstance().getVariable(ADVISER_OPINIONS_SUMMARY);
		String summary = (previous == null) ? entry : previous + "\n\n" + entry;
		task.getExecution().getProcessInstance().setVariable(ADVISER_OPINIONS_SUMMARY, summary);
		Privileged.run(this.identityService,
				() -> this.taskService.createComment(task.getId(), task.getProcessInstanceId(), "法律意见：" + opinion));
	}

}
