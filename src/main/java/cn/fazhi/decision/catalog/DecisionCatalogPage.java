package cn.fazhi.decision.catalog;

import java.nio.charset.StandardCharsets;
import java.time.Year;
import java.time.ZoneId;
import java.util.List;
import java.util.TreeSet;

import cn.fazhi.directory.Directory;
import cn.fazhi.system.web.ApiException;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.HtmlUtils;

/**
 * The catalogue as the public reads it on the government's website: one plain,
 * server-rendered page per year, no login, no script. Every value comes from people's
 * input and is HTML-escaped. (Served outside {@code /api}, so by the second security
 * chain, which lets everyone read {@code /public/**}.)
 */
@Controller
class DecisionCatalogPage {

	private static final MediaType HTML = new MediaType("text", "html", StandardCharsets.UTF_8);

	private static final String STYLE = "body{font-family:\"PingFang SC\",\"Microsoft YaHei\",\"Noto Sans CJK SC\",sans-serif;"
			+ "margin:2em auto;max-width:1100px;padding:0 1em;color:#222}h1{font-size:1.5em;text-align:center;color:#a40000}"
			+ "nav{margin:1em 0}nav a,nav strong{margin-right:.8em}table{border-collapse:collapse;width:100%}"
			+ "th,td{border:1px solid #999;padding:.4em .6em;vertical-align:top}th{background:#f3f3f3;white-space:nowrap}"
			+ "td.n{text-align:center;white-space:nowrap}.note{color:#555;font-size:.9em;margin-top:1.5em}";

	private final DecisionCatalog catalog;

	private final Directory directory;

	private final ZoneId zone;

	DecisionCatalogPage(DecisionCatalog catalog, Directory directory,
			@Value("${fazhi.calendar.zone:Asia/Shanghai}") ZoneId zone) {
		this.catalog = catalog;
		this.directory = directory;
		this.zone = zone;
	}

	@GetMapping("/public/decision-catalog")
	ResponseEntity<String> page(@RequestParam(required = false) String year) {
		int shown;
		try {
			shown = (year == null) ? Year.now(this.zone).getValue() : DecisionCatalogController.parseYear(year);
		}
		catch (ApiException ex) {
			return ResponseEntity.status(HttpStatus.BAD_REQUEST)
				.contentType(HTML)
				.body(document("年份参数有误",
						"<p>" + escape(ex.getMessage()) + "</p>" + "<p><a href=\"?\">查看本年度重大行政决策事项目录</a></p>"));
		}
		String title = this.directory.document().government().name() + " " + shown + "年度重大行政决策事项目录";
		String body = "<h1>" + escape(title) + "</h1>" + yearSelector(shown) + table(this.catalog.list(shown))
				+ "<p class=\"note\">说明：本目录依据《重大行政决策程序暂行条例》第三条第三款编制并向社会公布，" + "并根据实际情况调整。列入目录的事项依照该条例规定的程序作出决策。</p>";
		return ResponseEntity.ok().contentType(HTML).body(document(title, body));
	}

	private String yearSelector(int shown) {
		TreeSet<Integer> years = new TreeSet<>(this.catalog.years());
		years.add(Year.now(this.zone).getValue());
		years.add(shown);
		StringBuilder html = new StringBuilder("<nav aria-label=\"年度\">年度：");
		for (int year : years) {
			html.append((year == shown) ? "<strong>" + year + "年</strong>"
					: "<a href=\"?year=" + year + "\">" + year + "年</a>");
		}
		return html.append("</nav>").toString();
	}

	private static String table(List<CatalogEntry> entries) {
		StringBuilder html = new StringBuilder("<table><thead><tr><th>序号</th><th>决策事项</th><th>类别</th>"
				+ "<th>承办单位</th><th>计划完成时间</th><th>状态</th></tr></thead><tbody>");
		if (entries.isEmpty()) {
			html.append("<tr><td colspan=\"6\" class=\"n\">本年度目录暂无事项</td></tr>");
		}
		int number = 0;
		for (CatalogEntry entry : entries) {
			html.append("<tr><td class=\"n\">")
				.append(++number)
				.append("</td><td>")
				.append(escape(entry.title()))
				.append("</td><td>")
				.append(escape(entry.category().label()))
				.append("</td><td>")
				.append(escape(entry.leadOfficeName()))
				.append("</td><td>")
				.append(escape((entry.plannedTiming() == null) ? "—" : entry.plannedTiming()))
				.append("</td><td class=\"n\">")
				.append(escape(entry.status().label()))
				.append("</td></tr>");
		}
		return html.append("</tbody></table>").toString();
	}

	private static String document(String title, String body) {
		return "<!DOCTYPE html><html lang=\"zh-CN\"><head><meta charset=\"UTF-8\">"
				+ "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>" + escape(title)
				+ "</title><style>" + STYLE + "</style></head><body><main>" + body + "</main></body></html>";
	}

	private static String escape(String text) {
		return HtmlUtils.htmlEscape(text, StandardCharsets.UTF_8.name());
	}

}
