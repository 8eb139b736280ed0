package cn.fazhi.decision.catalog;

/**
 * Where a catalogue matter stands, as the public sees it. {@link #NOT_STARTED} is only
 * the initial state: once a decision was started for a matter it never returns there,
 * which is what lets {@link DecisionCatalog#delete(long)} tell "never started".
 */
public enum CatalogStatus {

	NOT_STARTED("未启动"), IN_PROGRESS("办理中"), DECIDED("已决定"), PUBLISHED("已公布"), STOPPED("已停止");

	private final String label;

	CatalogStatus(String label) {
		this.label = label;
	}

	public String label() {
		return this.label;
	}

}
