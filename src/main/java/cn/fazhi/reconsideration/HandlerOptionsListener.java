package cn.fazhi.reconsideration;

import java.util.List;
import java.util.Map;

import cn.fazhi.directory.PeopleOptions;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * {@code userTask_chooseProcedure}, event {@code create}: the reconsideration office's
 * people the head may designate as handlers (行政复议人员, 第36条).
 */
@Component
class HandlerOptionsListener implements TaskListener {

	private final PeopleOptions options;

	HandlerOptionsListener(PeopleOptions options) {
		this.options = options;
	}

	@Override
	public void notify(DelegateTask task) {
		Map<?, ?> routing = (Map<?, ?>) task.getVariable("reconsiderationRouting");
		task.setVariable("handlerOptions",
				this.options.people(List.of(String.valueOf(routing.get("officeGroup"))), List.of(), List.of()));
	}

}
