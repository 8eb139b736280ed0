package cn.fazhi.materials;

import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * What a case material is (案卷材料类型). The codes are a public contract of the materials API
 * and are stored in {@code fz_case_material.material_type}: add new ones, never rename
 * one.
 */
enum MaterialType {

	/** 草案: the draft decision, normative document or agreement. */
	DRAFT("草案"),
	/** 起草说明: the drafting explanation. */
	EXPLANATION("起草说明"),
	/** 意见: opinions received (public comment, departments, legal advisers, experts). */
	OPINION("意见"),
	/** 会议纪要: minutes of a meeting (collective deliberation, expert panel). */
	MINUTES("会议纪要"),
	/** 评估报告: risk or implementation assessment report. */
	ASSESSMENT_REPORT("评估报告"),
	/** 听证笔录: record of a hearing. */
	HEARING_RECORD("听证笔录"),
	/** 证据材料: evidence. */
	EVIDENCE("证据材料"),
	/** 其他: anything else; the description should say what it is. */
	OTHER("其他");

	private final String label;

	MaterialType(String label) {
		this.label = label;
	}

	/** The Chinese name shown to people. */
	String label() {
		return this.label;
	}

	static Optional<MaterialType> of(String code) {
		if (code == null) {
			return Optional.empty();
		}
		String wanted = code.strip();
		return Arrays.stream(values()).filter((type) -> type.name().equals(wanted)).findFirst();
	}

	/** "DRAFT（草案）、EXPLANATION（起草说明）、…" for messages that list the choices. */
	static String choices() {
		return Arrays.stream(values())
			.map((type) -> type.name() + "（" + type.label + "）")
			.collect(Collectors.joining("、"));
	}

}
