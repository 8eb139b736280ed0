package cn.fazhi.notify;

/**
 * The process variables with which the reminder scan marks a case overdue, on the
 * top-level process instance of the case (案件), for Cockpit, reports and other procedures'
 * logic to read.
 */
public final class OverdueCase {

	/** Boolean {@code true} once any task of the case passed its due date open. */
	public static final String OVERDUE = "overdue";

	/**
	 * Date: the due date the case first passed (kept when later tasks also pass theirs).
	 */
	public static final String OVERDUE_SINCE = "overdueSince";

	private OverdueCase() {
	}

}
