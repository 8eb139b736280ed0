package cn.fazhi.normative.register;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The register of normative documents as the government publishes it: read-only and
 * without login (SecurityConfig permits {@code /api/public/**}).
 * <ul>
 * <li>{@code GET /api/public/normative-documents?q=&status=}: full-text search over
 * title, document number and registration number, optionally by status;</li>
 * <li>{@code GET /api/public/normative-documents/catalog?year=&quarter=}: the quarterly
 * catalogue (按季度公布目录) of the documents published in that quarter, as CSV;</li>
 * <li>{@code GET /api/public/normative-document-cleanups}: the published cleanup result
 * lists.</li>
 * </ul>
 */
@RestController
class NormativeRegisterController {

	static final MediaType CSV = new MediaType("text", "csv", StandardCharsets.UTF_8);

	private final NormativeRegister register;

	private final CleanupResults cleanups;

	NormativeRegisterController(NormativeRegister register, CleanupResults cleanups) {
		this.register = register;
		this.cleanups = cleanups;
	}

	@GetMapping("/api/public/normative-documents")
	List<PublicDocument> search(@RequestParam(required = false) String q,
			@RequestParam(required = false) String status) {
		return this.register.search(RegisterQuery.query(q), RegisterQuery.status(status))
			.stream()
			.map(PublicDocument::of)
			.toList();
	}

	/** The published result lists of cleanup campaigns (清理结果), newest first. */
	@GetMapping("/api/public/normative-document-cleanups")
	List<CleanupResults.Campaign> cleanups() {
		return this.cleanups.published();
	}

	@GetMapping("/api/public/normative-documents/catalog")
	ResponseEntity<byte[]> catalog(@RequestParam(required = false) String year,
			@RequestParam(required = false) String quarter) {
		int y = RegisterQuery.year(year);
		int q = RegisterQuery.quarter(quarter);
		String csv = QuarterlyCatalog.csv(this.register.quarter(y, q));
		return ResponseEntity.ok()
			.contentType(CSV)
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment()
						.filename("normative-documents-" + y + "-Q" + q + ".csv")
						.build()
						.toString())
			.body(csv.getBytes(StandardCharsets.UTF_8));
	}

}
