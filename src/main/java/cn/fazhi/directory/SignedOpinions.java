package cn.fazhi.directory;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

import cn.fazhi.system.engine.Privileged;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Keeps an opinion with its author, office and time — the law asks for each legal or
 * expert opinion to be attributable (《重大行政决策程序暂行条例》第19条、第28条): as a comment on the task
 * in Camunda history, and appended to a case variable that later forms show.
 */
@Component
public class SignedOpinions {

	private final Directory directory;

	private final TaskService taskService;

	private final IdentityService identityService;

	private final DateTimeFormatter format;

	SignedOpinions(Directory directory, TaskService taskService, IdentityService identityService,
			@Value("${fazhi.calendar.zone:Asia/Shanghai}") ZoneId zone) {
		this.directory = directory;
		this.taskService = taskService;
		this.identityService = identityService;
		this.format = DateTimeFormatter.ofPattern("yyyy年M月d日 HH:mm").withZone(zone);
	}

	/**
	 * @param summaryVariable process-instance variable the entry is appended to
	 * @param kind what the comment calls the opinion, e.g. 法律意见
	 */
	public void record(DelegateTask task, String opinion, String summaryVariable, String kind) {
		String author = task.getAssignee();
		String office = this.directory.officeOf(author).map(this.directory::officeName).orElse("");
		String entry = "【" + this.directory.displayName(author) + "，" + office + "，"
				+ this.format.format(ClockUtil.getCurrentTime().toInstant()) + "】" + opinion;
		Object previous = task.getExecution().getProcessInstance().getVariable(summaryVariable);
		String summary = (previous == null) ? entry : previous + "\n\n" + entry;
		task.getExecution().getProcessInstance().setVariable(summaryVariable, summary);
		Privileged.run(this.identityService,
				() -> this.taskService.createComment(task.getId(), task.getProcessInstanceId(), kind + "：" + opinion));
	}

}
