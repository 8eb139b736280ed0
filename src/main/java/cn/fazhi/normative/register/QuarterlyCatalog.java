package cn.fazhi.normative.register;

import java.util.List;

/**
 * The quarterly catalogue (按季度公布目录) as CSV (RFC 4180, UTF-8 with a byte-order mark so
 * that spreadsheet programs read the Chinese correctly).
 */
final class QuarterlyCatalog {

	static final String HEADER = "序号,文号,登记号,文件名称,制定机关,公布日期,施行日期,有效期,有效期至,状态";

	private QuarterlyCatalog() {
	}

	static String csv(List<NormativeDocument> documents) {
		StringBuilder csv = new StringBuilder("\uFEFF").append(HEADER).append("\r\n");
		int number = 0;
		for (NormativeDocument document : documents) {
			csv.append(++number)
				.append(',')
				.append(field(document.documentNumber()))
				.append(',')
				.append(field(document.registrationNumber()))
				.append(',')
				.append(field(document.title()))
				.append(',')
				.append(field(document.issuerName()))
				.append(',')
				.append(document.publishedOn())
				.append(',')
				.append(document.effectiveOn())
				.append(',')
				.append(document.validityYears())
				.append("年,")
				.append(document.validUntil())
				.append(',')
				.append(document.status().label())
				.append("\r\n");
		}
		return csv.toString();
	}

	/**
	 * Quoted when it holds a comma, quote or line break; a leading =, +, - or @ is
	 * defused.
	 */
	static String field(String value) {
		String text = (value == null) ? "" : value;
		if (!text.isEmpty() && "=+-@".indexOf(text.charAt(0)) >= 0) {
			text = "'" + text;
		}
		if (text.contains(",") || text.contains("\"") || text.contains("\n") || text.contains("\r")) {
			return "\"" + text.replace("\"", "\"\"") + "\"";
		}
		return text;
	}

}
