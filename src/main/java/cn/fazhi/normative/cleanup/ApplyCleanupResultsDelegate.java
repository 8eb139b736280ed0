package cn.fazhi.normative.cleanup;

import java.time.LocalDate;
import java.util.Map;

import cn.fazhi.calendar.CaseClock;
import cn.fazhi.forms.FormRejections;
import cn.fazhi.normative.DocumentLifecycle;
import cn.fazhi.normative.register.CleanupDecision;
import cn.fazhi.normative.register.CleanupResults;
import cn.fazhi.normative.register.NormativeDocument;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import static cn.fazhi.normative.cleanup.NormativeCleanupModel.Variables.CAMPAIGN_TITLE;
import static cn.fazhi.normative.cleanup.NormativeCleanupModel.Variables.RESULTS;
import static cn.fazhi.normative.cleanup.NormativeCleanupModel.Variables.RESULTS_PUBLISHED_ON;

/**
 * {@code serviceTask_applyCleanupResults} (执行清理结果), in the transaction that publishes the
 * results: each document's outcome is recorded for the public list and carried out — 废止
 * and 宣布失效 end the document's case, 修改 starts its revision. A document another case
 * changed meanwhile is refused with 409 and nothing of the publication is kept.
 */
@Component
class ApplyCleanupResultsDelegate implements JavaDelegate {

	private final NormativeCleanupCase cleanup;

	private final DocumentLifecycle lifecycle;

	private final CleanupResults results;

	private final CaseClock clock;

	ApplyCleanupResultsDelegate(NormativeCleanupCase cleanup, DocumentLifecycle lifecycle, CleanupResults results,
			CaseClock clock) {
		this.cleanup = cleanup;
		this.lifecycle = lifecycle;
		this.results = results;
		this.clock = clock;
	}

	@Override
	public void execute(DelegateExecution execution) {
		LocalDate published = this.clock.parseDate(execution.getVariable(RESULTS_PUBLISHED_ON), "公布日期");
		if (published.isAfter(this.clock.today())) {
			throw FormRejections.reject(RESULTS_PUBLISHED_ON, "公布日期不得晚于今天：清理结果公布后再办理此步骤");
		}
		String campaign = (String) execution.getVariable(CAMPAIGN_TITLE);
		String key = execution.getProcessBusinessKey();
		for (Map<String, String> result : NormativeCleanupCase.results(execution)) {
			NormativeDocument document = this.cleanup.document(result.get("documentId"));
			CleanupDecision decision = CleanupDecision.valueOf(result.get("decision"));
			String reason = "经" + campaign + "（" + key + "）" + decision.label() + "：" + result.get("reason");
			switch (decision) {
				case REVISE -> this.lifecycle.startRevision(document.id(), reason, RESULTS);
				case REPEAL -> this.lifecycle.repeal(document.id(), reason, RESULTS);
				case DECLARE_INVALID -> this.lifecycle.declareInvalid(document.id(), reason, RESULTS);
				default -> {
				}
			}
			this.results.record(key, campaign, document.id(), decision, result.get("reason"), result.get("office"),
					published);
		}
		execution.setVariable("resultsPublishedOnText", CaseClock.text(published));
	}

}
