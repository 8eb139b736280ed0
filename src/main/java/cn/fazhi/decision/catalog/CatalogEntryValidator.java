package cn.fazhi.decision.catalog;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;

import cn.fazhi.directory.Directory;
import cn.fazhi.directory.DirectoryDocument.Office;
import cn.fazhi.directory.DirectoryDocument.OfficeKind;
import cn.fazhi.system.web.ApiException;

import org.springframework.stereotype.Component;

/**
 * Checks a matter the secretariat enters before anything is written, answering each
 * mistake with the field's name and a message the clerk can act on.
 * <p>
 * The undertaking office must be an office of the administration in the directory: the
 * expert pool, outside law firms and the read-only audit office cannot carry a decision
 * procedure (their groups have no rights to work on its tasks).
 */
@Component
class CatalogEntryValidator {

	static final int MIN_YEAR = 2000;

	static final int MAX_YEAR = 2100;

	static final int MAX_TITLE = 200;

	static final int MAX_TIMING = 100;

	private static final Set<OfficeKind> LEAD_OFFICE_KINDS = EnumSet.of(OfficeKind.DEPARTMENT, OfficeKind.SECRETARIAT,
			OfficeKind.LEGAL_AFFAIRS, OfficeKind.RECONSIDERATION);

	private final Directory directory;

	CatalogEntryValidator(Directory directory) {
		this.directory = directory;
	}

	CatalogFields validate(NewCatalogEntry entry) {
		if (entry == null) {
			throw ApiException.badRequest("body", "请求体应为决策事项的 JSON，例如 {\"year\":2026,\"title\":\"…\",\"category\":"
					+ "\"PUBLIC_POLICY\",\"leadOffice\":\"dept-nrp\"}");
		}
		return new CatalogFields(year(entry.year()), title(entry.title()), category(entry.category()),
				leadOffice(entry.leadOffice()), Boolean.TRUE.equals(entry.hearingRequired()),
				Boolean.TRUE.equals(entry.expertReviewRequired()), Boolean.TRUE.equals(entry.riskAssessmentRequired()),
				plannedTiming(entry.plannedTiming()));
	}

	static int year(Integer year) {
		if (year == null) {
			throw ApiException.badRequest("year", "请填写目录年度（year），例如 2026");
		}
		if (year < MIN_YEAR || year > MAX_YEAR) {
			throw ApiException.badRequest("year", "目录年度应在 " + MIN_YEAR + " 至 " + MAX_YEAR + " 之间，现为 " + year);
		}
		return year;
	}

	private static String title(String title) {
		String text = (title == null) ? "" : title.strip();
		if (text.isEmpty()) {
			throw ApiException.badRequest("title", "请填写决策事项名称（title）");
		}
		if (text.length() > MAX_TITLE) {
			throw ApiException.badRequest("title", "决策事项名称不能超过 " + MAX_TITLE + " 个字，现为 " + text.length() + " 个字");
		}
		if (text.chars().anyMatch(Character::isISOControl)) {
			throw ApiException.badRequest("title", "决策事项名称不能包含换行、制表符等控制字符");
		}
		return text;
	}

	private static DecisionCategory category(String category) {
		String code = (category == null) ? "" : category.strip();
		return Arrays.stream(DecisionCategory.values())
			.filter((candidate) -> candidate.name().equals(code))
			.findFirst()
			.orElseThrow(() -> ApiException.badRequest("category",
					(code.isEmpty() ? "请选择决策事项类别（category）" : "决策事项类别“" + code + "”无效") + "，应为以下之一："
							+ Arrays.stream(DecisionCategory.values())
								.map((candidate) -> candidate.name() + "（" + candidate.label() + "）")
								.collect(Collectors.joining("；"))));
	}

	private String leadOffice(String leadOffice) {
		String id = (leadOffice == null) ? "" : leadOffice.strip();
		if (id.isEmpty()) {
			throw ApiException.badRequest("leadOffice", "请填写承办单位（leadOffice，组织机构编码，例如 dept-nrp）");
		}
		Office office = this.directory.office(id)
			.orElseThrow(() -> ApiException.badRequest("leadOffice", "组织机构目录中没有编码为“" + id + "”的单位"));
		if (!LEAD_OFFICE_KINDS.contains(office.kind())) {
			throw ApiException.badRequest("leadOffice", "“" + office.name() + "”不是承办决策事项的行政机关工作部门，不能作为承办单位");
		}
		return id;
	}

	private static String plannedTiming(String plannedTiming) {
		String text = (plannedTiming == null) ? "" : plannedTiming.strip();
		if (text.length() > MAX_TIMING) {
			throw ApiException.badRequest("plannedTiming", "计划完成时间不能超过 " + MAX_TIMING + " 个字，例如“2026年第三季度”");
		}
		if (text.chars().anyMatch(Character::isISOControl)) {
			throw ApiException.badRequest("plannedTiming", "计划完成时间不能包含换行、制表符等控制字符");
		}
		return text.isEmpty() ? null : text;
	}

}
