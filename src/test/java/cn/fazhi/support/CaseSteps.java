package cn.fazhi.support;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What every process driver needs from the engine: the open task of a step, and the job
 * (timer or asynchronous step) waiting at an element — failing loudly when it is not
 * there, so that a test never steps past a missing wait state.
 */
public final class CaseSteps {

	private final TaskService taskService;

	private final ManagementService managementService;

	public CaseSteps(TaskService taskService, ManagementService managementService) {
		this.taskService = taskService;
		this.managementService = managementService;
	}

	public Task task(String processInstanceId, String taskKey) {
		Task task = this.taskService.createTaskQuery()
			.processInstanceId(processInstanceId)
			.taskDefinitionKey(taskKey)
			.singleResult();
		assertThat(task).as("open task %s", taskKey).isNotNull();
		return task;
	}

	public Job job(String processInstanceId, String activityId) {
		Job job = this.managementService.createJobQuery()
			.processInstanceId(processInstanceId)
			.activityId(activityId)
			.singleResult();
		assertThat(job).as("job at %s", activityId).isNotNull();
		return job;
	}

	/**
	 * Runs the job waiting at an element: fires a timer, or runs an asynchronous step.
	 */
	public void executeJob(String processInstanceId, String activityId) {
		this.managementService.executeJob(job(processInstanceId, activityId).getId());
	}

}
