package cn.fazhi.decision;

import java.util.Map;

/**
 * Chinese names of the procedure's codes, for forms, mails and the audit trail. The codes
 * are the options of the Camunda Forms in forms/major-decision/.
 */
final class DecisionLabels {

	static final Map<String, String> START_BASIS = Map.of("CATALOG", "列入目录事项", "AD_HOC", "目录外事项");

	static final Map<String, String> PROPOSAL_SOURCE = Map.of("LEADER", "决策机关领导人提出", "DEPARTMENT", "政府工作部门提出",
			"LOWER_GOVERNMENT", "下一级人民政府提出", "DEPUTIES", "人大代表建议、政协委员提案", "PUBLIC", "公民、法人或者其他组织书面建议");

	static final Map<String, String> MEETING_DECISION = Map.of("APPROVED", "通过", "REJECTED", "不予通过", "REVISE",
			"修改后再次提请审议", "DEFERRED", "暂缓审议");

	static final Map<String, String> MEETING_TYPE = Map.of("EXECUTIVE", "政府常务会议", "PLENARY", "政府全体会议");

	static final Map<String, String> ARGUMENTATION_FORM = Map.of("MEETING", "论证会", "WRITTEN", "书面咨询", "COMMISSIONED",
			"委托专业研究");

	static final Map<String, String> RISK_LEVEL = Map.of("LOW", "低风险", "MEDIUM", "中风险", "HIGH", "高风险");

	static final Map<String, String> OUTCOME = Map.ofEntries(Map.entry("NOT_STARTED", "不予启动"),
			Map.entry("STOPPED_FOR_RISK", "风险不可控，停止决策"), Map.entry("DECIDED", "已作出决定"),
			Map.entry("REJECTED", "集体讨论不予通过"), Map.entry("PARTY_NOT_AGREED", "同级党委不同意"),
			Map.entry("PUBLISHED", "已公布，执行中"), Map.entry("IMPLEMENTED", "执行完毕"),
			Map.entry("EXECUTION_STOPPED", "停止执行"));

	private DecisionLabels() {
	}

	static String name(Map<String, String> labels, Object code) {
		return (code == null) ? null : labels.getOrDefault(code.toString(), code.toString());
	}

}
