package cn.fazhi.decision.catalog;

/**
 * The five kinds of major decision matters of 《重大行政决策程序暂行条例》第三条第一款. The codes are stored
 * and exchanged; the labels are the statute's wording, shown to people.
 */
public enum DecisionCategory {

	/** 第（一）项. */
	PUBLIC_POLICY("重大公共政策和措施（公共服务、市场监管、社会管理、环境保护等）"),
	/** 第（二）项. */
	DEVELOPMENT_PLAN("经济和社会发展等方面的重要规划"),
	/** 第（三）项. */
	RESOURCES("开发利用、保护重要自然资源和文化资源的重大公共政策和措施"),
	/** 第（四）项. */
	CONSTRUCTION_PROJECT("在本行政区域实施的重大公共建设项目"),
	/** 第（五）项. */
	OTHER_MAJOR("其他对经济社会发展有重大影响、涉及重大公共利益或者社会公众切身利益的重大事项");

	private final String label;

	DecisionCategory(String label) {
		this.label = label;
	}

	public String label() {
		return this.label;
	}

}
