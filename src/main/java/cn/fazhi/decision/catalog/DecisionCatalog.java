package cn.fazhi.decision.catalog;

import java.util.List;
import java.util.Optional;

import cn.fazhi.system.web.ApiException;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The annual catalogue of major decision matters (重大行政决策事项目录, 《重大行政决策程序暂行条例》第三条第三款): the
 * secretariat keeps it, the public reads it, and the major-decision process links each
 * case to its matter.
 * <p>
 * Calls from engine delegates and listeners join the engine's transaction (Camunda's
 * Spring integration uses the same transaction manager), so a case that fails to start
 * also leaves its matter unlinked. A matter holds at most one running case: the link is a
 * single conditional UPDATE, so of two concurrent starts exactly one wins, on H2 and
 * PostgreSQL alike.
 * <p>
 * The methods the process calls refuse before they write, and do not mark the caller's
 * transaction rollback-only when they refuse: a delegate may catch
 * {@link CatalogEntryBusyException} (e.g. to throw a BPMN error) and still commit.
 */
@Service
public class DecisionCatalog {

	private static final Logger log = LoggerFactory.getLogger(DecisionCatalog.class);

	/** Who changed a matter when no user is signed in (job executor, start-up). */
	static final String SYSTEM = "system";

	private final CatalogRepository repository;

	private final CatalogEntryValidator validator;

	private final IdentityService identityService;

	DecisionCatalog(CatalogRepository repository, CatalogEntryValidator validator, IdentityService identityService) {
		this.repository = repository;
		this.validator = validator;
		this.identityService = identityService;
	}

	public Optional<CatalogEntry> find(long id) {
		return this.repository.find(id);
	}

	/** The matters of one year, in the order they were entered. */
	public List<CatalogEntry> list(int year) {
		return this.repository.list(year);
	}

	/** Years that have matters, ascending (the public page's year selector). */
	List<Integer> years() {
		return this.repository.years();
	}

	/**
	 * Links the entry to a decision being started, in the caller's transaction; status →
	 * IN_PROGRESS. Atomic under concurrency (a single conditional UPDATE … WHERE
	 * running_business_key IS NULL): a second call while one runs throws
	 * {@link CatalogEntryBusyException}.
	 * @param processInstanceId may be null when the case is linked before its instance
	 * exists
	 * @throws ApiException 404 if there is no such entry
	 */
	@Transactional(
			noRollbackFor = { CatalogEntryBusyException.class, ApiException.class, IllegalArgumentException.class })
	public CatalogEntry startDecision(long id, String businessKey, String processInstanceId) {
		require(businessKey != null && !businessKey.isBlank() && businessKey.length() <= 100,
				"businessKey must be 1-100 characters: " + businessKey);
		require(processInstanceId == null || processInstanceId.length() <= 64,
				"processInstanceId must be at most 64 characters: " + processInstanceId);
		if (this.repository.linkUnlessRunning(id, businessKey, processInstanceId, actor()) == 1) {
			log.info("Catalogue entry {} linked to decision {}", id, businessKey);
			return existing(id);
		}
		throw new CatalogEntryBusyException(id, existing(id).runningBusinessKey());
	}

	/**
	 * Status change reported by the running decision (DECIDED, PUBLISHED, STOPPED …).
	 * @throws IllegalArgumentException for {@link CatalogStatus#NOT_STARTED}: a matter
	 * once started is never "not started" again
	 * @throws ApiException 404 if there is no such entry
	 */
	@Transactional(
			noRollbackFor = { CatalogEntryBusyException.class, ApiException.class, IllegalArgumentException.class })
	public void updateStatus(long id, CatalogStatus status) {
		require(status != null && status != CatalogStatus.NOT_STARTED,
				"a decision can report any status but NOT_STARTED: " + status);
		if (this.repository.updateStatus(id, status, actor()) == 0) {
			throw notFound(id);
		}
	}

	/**
	 * The decision process ended: clears the running link (status kept). Idempotent: if
	 * the entry is no longer linked to this case (already cleared), nothing changes.
	 */
	@Transactional(
			noRollbackFor = { CatalogEntryBusyException.class, ApiException.class, IllegalArgumentException.class })
	public void decisionEnded(long id, String businessKey) {
		if (this.repository.unlink(id, businessKey, actor()) == 0) {
			log.warn("Decision {} ended, but catalogue entry {} was not linked to it; nothing to clear", businessKey,
					id);
		}
	}

	@Transactional
	public CatalogEntry create(NewCatalogEntry entry, String userId) {
		CatalogFields fields = this.validator.validate(entry);
		try {
			return existing(this.repository.insert(fields, userId));
		}
		catch (DuplicateKeyException ex) {
			throw duplicateTitle(fields);
		}
	}

	/**
	 * Rewrites the entry's fields; its status and running link are kept.
	 * @throws ApiException 409 while a decision runs for it, 404 if there is no such
	 * entry, 400 naming the wrong field
	 */
	@Transactional
	public CatalogEntry update(long id, NewCatalogEntry entry, String userId) {
		CatalogFields fields = this.validator.validate(entry);
		int changed;
		try {
			changed = this.repository.updateUnlessRunning(id, fields, userId);
		}
		catch (DuplicateKeyException ex) {
			throw duplicateTitle(fields);
		}
		if (changed == 0) {
			CatalogEntry current = existing(id);
			throw ApiException
				.conflict("该目录事项正在办理决策（案号 " + current.runningBusinessKey() + "），办理期间不能修改；" + "如需调整，请在决策办理结束后进行");
		}
		return existing(id);
	}

	/**
	 * Deletes an entry no decision was ever started for: a matter once taken up stays in
	 * the published record.
	 * @throws ApiException 409 otherwise, 404 if there is no such entry
	 */
	@Transactional
	public void delete(long id) {
		if (this.repository.deleteIfNeverStarted(id) == 1) {
			return;
		}
		CatalogEntry current = existing(id);
		if (current.runningBusinessKey() != null) {
			throw ApiException.conflict("该目录事项正在办理决策（案号 " + current.runningBusinessKey() + "），不能删除");
		}
		throw ApiException.conflict("该目录事项已启动过决策程序（当前状态：" + current.status().label() + "），应在目录中保留记录，不能删除");
	}

	private CatalogEntry existing(long id) {
		return this.repository.find(id).orElseThrow(() -> notFound(id));
	}

	static ApiException notFound(long id) {
		return ApiException.notFound("决策事项目录中没有编号为 " + id + " 的事项");
	}

	private static ApiException duplicateTitle(CatalogFields fields) {
		return new ApiException(HttpStatus.CONFLICT, "title",
				fields.year() + "年度目录中已有名为“" + fields.title() + "”的事项，请勿重复录入");
	}

	/** The signed-in user the engine knows of (REST request, Tasklist), else "system". */
	private String actor() {
		Authentication authentication = this.identityService.getCurrentAuthentication();
		return (authentication == null || authentication.getUserId() == null) ? SYSTEM : authentication.getUserId();
	}

	private static void require(boolean condition, String message) {
		if (!condition) {
			throw new IllegalArgumentException(message);
		}
	}

}
