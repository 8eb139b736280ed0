package cn.fazhi.audit;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The article references in an element's documentation (every model element cites the
 * article it implements, checked by ModelValidationTest): {@code 第15条}, {@code 第25—28条},
 * {@code 第10条第2款}, {@code 《优化营商环境条例》第62条}. Auditors read them next to each step; the
 * compliance check cites the same numbers.
 */
final class Articles {

	private static final String NUMBER = "[0-9一二三四五六七八九十百零〇]+";

	private static final Pattern REFERENCE = Pattern.compile("(《[^》]{1,60}》)?第" + NUMBER + "(?:[—–\\-~～至]" + NUMBER
			+ ")?条(?:第" + NUMBER + "款)?(?:第[（(]" + NUMBER + "[)）]项)?");

	private Articles() {
	}

	/** The references in order of first appearance, without repeats. */
	static List<String> of(String documentation) {
		if (documentation == null || documentation.isBlank()) {
			return List.of();
		}
		Set<String> found = new LinkedHashSet<>();
		Matcher matcher = REFERENCE.matcher(documentation);
		while (matcher.find()) {
			found.add(matcher.group());
		}
		return new ArrayList<>(found);
	}

}
