package cn.fazhi.materials;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.util.List;

import cn.fazhi.security.CaseAccess;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * The case materials API (案卷材料). Uploading, listing and downloading are open to every
 * logged-in user; {@link CaseAccess} decides per case with Camunda's authorizations, so
 * that the rules are the same as for the case itself in Tasklist and Cockpit.
 */
@RestController
@RequestMapping("/api/cases/{businessKey}/materials")
class MaterialsController {

	/** Response header with the hex SHA-256 of the content, for checking a download. */
	static final String SHA256_HEADER = "X-Content-SHA256";

	private final CaseMaterials materials;

	MaterialsController(CaseMaterials materials) {
		this.materials = materials;
	}

	@PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	ResponseEntity<Material> upload(@PathVariable String businessKey,
			@RequestParam(name = "file", required = false) MultipartFile file,
			@RequestParam(required = false) String materialType, @RequestParam(required = false) String description,
			@RequestParam(required = false) String taskId, Principal principal) {
		Material material = this.materials.add(principal.getName(), businessKey,
				new CaseMaterials.Upload(file, materialType, description, taskId));
		URI location = ServletUriComponentsBuilder.fromCurrentContextPath()
			.path("/api/cases/{businessKey}/materials/{id}")
			.buildAndExpand(businessKey, material.id())
			.encode()
			.toUri();
		return ResponseEntity.created(location).body(material);
	}

	@GetMapping
	List<Material> list(@PathVariable String businessKey, Principal principal) {
		return this.materials.list(principal.getName(), businessKey);
	}

	/**
	 * The file as it was uploaded, always as a download (never shown inline in the
	 * browser), with its name in UTF-8 (RFC 5987 {@code filename*}).
	 */
	@GetMapping("/{id}")
	ResponseEntity<byte[]> download(@PathVariable String businessKey, @PathVariable String id, Principal principal) {
		CaseMaterials.Content content = this.materials.open(principal.getName(), businessKey, id);
		Material material = content.material();
		ContentDisposition disposition = ContentDisposition.attachment()
			.filename(material.name(), StandardCharsets.UTF_8)
			.build();
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType(material.contentType()))
			.contentLength(content.bytes().length)
			.header(HttpHeaders.CONTENT_DISPOSITION, disposition.toString())
			.header(SHA256_HEADER, material.sha256())
			.body(content.bytes());
	}

}
