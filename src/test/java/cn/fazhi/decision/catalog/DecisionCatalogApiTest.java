package cn.fazhi.decision.catalog;

import cn.fazhi.support.FazhiSpringTest;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The decision catalogue over HTTP: what the public reads (JSON and the web page), who
 * may keep the catalogue, and how wrong input is refused. Each test works in a year of
 * its own, since all Spring tests share one database.
 */
@FazhiSpringTest
@DisplayName("重大行政决策事项目录：接口")
class DecisionCatalogApiTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	DecisionCatalog catalog;

	@Test
	@DisplayName("公众无需登录即可查询目录，字段名固定，不公开案号和编辑人")
	void shouldPublishTheCatalogueWithoutLogin() throws Exception {
		// given
		CatalogEntry first = this.catalog.create(
				new NewCatalogEntry(2041, "示范市城市供水价格调整方案", "PUBLIC_POLICY", "dept-amr", true, true, false, "2041年第一季度"),
				"chenjing");
		CatalogEntry second = this.catalog.create(
				new NewCatalogEntry(2041, "示范市历史文化街区保护规划", "RESOURCES", "dept-nrp", null, null, null, null),
				"chenjing");
		this.catalog.startDecision(second.id(), "MD-2041-0001", null);
		// when
		ResultActions answer = this.mvc.perform(get("/api/public/decision-catalog").param("year", "2041"));
		// then
		answer.andExpect(status().isOk()).andExpect(content().json("""
				[{"id":%d,"year":2041,"title":"示范市城市供水价格调整方案","category":"PUBLIC_POLICY",
				  "categoryName":"重大公共政策和措施（公共服务、市场监管、社会管理、环境保护等）",
				  "leadOffice":"dept-amr","leadOfficeName":"示范市市场监督管理局","plannedTiming":"2041年第一季度",
				  "status":"NOT_STARTED","statusName":"未启动"},
				 {"id":%d,"year":2041,"title":"示范市历史文化街区保护规划","category":"RESOURCES",
				  "categoryName":"开发利用、保护重要自然资源和文化资源的重大公共政策和措施",
				  "leadOffice":"dept-nrp","leadOfficeName":"示范市自然资源和规划局","plannedTiming":null,
				  "status":"IN_PROGRESS","statusName":"办理中"}]
				""".formatted(first.id(), second.id()), true));
		this.mvc.perform(get("/api/public/decision-catalog").param("year", "2040"))
			.andExpect(status().isOk())
			.andExpect(content().json("[]", true));
	}

	@Test
	@DisplayName("工作人员登录后可见程序要求和正在办理的案号")
	void shouldShowStaffTheRequiredProceduresAndTheRunningCase() throws Exception {
		// given
		CatalogEntry entry = this.catalog.create(
				new NewCatalogEntry(2042, "示范市生活垃圾分类管理办法", "PUBLIC_POLICY", "dept-hcd", true, false, true, "2042年"),
				"chenjing");
		this.catalog.startDecision(entry.id(), "MD-2042-0007", "pi-1");
		// when / then
		this.mvc.perform(get("/api/decision-catalog").param("year", "2042").with(httpBasic("hanxue", "demo")))
			.andExpect(status().isOk())
			.andExpect(content().json("""
					[{"id":%d,"year":2042,"title":"示范市生活垃圾分类管理办法","category":"PUBLIC_POLICY",
					  "categoryName":"重大公共政策和措施（公共服务、市场监管、社会管理、环境保护等）",
					  "leadOffice":"dept-hcd","leadOfficeName":"示范市住房和城乡建设局","plannedTiming":"2042年",
					  "status":"IN_PROGRESS","statusName":"办理中","hearingRequired":true,"expertReviewRequired":false,
					  "riskAssessmentRequired":true,"runningBusinessKey":"MD-2042-0007"}]
					""".formatted(entry.id()), true));
		this.mvc.perform(get("/api/decision-catalog").param("year", "2042")).andExpect(status().isUnauthorized());
	}

	@Test
	@DisplayName("年度参数缺失或有误时答复 400 并指出 year")
	void shouldSayTheYearIsWrong() throws Exception {
		expectBadRequest(this.mvc.perform(get("/api/public/decision-catalog")), "year", "缺少参数 year");
		expectBadRequest(this.mvc.perform(get("/api/public/decision-catalog").param("year", "明年")), "year", "不是有效年度");
		expectBadRequest(this.mvc.perform(get("/api/public/decision-catalog").param("year", "1999")), "year",
				"2000 至 2100");
		expectBadRequest(this.mvc.perform(get("/api/decision-catalog").param("year", "2101").with(chenjing())), "year",
				"2000 至 2100");
	}

	@Test
	@DisplayName("政府办公室工作人员可以新增、修改、删除目录事项")
	void shouldLetTheSecretariatKeepTheCatalogue() throws Exception {
		// when: 陈静 enters a matter
		String location = this.mvc
			.perform(post("/api/decision-catalog").with(chenjing()).contentType(MediaType.APPLICATION_JSON).content("""
					{"year":2044,"title":"示范市养老服务设施布局规划","category":"DEVELOPMENT_PLAN",
					 "leadOffice":"dept-hcd","expertReviewRequired":true,"plannedTiming":"2044年第二季度"}"""))
			.andExpect(status().isCreated())
			.andExpect(header().string("Location", containsString("/api/decision-catalog/")))
			.andExpect(jsonPath("$.title").value("示范市养老服务设施布局规划"))
			.andExpect(jsonPath("$.status").value("NOT_STARTED"))
			.andExpect(jsonPath("$.hearingRequired").value(false))
			.andExpect(jsonPath("$.expertReviewRequired").value(true))
			.andExpect(jsonPath("$.runningBusinessKey").isEmpty())
			.andReturn()
			.getResponse()
			.getHeader("Location");
		// then: she corrects it
		this.mvc.perform(put(location).with(chenjing())
			.contentType(MediaType.APPLICATION_JSON)
			.content(
					"""
							{"year":2044,"title":"示范市养老服务设施布局专项规划（2044—2050年）","category":"DEVELOPMENT_PLAN",
							 "leadOffice":"dept-nrp","hearingRequired":true,"expertReviewRequired":true,"plannedTiming":"2044年第三季度"}"""))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.title").value("示范市养老服务设施布局专项规划（2044—2050年）"))
			.andExpect(jsonPath("$.leadOfficeName").value("示范市自然资源和规划局"))
			.andExpect(jsonPath("$.hearingRequired").value(true))
			.andExpect(jsonPath("$.plannedTiming").value("2044年第三季度"));
		this.mvc.perform(get(location).with(httpBasic("zhangwei", "demo")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.leadOffice").value("dept-nrp"));
		// and: the administrator deletes it
		this.mvc.perform(delete(location).with(httpBasic("demo", "demo"))).andExpect(status().isNoContent());
		this.mvc.perform(get(location).with(chenjing())).andExpect(status().isNotFound());
		this.mvc.perform(get("/api/public/decision-catalog").param("year", "2044")).andExpect(content().json("[]"));
	}

	@Test
	@DisplayName("承办单位工作人员不能修改目录（403），未登录需要认证（401）")
	void shouldRefuseEveryoneElse() throws Exception {
		// given
		CatalogEntry entry = this.catalog.create(
				new NewCatalogEntry(2045, "示范市公共停车场收费标准", "PUBLIC_POLICY", "dept-amr", false, false, false, null),
				"chenjing");
		String json = """
				{"year":2045,"title":"张伟改的名称","category":"PUBLIC_POLICY","leadOffice":"dept-nrp"}""";
		// when / then
		this.mvc.perform(
				post("/api/decision-catalog").with(zhangwei()).contentType(MediaType.APPLICATION_JSON).content(json))
			.andExpect(status().isForbidden())
			.andExpect(jsonPath("$.message").value(containsString("示范市人民政府办公室")));
		this.mvc
			.perform(put("/api/decision-catalog/" + entry.id()).with(zhangwei())
				.contentType(MediaType.APPLICATION_JSON)
				.content(json))
			.andExpect(status().isForbidden());
		this.mvc.perform(delete("/api/decision-catalog/" + entry.id()).with(zhangwei()))
			.andExpect(status().isForbidden());
		this.mvc.perform(delete("/api/decision-catalog/" + entry.id()).with(httpBasic("hanxue", "demo")))
			.andExpect(status().isForbidden());
		this.mvc.perform(post("/api/decision-catalog").contentType(MediaType.APPLICATION_JSON).content(json))
			.andExpect(status().isUnauthorized());
		assertThat(this.catalog.find(entry.id())).contains(entry);
	}

	@Test
	@DisplayName("录入有误时答复 400，指出字段并说明原因，不写入任何内容")
	void shouldNameTheWrongField() throws Exception {
		String longTitle = "示".repeat(201);
		expectRefusal("{\"title\":\"甲\",\"category\":\"PUBLIC_POLICY\",\"leadOffice\":\"dept-nrp\"}", "year",
				"请填写目录年度");
		expectRefusal(entryJson("1999", "\"甲\"", "\"PUBLIC_POLICY\"", "\"dept-nrp\"", "null"), "year", "2000 至 2100");
		expectRefusal(entryJson("\"明年\"", "\"甲\"", "\"PUBLIC_POLICY\"", "\"dept-nrp\"", "null"), "year", "类型不正确");
		expectRefusal(entryJson("2046", "\"  \"", "\"PUBLIC_POLICY\"", "\"dept-nrp\"", "null"), "title", "请填写决策事项名称");
		expectRefusal(entryJson("2046", "\"" + longTitle + "\"", "\"PUBLIC_POLICY\"", "\"dept-nrp\"", "null"), "title",
				"不能超过 200 个字");
		expectRefusal(entryJson("2046", "\"甲\\n乙\"", "\"PUBLIC_POLICY\"", "\"dept-nrp\"", "null"), "title", "控制字符");
		expectRefusal(entryJson("2046", "\"甲\"", "\"TAX_POLICY\"", "\"dept-nrp\"", "null"), "category",
				"DEVELOPMENT_PLAN（经济和社会发展等方面的重要规划）");
		expectRefusal(entryJson("2046", "\"甲\"", "null", "\"dept-nrp\"", "null"), "category", "请选择决策事项类别");
		expectRefusal(entryJson("2046", "\"甲\"", "\"PUBLIC_POLICY\"", "\"dept-xyz\"", "null"), "leadOffice",
				"没有编码为“dept-xyz”的单位");
		expectRefusal(entryJson("2046", "\"甲\"", "\"PUBLIC_POLICY\"", "\"expert-pool\"", "null"), "leadOffice",
				"不能作为承办单位");
		expectRefusal(entryJson("2046", "\"甲\"", "\"PUBLIC_POLICY\"", "null", "null"), "leadOffice", "请填写承办单位");
		expectRefusal(entryJson("2046", "\"甲\"", "\"PUBLIC_POLICY\"", "\"dept-nrp\"", "\"" + "年".repeat(101) + "\""),
				"plannedTiming", "不能超过 100 个字");
		this.mvc.perform(post("/api/decision-catalog").with(chenjing()).contentType(MediaType.APPLICATION_JSON))
			.andExpect(status().isBadRequest());
		assertThat(this.catalog.list(2046)).isEmpty();
	}

	@Test
	@DisplayName("同一年度事项名称重复时答复 409")
	void shouldRefuseADuplicateTitle() throws Exception {
		// given
		this.catalog.create(
				new NewCatalogEntry(2047, "示范市城市更新条例实施办法", "OTHER_MAJOR", "dept-hcd", null, null, null, null),
				"chenjing");
		// when / then
		this.mvc
			.perform(post("/api/decision-catalog").with(chenjing())
				.contentType(MediaType.APPLICATION_JSON)
				.content(entryJson("2047", "\" 示范市城市更新条例实施办法 \"", "\"OTHER_MAJOR\"", "\"dept-hcd\"", "null")))
			.andExpect(status().isConflict())
			.andExpect(jsonPath("$.parameter").value("title"))
			.andExpect(jsonPath("$.message").value(containsString("已有名为“示范市城市更新条例实施办法”的事项")));
		assertThat(this.catalog.list(2047)).hasSize(1);
	}

	@Test
	@DisplayName("不存在的事项答复 404；办理中的事项不能修改或删除（409）")
	void shouldAnswerUnknownAndBusyEntries() throws Exception {
		// given
		CatalogEntry entry = this.catalog.create(
				new NewCatalogEntry(2048, "示范市水资源保护规划", "RESOURCES", "dept-nrp", null, null, null, null), "chenjing");
		this.catalog.startDecision(entry.id(), "MD-2048-0002", null);
		String json = entryJson("2048", "\"示范市水资源保护规划（修订）\"", "\"RESOURCES\"", "\"dept-nrp\"", "null");
		// when / then
		this.mvc.perform(get("/api/decision-catalog/987654321").with(chenjing()))
			.andExpect(status().isNotFound())
			.andExpect(jsonPath("$.message").value(containsString("987654321")));
		this.mvc
			.perform(put("/api/decision-catalog/987654321").with(chenjing())
				.contentType(MediaType.APPLICATION_JSON)
				.content(json))
			.andExpect(status().isNotFound());
		this.mvc.perform(delete("/api/decision-catalog/987654321").with(chenjing())).andExpect(status().isNotFound());
		this.mvc
			.perform(put("/api/decision-catalog/" + entry.id()).with(chenjing())
				.contentType(MediaType.APPLICATION_JSON)
				.content(json))
			.andExpect(status().isConflict())
			.andExpect(jsonPath("$.message").value(containsString("MD-2048-0002")));
		this.mvc.perform(delete("/api/decision-catalog/" + entry.id()).with(chenjing()))
			.andExpect(status().isConflict());
		this.mvc.perform(delete("/api/decision-catalog/abc").with(chenjing()))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.parameter").value("id"));
	}

	@Test
	@DisplayName("公开网页无需登录，中文显示目录并转义所有内容")
	void shouldRenderThePublicPageSafely() throws Exception {
		// given
		this.catalog.create(new NewCatalogEntry(2049, "<script>alert('x')</script>示范市数据开放办法", "OTHER_MAJOR", "dept-amr",
				null, null, null, "2049年\"下半年\""), "chenjing");
		// when
		String html = this.mvc.perform(get("/public/decision-catalog").param("year", "2049"))
			.andExpect(status().isOk())
			.andExpect(header().string("Content-Type", containsString("text/html")))
			.andExpect(header().string("Content-Type", containsString("UTF-8")))
			.andReturn()
			.getResponse()
			.getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
		// then
		assertThat(html).contains("<title>示范市人民政府 2049年度重大行政决策事项目录</title>")
			.contains("<th>序号</th><th>决策事项</th><th>类别</th><th>承办单位</th><th>计划完成时间</th><th>状态</th>")
			.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;示范市数据开放办法")
			.doesNotContain("<script>")
			.contains("2049年&quot;下半年&quot;")
			.contains("示范市市场监督管理局")
			.contains("未启动")
			.contains("《重大行政决策程序暂行条例》第三条第三款")
			.contains("<strong>2049年</strong>");
		this.mvc.perform(get("/public/decision-catalog").param("year", "<b>"))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("&lt;b&gt;")))
			.andExpect(content().string(not(containsString("<b>"))));
		this.mvc.perform(get("/public/decision-catalog"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("年度重大行政决策事项目录</title>")))
			.andExpect(content().string(endsWith("</html>")));
	}

	private void expectRefusal(String json, String parameter, String message) throws Exception {
		expectBadRequest(this.mvc.perform(
				post("/api/decision-catalog").with(chenjing()).contentType(MediaType.APPLICATION_JSON).content(json)),
				parameter, message);
	}

	private static void expectBadRequest(ResultActions answer, String parameter, String message) throws Exception {
		answer.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.parameter").value(parameter))
			.andExpect(jsonPath("$.message").value(containsString(message)));
	}

	private static String entryJson(String year, String title, String category, String leadOffice,
			String plannedTiming) {
		return "{\"year\":" + year + ",\"title\":" + title + ",\"category\":" + category + ",\"leadOffice\":"
				+ leadOffice + ",\"plannedTiming\":" + plannedTiming + "}";
	}

	private static org.springframework.test.web.servlet.request.RequestPostProcessor chenjing() {
		return httpBasic("chenjing", "demo");
	}

	private static org.springframework.test.web.servlet.request.RequestPostProcessor zhangwei() {
		return httpBasic("zhangwei", "demo");
	}

}
