package cn.fazhi.normative.register;

import java.util.Arrays;
import java.util.Optional;

/**
 * What a cleanup campaign (清理) decides for a document: the four outcomes of the published
 * cleanup lists (statutes.md §C.6).
 */
public enum CleanupDecision {

	/** 继续有效. */
	KEEP("继续有效"),
	/** 修改: a revision is started; the document stays in force meanwhile. */
	REVISE("修改"),
	/** 废止. */
	REPEAL("废止"),
	/** 宣布失效. */
	DECLARE_INVALID("宣布失效");

	private final String label;

	CleanupDecision(String label) {
		this.label = label;
	}

	public String label() {
		return this.label;
	}

	public static Optional<CleanupDecision> of(Object code) {
		return Arrays.stream(values()).filter((decision) -> decision.name().equals(code)).findFirst();
	}

}
