package cn.fazhi.normative.register;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

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
 * The register as citizens read it on the government's website: a plain, server-rendered
 * page with a search form, the quarterly catalogues to download and the published cleanup
 * results; no login, no script. Every value is HTML-escaped. (Served outside
 * {@code /api}, by the chain that lets everyone read {@code /public/**}.)
 */
@Controller
class NormativeRegisterPage {

	private static final MediaType HTML = new MediaType("text", "html", StandardCharsets.UTF_8);

	private static final String STYLE = "body{font-family:\"PingFang SC\",\"Microsoft YaHei\",\"Noto Sans CJK SC\",sans-serif;"
			+ "margin:2em auto;max-width:1200px;padding:0 1em;color:#222}h1{font-size:1.5em;text-align:center;color:#a40000}"
			+ "h2{font-size:1.15em;margin-top:1.6em}form{margin:1em 0}input,select,button{font-size:1em;padding:.2em .4em}"
			+ "table{border-collapse:collapse;width:100%}th,td{border:1px solid #999;padding:.4em .6em;vertical-align:top}"
			+ "th{background:#f3f3f3;white-space:nowrap}td.n{text-align:center;white-space:nowrap}"
			+ "nav a{margin-right:.8em}.note{color:#555;font-size:.9em;margin-top:1.5em}";

	private final NormativeRegister register;

	private final CleanupResults cleanups;

	private final Directory directory;

	private final ZoneId zone;

	NormativeRegisterPage(NormativeRegister register, CleanupResults cleanups, Directory directory,
			@Value("${fazhi.calendar.zone:Asia/Shanghai}") ZoneId zone) {
		this.register = register;
		this.cleanups = cleanups;
		this.directory = directory;
		this.zone = zone;
	}

	@GetMapping("/public/normative-documents")
	ResponseEntity<String> page(@RequestParam(required = false) String q,
			@RequestParam(required = false) String status) {
		String query;
		DocumentStatus shown;
		try {
			query = RegisterQuery.query(q);
			shown = RegisterQuery.status(status);
		}
		catch (ApiException ex) {
			return ResponseEntity.status(HttpStatus.BAD_REQUEST)
				.contentType(HTML)
				.body(document("检索条件有误", "<p>" + escape(ex.getMessage()) + "</p><p><a href=\"?\">查看全部行政规范性文件</a></p>"));
		}
		String title = this.directory.document().government().name() + " 行政规范性文件目录";
		String body = "<h1>" + escape(title) + "</h1>" + form(query, shown) + table(this.register.search(query, shown))
				+ catalogues() + cleanups() + "<p class=\"note\">说明：行政规范性文件实行统一登记、统一编号、统一发布（国办发〔2018〕37号）。"
				+ "状态为“失效”“废止”的文件不再作为行政管理的依据；“修订中”的文件在修订稿公布前继续有效。</p>";
		return ResponseEntity.ok().contentType(HTML).body(document(title, body));
	}

	private static String form(String query, DocumentStatus shown) {
		StringBuilder html = new StringBuilder(
				"<form method=\"get\" role=\"search\"><label>文件名称或文号：<input name=\"q\" value=\"")
			.append(escape(query))
			.append("\" maxlength=\"100\"></label> <label>状态：<select name=\"status\"><option value=\"\">全部</option>");
		for (DocumentStatus status : DocumentStatus.values()) {
			html.append("<option value=\"")
				.append(status.name())
				.append((status == shown) ? "\" selected>" : "\">")
				.append(status.label())
				.append("</option>");
		}
		return html.append("</select></label> <button type=\"submit\">检索</button></form>").toString();
	}

	private static String table(List<NormativeDocument> documents) {
		StringBuilder html = new StringBuilder("<table><thead><tr><th>序号</th><th>文号</th><th>登记号</th><th>文件名称</th>"
				+ "<th>制定机关</th><th>公布日期</th><th>施行日期</th><th>有效期至</th><th>状态</th></tr></thead><tbody>");
		if (documents.isEmpty()) {
			html.append("<tr><td colspan=\"9\" class=\"n\">没有符合条件的文件</td></tr>");
		}
		int number = 0;
		for (NormativeDocument document : documents) {
			html.append("<tr><td class=\"n\">")
				.append(++number)
				.append("</td><td class=\"n\">")
				.append(escape(document.documentNumber()))
				.append("</td><td class=\"n\">")
				.append(escape(document.registrationNumber()))
				.append("</td><td>")
				.append(escape(document.title()))
				.append("</td><td>")
				.append(escape(document.issuerName()))
				.append("</td><td class=\"n\">")
				.append(document.publishedOn())
				.append("</td><td class=\"n\">")
				.append(document.effectiveOn())
				.append("</td><td class=\"n\">")
				.append(document.validUntil())
				.append("</td><td class=\"n\">")
				.append(escape(document.status().label()))
				.append("</td></tr>");
		}
		return html.append("</tbody></table>").toString();
	}

	private String catalogues() {
		int year = LocalDate.now(this.zone).getYear();
		StringBuilder html = new StringBuilder("<h2>按季度公布的文件目录（CSV）</h2><nav>");
		for (int y = year; y >= year - 1; y--) {
			for (int quarter = 1; quarter <= 4; quarter++) {
				html.append("<a href=\"/api/public/normative-documents/catalog?year=")
					.append(y)
					.append("&amp;quarter=")
					.append(quarter)
					.append("\">")
					.append(y)
					.append("年第")
					.append(quarter)
					.append("季度</a>");
			}
		}
		return html.append("</nav>").toString();
	}

	private String cleanups() {
		List<CleanupResults.Campaign> campaigns = this.cleanups.published();
		if (campaigns.isEmpty()) {
			return "";
		}
		StringBuilder html = new StringBuilder("<h2>清理结果</h2>");
		for (CleanupResults.Campaign campaign : campaigns) {
			html.append("<h3>")
				.append(escape(campaign.title()))
				.append("（")
				.append(campaign.publishedOn())
				.append("公布）</h3><table><thead><tr><th>文号</th><th>文件名称</th><th>清理结果</th><th>理由</th></tr></thead><tbody>");
			for (CleanupResults.Result result : campaign.results()) {
				html.append("<tr><td class=\"n\">")
					.append(escape(result.documentNumber()))
					.append("</td><td>")
					.append(escape(result.title()))
					.append("</td><td class=\"n\">")
					.append(escape(result.decisionName()))
					.append("</td><td>")
					.append(escape(result.reason()))
					.append("</td></tr>");
			}
			html.append("</tbody></table>");
		}
		return html.toString();
	}

	private static String document(String title, String body) {
		return "<!DOCTYPE html><html lang=\"zh-CN\"><head><meta charset=\"UTF-8\">"
				+ "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>" + escape(title)
				+ "</title><style>" + STYLE + "</style></head><body><main>" + body + "</main></body></html>";
	}

	private static String escape(String text) {
		return HtmlUtils.htmlEscape((text == null) ? "" : text, StandardCharsets.UTF_8.name());
	}

}
