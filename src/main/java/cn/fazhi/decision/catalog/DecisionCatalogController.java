package cn.fazhi.decision.catalog;

import java.net.URI;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.exc.MismatchedInputException;

import cn.fazhi.directory.Directory;
import cn.fazhi.directory.DirectoryDocument.Office;
import cn.fazhi.directory.DirectoryDocument.OfficeKind;
import cn.fazhi.system.web.ApiError;
import cn.fazhi.system.web.ApiException;

import org.camunda.bpm.engine.authorization.Groups;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The decision catalogue over HTTP. {@code /api/public/decision-catalog} is what the
 * government publishes (no login; SecurityConfig permits {@code /api/public/**}), so it
 * carries neither case numbers nor editors. Writing is for the secretariat (the
 * directory's SECRETARIAT offices, which draw up the catalogue) and administrators.
 */
@RestController
class DecisionCatalogController {

	/**
	 * Authorities are the user's groups with this prefix
	 * (CamundaIdentityAuthenticationProvider).
	 */
	private static final String GROUP = "GROUP_";

	private final DecisionCatalog catalog;

	private final Directory directory;

	DecisionCatalogController(DecisionCatalog catalog, Directory directory) {
		this.catalog = catalog;
		this.directory = directory;
	}

	@GetMapping("/api/public/decision-catalog")
	List<PublicItem> publicList(@RequestParam(required = false) String year) {
		return this.catalog.list(parseYear(year)).stream().map(PublicItem::of).toList();
	}

	@GetMapping("/api/decision-catalog")
	List<Item> list(@RequestParam(required = false) String year) {
		return this.catalog.list(parseYear(year)).stream().map(Item::of).toList();
	}

	@GetMapping("/api/decision-catalog/{id}")
	Item get(@PathVariable long id) {
		return this.catalog.find(id).map(Item::of).orElseThrow(() -> DecisionCatalog.notFound(id));
	}

	@PostMapping("/api/decision-catalog")
	ResponseEntity<Item> create(@RequestBody(required = false) NewCatalogEntry entry, Authentication user) {
		requireWriter(user);
		CatalogEntry created = this.catalog.create(entry, user.getName());
		return ResponseEntity.created(URI.create("/api/decision-catalog/" + created.id())).body(Item.of(created));
	}

	@PutMapping("/api/decision-catalog/{id}")
	Item update(@PathVariable long id, @RequestBody(required = false) NewCatalogEntry entry, Authentication user) {
		requireWriter(user);
		return Item.of(this.catalog.update(id, entry, user.getName()));
	}

	@DeleteMapping("/api/decision-catalog/{id}")
	ResponseEntity<Void> delete(@PathVariable long id, Authentication user) {
		requireWriter(user);
		this.catalog.delete(id);
		return ResponseEntity.noContent().build();
	}

	/** Names the JSON field whose value has the wrong type, e.g. {@code "year":"明年"}. */
	@ExceptionHandler(HttpMessageNotReadableException.class)
	ResponseEntity<ApiError> unreadable(HttpMessageNotReadableException ex) {
		String field = null;
		if (ex.getCause() instanceof MismatchedInputException mismatch && !mismatch.getPath().isEmpty()) {
			field = mismatch.getPath().get(mismatch.getPath().size() - 1).getFieldName();
		}
		String message = (field == null) ? "请求内容不是有效的 JSON，请检查格式"
				: "字段 " + field + " 的值类型不正确（年度为整数，是否需要听证等为 true/false，其余为文字）";
		return ResponseEntity.badRequest().body(ApiException.badRequest(field, message).toError());
	}

	static int parseYear(String year) {
		if (year == null || year.isBlank()) {
			throw ApiException.badRequest("year", "缺少参数 year（目录年度），例如 year=2026");
		}
		try {
			return CatalogEntryValidator.year(Integer.valueOf(year.strip()));
		}
		catch (NumberFormatException ex) {
			throw ApiException.badRequest("year", "参数 year 的值“" + year + "”不是有效年度，应为四位数字，例如 2026");
		}
	}

	private void requireWriter(Authentication user) {
		Set<String> groups = user.getAuthorities()
			.stream()
			.map(GrantedAuthority::getAuthority)
			.filter((authority) -> authority.startsWith(GROUP))
			.map((authority) -> authority.substring(GROUP.length()))
			.collect(Collectors.toSet());
		List<Office> secretariats = this.directory.offices()
			.stream()
			.filter((office) -> office.kind() == OfficeKind.SECRETARIAT)
			.toList();
		if (groups.contains(Groups.CAMUNDA_ADMIN)
				|| secretariats.stream().anyMatch((office) -> groups.contains(office.id()))) {
			return;
		}
		String names = secretariats.stream().map(Office::name).collect(Collectors.joining("、"));
		throw new ApiException(HttpStatus.FORBIDDEN, null,
				"决策事项目录由" + (names.isEmpty() ? "政府办公室" : names) + "编制和调整，您没有修改目录的权限；如需增补或调整事项，请联系该单位");
	}

	/** A published matter: what the catalogue tells the public. */
	record PublicItem(long id, int year, String title, String category, String categoryName, String leadOffice,
			String leadOfficeName, String plannedTiming, String status, String statusName) {

		static PublicItem of(CatalogEntry entry) {
			return new PublicItem(entry.id(), entry.year(), entry.title(), entry.category().name(),
					entry.category().label(), entry.leadOffice(), entry.leadOfficeName(), entry.plannedTiming(),
					entry.status().name(), entry.status().label());
		}

	}

	/** A matter as staff see it: also the procedures required and the running case. */
	record Item(long id, int year, String title, String category, String categoryName, String leadOffice,
			String leadOfficeName, String plannedTiming, String status, String statusName, boolean hearingRequired,
			boolean expertReviewRequired, boolean riskAssessmentRequired, String runningBusinessKey) {

		static Item of(CatalogEntry entry) {
			return new Item(entry.id(), entry.year(), entry.title(), entry.category().name(), entry.category().label(),
					entry.leadOffice(), entry.leadOfficeName(), entry.plannedTiming(), entry.status().name(),
					entry.status().label(), entry.hearingRequired(), entry.expertReviewRequired(),
					entry.riskAssessmentRequired(), entry.runningBusinessKey());
		}

	}

}
