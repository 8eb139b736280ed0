package cn.fazhi.decision.catalog;

import java.util.Map;

import cn.fazhi.support.HttpIntegrationTest;
import cn.fazhi.support.RestClient.Response;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The catalogue on a real server and database (run on H2 and on PostgreSQL): the
 * published JSON and page through the real filter chains, the secretariat's writes, and
 * the one-running-case rule under PostgreSQL's row locking.
 */
@DisplayName("重大行政决策事项目录：HTTP 与数据库")
class DecisionCatalogIT extends HttpIntegrationTest {

	@Autowired
	DecisionCatalog catalog;

	@Autowired
	TransactionTemplate transaction;

	@Test
	@DisplayName("政府办公室录入的事项，公众无需登录即可在接口和网页上看到")
	void shouldPublishWhatTheSecretariatEnters() {
		// given
		Response created = as("chenjing").post("/api/decision-catalog",
				Map.of("year", 2061, "title", "示范市公共文化服务体系建设规划", "category", "DEVELOPMENT_PLAN", "leadOffice",
						"dept-edu", "hearingRequired", true, "plannedTiming", "2061年第一季度"));
		assertThat(created.status()).as(created.toString()).isEqualTo(201);
		assertThat(as("zhangwei").post("/api/decision-catalog", Map.of("year", 2061)).status()).isEqualTo(403);
		// when
		Response published = anonymous().get("/api/public/decision-catalog?year=2061");
		ResponseEntity<String> page = this.rest.exchange("/public/decision-catalog?year=2061", HttpMethod.GET,
				HttpEntity.EMPTY, String.class);
		// then
		assertThat(published.status()).isEqualTo(200);
		assertThat(published.json().get(0).path("title").asText()).isEqualTo("示范市公共文化服务体系建设规划");
		assertThat(published.json().get(0).path("leadOfficeName").asText()).isEqualTo("示范市教育局");
		assertThat(published.json().get(0).has("runningBusinessKey")).isFalse();
		assertThat(page.getStatusCode().value()).isEqualTo(200);
		assertThat(page.getHeaders().getContentType()).hasToString("text/html;charset=UTF-8");
		assertThat(page.getBody()).contains("示范市人民政府 2061年度重大行政决策事项目录", "示范市公共文化服务体系建设规划", "未启动");
	}

	@Test
	@DisplayName("两个事务同时启动同一事项，只有一个成功")
	void shouldLetExactlyOneOfTwoConcurrentStartsWin() throws Exception {
		// given
		CatalogEntry entry = this.catalog.create(
				new NewCatalogEntry(2062, "示范市地下水超采综合治理方案", "RESOURCES", "dept-nrp", true, true, true, null),
				"chenjing");
		// when
		ConcurrentStarts race = ConcurrentStarts.race(this.transaction, this.catalog, entry.id(), "MD-2062-0001",
				"MD-2062-0002");
		// then
		assertThat(race.winners()).hasSize(1);
		assertThat(race.failures()).singleElement().isInstanceOf(CatalogEntryBusyException.class);
		assertThat(this.catalog.find(entry.id()).orElseThrow().runningBusinessKey()).isEqualTo(race.winners().get(0));
	}

}
