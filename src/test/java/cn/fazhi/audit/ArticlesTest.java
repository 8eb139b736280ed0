package cn.fazhi.audit;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

@DisplayName("条文引用的识别")
class ArticlesTest {

	@Test
	void shouldFindArticlesParagraphsAndRangesInOrderWithoutRepeats() {
		// given
		String documentation = "决策机关研究决定是否启动决策程序，并确定决策承办单位（第10条第2款、第11条）。调用 legality-review（第25—28条）；再次引用第11条。";
		// when / then
		assertThat(Articles.of(documentation)).containsExactly("第10条第2款", "第11条", "第25—28条");
	}

	@Test
	void shouldKeepTheNameOfAnotherLaw() {
		assertThat(Articles.of("与企业生产经营密切相关的决策，应当充分听取市场主体的意见（《优化营商环境条例》第62条；第14条第3款）。"))
			.containsExactly("《优化营商环境条例》第62条", "第14条第3款");
	}

	@Test
	void shouldReadChineseNumeralsAndItems() {
		assertThat(Articles.of("依照第三十条第二款第（一）项")).containsExactly("第三十条第二款第（一）项");
	}

	@Test
	void shouldAnswerNothingForNoDocumentation() {
		assertThat(Articles.of(null)).isEmpty();
		assertThat(Articles.of("归档。")).isEmpty();
	}

}
