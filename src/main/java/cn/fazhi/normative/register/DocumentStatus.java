package cn.fazhi.normative.register;

import java.util.Arrays;
import java.util.Optional;

/**
 * Where a normative document stands in the register (行政规范性文件目录): the four states the
 * published lists use.
 */
public enum DocumentStatus {

	/** 有效: published and in force (also before its effective date). */
	VALID("有效"),
	/** 失效: its term ended, or it was declared invalid in a cleanup (宣布失效). */
	EXPIRED("失效"),
	/** 废止: repealed by its enacting office, or replaced by its revision. */
	REPEALED("废止"),
	/** 修订中: still in force while a revision is being drafted. */
	UNDER_REVISION("修订中");

	private final String label;

	DocumentStatus(String label) {
		this.label = label;
	}

	public String label() {
		return this.label;
	}

	/** The status a code ({@code VALID}) or a Chinese label ({@code 有效}) names. */
	public static Optional<DocumentStatus> of(String text) {
		String value = (text == null) ? "" : text.strip();
		return Arrays.stream(values())
			.filter((status) -> status.name().equalsIgnoreCase(value) || status.label.equals(value))
			.findFirst();
	}

}
