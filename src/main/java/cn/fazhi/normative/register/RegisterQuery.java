package cn.fazhi.normative.register;

import java.util.Arrays;
import java.util.List;

import cn.fazhi.system.web.ApiException;

/**
 * The public register's request parameters, checked with messages that say what is wrong
 * and what is expected.
 */
final class RegisterQuery {

	static final int MAX_QUERY = 100;

	private RegisterQuery() {
	}

	static String query(String q) {
		if (q != null && q.length() > MAX_QUERY) {
			throw ApiException.badRequest("q", "检索词过长：参数 q 最多 " + MAX_QUERY + " 个字");
		}
		return (q == null) ? "" : q.strip();
	}

	/** Null for all; a code ({@code VALID}) or a label ({@code 有效}). */
	static DocumentStatus status(String status) {
		if (status == null || status.isBlank()) {
			return null;
		}
		return DocumentStatus.of(status)
			.orElseThrow(() -> ApiException.badRequest("status", "参数 status 的值“" + status + "”无效，应为 " + choices()));
	}

	/** "VALID（有效）、EXPIRED（失效）、REPEALED（废止）或 UNDER_REVISION（修订中）". */
	private static String choices() {
		List<String> all = Arrays.stream(DocumentStatus.values())
			.map((value) -> value.name() + "（" + value.label() + "）")
			.toList();
		return String.join("、", all.subList(0, all.size() - 1)) + "或 " + all.get(all.size() - 1);
	}

	static int year(String year) {
		if (year == null || year.isBlank()) {
			throw ApiException.badRequest("year", "缺少参数 year（年度），例如 year=2026");
		}
		try {
			int value = Integer.parseInt(year.strip());
			if (value < 2000 || value > 2100) {
				throw new NumberFormatException();
			}
			return value;
		}
		catch (NumberFormatException ex) {
			throw ApiException.badRequest("year", "参数 year 的值“" + year + "”不是有效年度，应为 2000 年以后的四位数字，例如 2026");
		}
	}

	static int quarter(String quarter) {
		if (quarter == null || quarter.isBlank()) {
			throw ApiException.badRequest("quarter", "缺少参数 quarter（季度），应为 1、2、3 或 4");
		}
		return switch (quarter.strip()) {
			case "1", "2", "3", "4" -> Integer.parseInt(quarter.strip());
			default -> throw ApiException.badRequest("quarter", "参数 quarter 的值“" + quarter + "”无效，应为 1、2、3 或 4");
		};
	}

}
