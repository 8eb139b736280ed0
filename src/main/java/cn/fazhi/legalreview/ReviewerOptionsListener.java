package cn.fazhi.legalreview;

import java.util.List;
import java.util.Map;

import cn.fazhi.directory.PeopleOptions;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

import static cn.fazhi.legalreview.LegalityReviewModel.Variables.REVIEWER_OPTIONS;
import static cn.fazhi.legalreview.LegalityReviewModel.Variables.ROUTING;

/**
 * {@code userTask_assignReviewer}, event {@code create}: the people the head may choose
 * as reviewer (承办人) — the members of the reviewing office named by the routing table,
 * except those who sign off, so that the opinion is always signed by someone other than
 * its author.
 */
@Component
class ReviewerOptionsListener implements TaskListener {

	private final PeopleOptions options;

	ReviewerOptionsListener(PeopleOptions options) {
		this.options = options;
	}

	@Override
	public void notify(DelegateTask task) {
		Map<?, ?> routing = (Map<?, ?>) task.getVariable(ROUTING);
		String reviewerGroup = String.valueOf(routing.get("reviewerGroup"));
		String signOffGroup = String.valueOf(routing.get("signOffGroup"));
		task.setVariable(REVIEWER_OPTIONS,
				this.options.people(List.of(reviewerGroup), List.of(signOffGroup), List.of()));
	}

}
