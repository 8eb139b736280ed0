package cn.fazhi.normative;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;

import cn.fazhi.normative.register.CleanupDecision;
import cn.fazhi.normative.register.CleanupResults;
import cn.fazhi.normative.register.NewDocument;
import cn.fazhi.normative.register.NormativeRegister;
import cn.fazhi.support.FazhiSpringTest;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasSize;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The public register of normative documents over HTTP, without login: search by title
 * and number, filter by status, the quarterly catalogue as CSV, the page — and clear 400
 * answers for bad parameters.
 */
@FazhiSpringTest
@DisplayName("行政规范性文件目录（公开）")
class NormativeRegisterApiTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	NormativeRegister register;

	@Autowired
	CleanupResults cleanups;

	String tag;

	long repealed;

	@BeforeEach
	void documents() {
		this.tag = Long.toString(System.nanoTime(), 36).toUpperCase();
		publish("示范市农贸市场管理办法" + this.tag, "示政规〔2026〕9" + this.tag + "号", "SFSG00-" + this.tag,
				LocalDate.of(2026, 2, 10));
		this.repealed = publish("示范市集贸市场摊位管理规定" + this.tag, "示市监规〔2026〕9" + this.tag + "号", "SFSG14-" + this.tag,
				LocalDate.of(2026, 5, 20));
		this.register.repeal(this.repealed, "经清理废止", LocalDate.of(2026, 6, 1));
	}

	@Test
	void shouldFindDocumentsByTitleAndNumberWithoutLogin() throws Exception {
		this.mvc.perform(get("/api/public/normative-documents").param("q", "市场 " + this.tag))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$", hasSize(2)))
			.andExpect(jsonPath("$[0].title").value("示范市集贸市场摊位管理规定" + this.tag))
			.andExpect(jsonPath("$[0].status").value("REPEALED"))
			.andExpect(jsonPath("$[0].statusName").value("废止"))
			.andExpect(jsonPath("$[0].statusReason").value("经清理废止"))
			.andExpect(jsonPath("$[1].documentNumber").value("示政规〔2026〕9" + this.tag + "号"))
			.andExpect(jsonPath("$[1].issuerName").value("示范市人民政府"))
			.andExpect(jsonPath("$[1].publishedOn").value("2026-02-10"))
			.andExpect(jsonPath("$[1].effectiveOn").value("2026-03-10"))
			.andExpect(jsonPath("$[1].validUntil").value("2031-03-09"))
			.andExpect(jsonPath("$[1].validity").value("5年"))
			.andExpect(jsonPath("$[1].statusName").value("有效"));
		this.mvc.perform(get("/api/public/normative-documents").param("q", "9" + this.tag.toLowerCase()))
			.andExpect(jsonPath("$", hasSize(2)));
	}

	@Test
	void shouldFilterByStatusGivenAsCodeOrInChinese() throws Exception {
		this.mvc.perform(get("/api/public/normative-documents").param("q", this.tag).param("status", "有效"))
			.andExpect(jsonPath("$", hasSize(1)))
			.andExpect(jsonPath("$[0].status").value("VALID"));
		this.mvc.perform(get("/api/public/normative-documents").param("q", this.tag).param("status", "REPEALED"))
			.andExpect(jsonPath("$", hasSize(1)))
			.andExpect(jsonPath("$[0].status").value("REPEALED"));
	}

	@Test
	void shouldRefuseBadParametersWithAClearMessage() throws Exception {
		this.mvc.perform(get("/api/public/normative-documents").param("status", "作废"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.parameter").value("status"))
			.andExpect(jsonPath("$.message")
				.value(containsString("应为 VALID（有效）、EXPIRED（失效）、REPEALED（废止）或 UNDER_REVISION（修订中）")));
		this.mvc.perform(get("/api/public/normative-documents").param("q", "长".repeat(101)))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.message").value("检索词过长：参数 q 最多 100 个字"));
		this.mvc.perform(get("/api/public/normative-documents/catalog").param("year", "2026").param("quarter", "5"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.parameter").value("quarter"))
			.andExpect(jsonPath("$.message").value("参数 quarter 的值“5”无效，应为 1、2、3 或 4"));
		this.mvc.perform(get("/api/public/normative-documents/catalog").param("quarter", "1"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.message").value("缺少参数 year（年度），例如 year=2026"));
	}

	@Test
	void shouldPublishCleanupResultsWithoutLogin() throws Exception {
		long kept = publish("示范市早市管理规定" + this.tag, "示市监规〔2026〕7" + this.tag + "号", "SFSG14-K" + this.tag,
				LocalDate.of(2026, 4, 1));
		this.cleanups.record("NDC-TEST-" + this.tag, "专项清理" + this.tag, kept, CleanupDecision.KEEP, "符合上位法", "dept-amr",
				LocalDate.of(2026, 6, 30));
		this.mvc.perform(get("/api/public/normative-document-cleanups"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$[?(@.title == '专项清理" + this.tag + "')].results[0].decisionName").value("继续有效"))
			.andExpect(jsonPath("$[?(@.title == '专项清理" + this.tag + "')].publishedOn").value("2026-06-30"));
		this.mvc.perform(get("/public/normative-documents"))
			.andExpect(content().string(containsString("专项清理" + this.tag)));
	}

	@Test
	void shouldOfferTheQuarterlyCatalogueAsCsv() throws Exception {
		byte[] csv = this.mvc
			.perform(get("/api/public/normative-documents/catalog").param("year", "2026").param("quarter", "1"))
			.andExpect(status().isOk())
			.andExpect(content().contentType("text/csv;charset=UTF-8"))
			.andExpect(
					header().string("Content-Disposition", "attachment; filename=\"normative-documents-2026-Q1.csv\""))
			.andReturn()
			.getResponse()
			.getContentAsByteArray();
		String text = new String(csv, StandardCharsets.UTF_8);
		assertThat(text).startsWith("\uFEFF序号,文号,登记号,文件名称,制定机关,公布日期,施行日期,有效期,有效期至,状态\r\n")
			.contains("示政规〔2026〕9" + this.tag + "号,SFSG00-" + this.tag + ",示范市农贸市场管理办法" + this.tag
					+ ",示范市人民政府,2026-02-10,2026-03-10,5年,2031-03-09,有效")
			.doesNotContain("示范市集贸市场摊位管理规定" + this.tag);
	}

	@Test
	void shouldShowThePublicPageWithEveryValueEscaped() throws Exception {
		publish("<script>alert(1)</script>" + this.tag, "示政规〔2026〕8" + this.tag + "号", "SFSG00-X" + this.tag,
				LocalDate.of(2026, 3, 1));
		String html = this.mvc.perform(get("/public/normative-documents").param("q", this.tag))
			.andExpect(status().isOk())
			.andExpect(content().contentType("text/html;charset=UTF-8"))
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		assertThat(html).contains("示范市人民政府 行政规范性文件目录")
			.contains("示范市农贸市场管理办法" + this.tag)
			.contains("&lt;script&gt;alert(1)&lt;/script&gt;")
			.doesNotContain("<script>")
			.contains("/api/public/normative-documents/catalog?year=");
		this.mvc.perform(get("/public/normative-documents").param("status", "作废"))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("参数 status 的值“作废”无效")));
	}

	private long publish(String title, String number, String registration, LocalDate published) {
		boolean government = number.startsWith("示政规");
		LocalDate effective = published.plusMonths(1);
		return this.register.publish(new NewDocument(registration, number, title, government ? "demo-city" : "dept-amr",
				government ? "示范市人民政府" : "示范市市场监督管理局", "dept-amr", false, published, "GAZETTE", effective,
				effective.plusYears(5).minusDays(1), 5, "ND-TEST-" + this.tag, null, null));
	}

}
