package cn.fazhi.decision.catalog;

/**
 * A decision is already being handled for the catalogue matter: one matter, one running
 * case, so that two undertaking officers never run the same procedure twice.
 */
public class CatalogEntryBusyException extends RuntimeException {

	private final long entryId;

	private final String runningBusinessKey;

	public CatalogEntryBusyException(long entryId, String runningBusinessKey) {
		super((runningBusinessKey == null) ? "该目录事项刚刚启动或结束了另一项决策，请刷新后重试"
				: "该目录事项已有正在办理的决策（案号 " + runningBusinessKey + "），不能重复启动");
		this.entryId = entryId;
		this.runningBusinessKey = runningBusinessKey;
	}

	public long getEntryId() {
		return this.entryId;
	}

	/**
	 * The case number of the decision that holds the matter, or null if it just ended.
	 */
	public String getRunningBusinessKey() {
		return this.runningBusinessKey;
	}

}
