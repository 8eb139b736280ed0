package cn.fazhi.normative;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Chinese names of the procedure's codes, for forms, the register and the audit trail.
 * The codes are the options of the Camunda Forms in forms/normative-document/.
 */
public final class NormativeLabels {

	public static final Map<String, String> ISSUER_TYPE = Map.of("GOVERNMENT", "以政府名义发布", "DEPARTMENT", "以部门名义发布");

	public static final Map<String, String> FAIR_COMPETITION = Map.of("COMPLIANT", "不含排除、限制竞争的内容", "ADJUSTED",
			"已调整至符合审查标准或者属于例外情形", "NOT_COMPLIANT", "含有排除、限制竞争的内容，不得出台");

	public static final Map<String, String> CHANGES_ADOPTED = Map.of("ALL", "全部采纳", "PARTLY", "部分采纳", "NONE", "未采纳");

	public static final Map<String, String> MEETING_TYPE = Map.of("EXECUTIVE", "政府常务会议", "PLENARY", "政府全体会议",
			"OFFICE_MEETING", "部门办公会议", "LEADERSHIP", "部门领导班子会议");

	public static final Map<String, String> MEETING_DECISION = Map.of("APPROVED", "通过", "REJECTED", "不予通过", "REVISE",
			"修改后再次审议", "DEFERRED", "暂缓审议");

	public static final Map<String, String> EVALUATION_OUTCOME = Map.of("CONTINUE", "继续有效", "REVISE", "需要修改", "LAPSE",
			"届满失效");

	public static final Map<String, String> CHANNEL = Map.of("GAZETTE", "政府公报", "WEBSITE", "政府网站", "NEW_MEDIA", "政务新媒体",
			"NEWSPAPER", "报刊");

	private NormativeLabels() {
	}

	public static String name(Map<String, String> labels, Object code) {
		return (code == null) ? null : labels.getOrDefault(code.toString(), code.toString());
	}

	/**
	 * Codes of a checklist (JSON array from Tasklist, a list from Java) as plain text.
	 */
	public static List<String> codes(Object value) {
		if (value instanceof org.camunda.spin.json.SpinJsonNode node && node.isArray()) {
			return node.elements().stream().map(org.camunda.spin.json.SpinJsonNode::stringValue).toList();
		}
		if (value instanceof Collection<?> collection) {
			return collection.stream().map(String::valueOf).toList();
		}
		return (value == null) ? List.of() : List.of(value.toString());
	}

	public static String names(Map<String, String> labels, Object value) {
		return codes(value).stream().map((code) -> name(labels, code)).collect(Collectors.joining("、"));
	}

}
