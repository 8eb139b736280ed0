package cn.fazhi.normative.objection;

import java.util.Map;

/** Chinese names of the review request's codes (the options of its forms). */
final class ObjectionLabels {

	static final Map<String, String> APPLICANT_TYPE = Map.of("CITIZEN", "公民", "LEGAL_PERSON", "法人",
			"OTHER_ORGANIZATION", "其他组织");

	static final Map<String, String> SOURCE = Map.of("DIRECT", "直接提出审查申请", "RECONSIDERATION", "行政复议附带审查");

	static final Map<String, String> FINDING = Map.of("LAWFUL", "未发现问题", "PROBLEM", "存在问题", "NOT_ACCEPTED", "不予受理");

	static final Map<String, String> ACTION = Map.of("REVISE", "修改", "REPEAL", "废止", "MAINTAIN", "说明理由，不予修改");

	private ObjectionLabels() {
	}

	static String name(Map<String, String> labels, Object code) {
		return (code == null) ? "" : labels.getOrDefault(code.toString(), code.toString());
	}

}
