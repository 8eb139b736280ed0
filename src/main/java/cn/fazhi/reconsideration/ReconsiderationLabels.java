package cn.fazhi.reconsideration;

import java.util.Map;

/** Chinese names of the procedure's codes (the options of its forms). */
final class ReconsiderationLabels {

	static final Map<String, String> CHANNEL = Map.of("WRITTEN", "书面申请", "ONLINE", "互联网渠道申请", "ORAL", "口头申请");

	static final Map<String, String> PROCEDURE = Map.of("SIMPLE", "简易程序", "ORDINARY", "普通程序");

	static final Map<String, String> DECISION_TYPE = Map.of("ALTER", "变更", "REVOKE", "撤销或者部分撤销", "CONFIRM_ILLEGAL",
			"确认违法", "ORDER_PERFORMANCE", "责令履行", "CONFIRM_INVALID", "确认无效", "UPHOLD", "维持", "DISMISS_REQUEST",
			"驳回行政复议请求", "DISMISS_APPLICATION", "驳回行政复议申请");

	static final Map<String, String> OUTCOME = Map.of("NOT_ACCEPTED", "不予受理", "ABANDONED", "视为放弃申请", "TERMINATED",
			"行政复议终止", "WITHDRAWN", "撤回申请，行政复议终止", "MEDIATED", "调解结案", "DECIDED", "作出行政复议决定");

	static final Map<String, String> SUSPENSION_GROUND = Map.ofEntries(
			Map.entry("GROUND_ONE", "作为申请人的公民死亡，其近亲属尚未确定是否参加行政复议"),
			Map.entry("GROUND_TWO", "作为申请人的公民丧失参加行政复议的行为能力，尚未确定法定代理人"), Map.entry("GROUND_THREE", "作为申请人的公民下落不明"),
			Map.entry("GROUND_FOUR", "作为申请人的法人或者其他组织终止，尚未确定权利义务承受人"),
			Map.entry("GROUND_FIVE", "申请人、被申请人因不可抗力或者其他正当理由，不能参加行政复议"),
			Map.entry("GROUND_SIX", "依照本法规定进行调解、和解，申请人和被申请人同意中止"),
			Map.entry("GROUND_SEVEN", "行政复议案件涉及的法律适用问题需要有权机关作出解释或者确认"),
			Map.entry("GROUND_EIGHT", "行政复议案件审理需要以其他案件的审理结果为依据，而其他案件尚未审结"),
			Map.entry("GROUND_NINE", "有本法第五十六条或者第五十七条规定的情形"), Map.entry("GROUND_TEN", "需要中止行政复议的其他情形"));

	private ReconsiderationLabels() {
	}

	static String name(Map<String, String> labels, Object code) {
		return (code == null) ? null : labels.getOrDefault(code.toString(), code.toString());
	}

}
