package cn.fazhi.legalreview;

import java.util.Arrays;
import java.util.Optional;

/**
 * What is being reviewed; the codes are the stable values of the {@code matterType}
 * field.
 */
public enum MatterType {

	MAJOR_DECISION("重大行政决策"), NORMATIVE_DOCUMENT("行政规范性文件"), ENFORCEMENT_DECISION("重大行政执法决定"),
	ADMINISTRATIVE_AGREEMENT("行政协议"), OTHER("其他事项");

	private final String label;

	MatterType(String label) {
		this.label = label;
	}

	public String label() {
		return this.label;
	}

	public static Optional<MatterType> of(Object code) {
		return Arrays.stream(values()).filter((type) -> type.name().equals(code)).findFirst();
	}

}
