package cn.fazhi.legalreview;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

import cn.fazhi.directory.PeopleOptions;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

import static cn.fazhi.legalreview.LegalityReviewModel.Variables.CONSULTEE_OPTIONS;
import static cn.fazhi.legalreview.LegalityReviewModel.Variables.REVIEWER;
import static cn.fazhi.legalreview.LegalityReviewModel.Variables.ROUTING;
import static cn.fazhi.legalreview.LegalityReviewModel.Variables.SUBMITTING_OFFICE;

/**
 * {@code userTask_review}, event {@code create}: the legal advisers and public lawyers
 * the reviewer may consult (Art 28), without anyone from the submitting office (回避) and
 * without the reviewer.
 */
@Component
class ConsulteeOptionsListener implements TaskListener {

	private final PeopleOptions options;

	ConsulteeOptionsListener(PeopleOptions options) {
		this.options = options;
	}

	@Override
	public void notify(DelegateTask task) {
		Map<?, ?> routing = (Map<?, ?>) task.getVariable(ROUTING);
		List<String> groups = Arrays.stream(String.valueOf(routing.get("consultGroups")).split(","))
			.map(String::strip)
			.filter((group) -> !group.isEmpty())
			.toList();
		task.setVariable(CONSULTEE_OPTIONS,
				this.options.people(groups, List.of(String.valueOf(task.getVariable(SUBMITTING_OFFICE))),
						List.of(String.valueOf(task.getVariable(REVIEWER)))));
	}

}
