package cn.fazhi.audit;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.List;
import java.util.Map;

import cn.fazhi.audit.compliance.ComplianceCheck;
import cn.fazhi.audit.compliance.ComplianceReport;
import cn.fazhi.audit.compliance.ComplianceReport.Result;
import cn.fazhi.decision.MajorDecisionModel;
import cn.fazhi.directory.Directory;
import cn.fazhi.legalreview.LegalityReviewModel;
import cn.fazhi.system.engine.Privileged;
import cn.fazhi.system.web.ApiException;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricProcessInstanceQuery;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The compliance check over every case of a year and lead office ({@code GET
 * /api/audit/compliance?year=&office=}): major decisions by their lead office (承办单位),
 * legality reviews started on their own by their submitting office (a review a decision
 * called is part of that decision's report). Auditors and administrators get every case;
 * anyone else the cases Camunda lets them read.
 */
@Component
class ComplianceBatch {

	static final int FIRST_YEAR = 2000;

	static final int LAST_YEAR = 2100;

	private final HistoryService historyService;

	private final IdentityService identityService;

	private final AuditCases cases;

	private final CaseReplay replay;

	private final ComplianceCheck check;

	private final Directory directory;

	private final ZoneId zone;

	ComplianceBatch(HistoryService historyService, IdentityService identityService, AuditCases cases, CaseReplay replay,
			ComplianceCheck check, Directory directory, @Value("${fazhi.calendar.zone:Asia/Shanghai}") ZoneId zone) {
		this.historyService = historyService;
		this.identityService = identityService;
		this.cases = cases;
		this.replay = replay;
		this.check = check;
		this.directory = directory;
		this.zone = zone;
	}

	/**
	 * @param office the lead office's directory id, or null for all offices
	 * @param passed cases without a failed rule
	 * @param cases one summary per case, oldest first
	 */
	record BatchCompliance(int year, String office, String officeName, OffsetDateTime checkedAt, int caseCount,
			int passed, int failed, List<CaseSummary> cases) {
	}

	/**
	 * @param failures every failed rule of the case and of the reviews it called
	 */
	record CaseSummary(String businessKey, String processKey, String title, String state, OffsetDateTime startTime,
			String overall, Map<String, Integer> counts, List<Failure> failures) {
	}

	/**
	 * A failed rule; {@code businessKey} names the case (or called review) it failed in.
	 */
	record Failure(String businessKey, String ruleId, String title, String article, String explanation) {
	}

	BatchCompliance check(String yearText, String office) {
		int year = year(yearText);
		String officeId = (office == null || office.isBlank()) ? null : office.strip();
		if (officeId != null && this.directory.office(officeId).isEmpty()) {
			throw ApiException.badRequest("office", "单位“" + officeId + "”不在组织目录中，请使用组织目录中的单位编号（如 dept-nrp）");
		}
		boolean everything = this.cases.seesEverything();
		Date from = Date.from(LocalDate.of(year, 1, 1).atStartOfDay(this.zone).toInstant());
		Date to = Date.from(LocalDate.of(year + 1, 1, 1).atStartOfDay(this.zone).toInstant());
		List<HistoricProcessInstance> found = new ArrayList<>();
		found.addAll(
				casesOf(MajorDecisionModel.PROCESS_KEY, MajorDecisionModel.Variables.LEAD_OFFICE, officeId, from, to));
		found.addAll(casesOf(LegalityReviewModel.PROCESS_KEY, LegalityReviewModel.Variables.SUBMITTING_OFFICE, officeId,
				from, to));
		found.sort(Comparator.comparing(HistoricProcessInstance::getStartTime)
			.thenComparing(HistoricProcessInstance::getId));
		List<CaseSummary> summaries = new ArrayList<>();
		for (HistoricProcessInstance instance : found) {
			if (everything || this.cases.mayRead(instance.getId())) {
				summaries
					.add(summary(this.check.check(this.replay.replay(instance.getId()), instance.getId()), instance));
			}
		}
		int passed = (int) summaries.stream().filter((summary) -> "PASS".equals(summary.overall())).count();
		return new BatchCompliance(year, officeId, (officeId == null) ? null : this.directory.officeName(officeId),
				ClockUtil.getCurrentTime().toInstant().atZone(this.zone).toOffsetDateTime(), summaries.size(), passed,
				summaries.size() - passed, summaries);
	}

	private List<HistoricProcessInstance> casesOf(String processKey, String officeVariable, String office, Date from,
			Date to) {
		return Privileged.call(this.identityService, () -> {
			HistoricProcessInstanceQuery query = this.historyService.createHistoricProcessInstanceQuery()
				.processDefinitionKey(processKey)
				.rootProcessInstances()
				.startedAfter(from)
				.startedBefore(to);
			if (office != null) {
				query.variableValueEquals(officeVariable, office);
			}
			return query.list();
		});
	}

	private CaseSummary summary(ComplianceReport report, HistoricProcessInstance instance) {
		List<Failure> failures = new ArrayList<>();
		collect(report, failures);
		return new CaseSummary(report.businessKey(), report.processKey(), report.title(), report.state(),
				instance.getStartTime().toInstant().atZone(this.zone).toOffsetDateTime(), report.overall(),
				report.counts(), failures);
	}

	private static void collect(ComplianceReport report, List<Failure> failures) {
		report.rules()
			.stream()
			.filter((rule) -> rule.result() == Result.FAIL)
			.forEach((rule) -> failures
				.add(new Failure(report.businessKey(), rule.id(), rule.title(), rule.article(), rule.explanation())));
		report.calledCases().forEach((called) -> collect(called, failures));
	}

	private static int year(String text) {
		int year;
		try {
			year = Integer.parseInt((text == null) ? "" : text.strip());
		}
		catch (NumberFormatException ex) {
			throw ApiException.badRequest("year", "年份“" + text + "”格式不正确，应为四位数字，如 2026");
		}
		if (year < FIRST_YEAR || year > LAST_YEAR) {
			throw ApiException.badRequest("year", "年份应在 " + FIRST_YEAR + " 至 " + LAST_YEAR + " 之间，当前为 " + year);
		}
		return year;
	}

}
