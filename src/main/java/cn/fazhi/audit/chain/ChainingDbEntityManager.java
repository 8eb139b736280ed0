package cn.fazhi.audit.chain;

import java.util.List;
import java.util.Map;

import cn.fazhi.audit.chain.PendingLinks.Change;

import org.camunda.bpm.engine.impl.cfg.IdGenerator;
import org.camunda.bpm.engine.impl.db.DbEntity;
import org.camunda.bpm.engine.impl.db.PersistenceSession;
import org.camunda.bpm.engine.impl.db.entitymanager.DbEntityManager;
import org.camunda.bpm.engine.impl.db.entitymanager.operation.DbBulkOperation;
import org.camunda.bpm.engine.impl.db.entitymanager.operation.DbEntityOperation;
import org.camunda.bpm.engine.impl.db.entitymanager.operation.DbOperation;
import org.camunda.bpm.engine.impl.db.entitymanager.operation.DbOperationType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The engine's entity manager, noting every history row it writes for the audit chain.
 * <p>
 * Why here and not in a {@code HistoryEventHandler}: the handler sees history events, but
 * not every write to the history tables is one. Comments and attachments are inserted
 * directly, {@code ACT_HI_VARINST} is updated by dirty checking of a cached entity, an
 * end event is merged onto a row whose start time is copied from the database, and byte
 * arrays are written alongside. The flush is where all of them become SQL, so this is the
 * one place that sees exactly what reaches the tables. The rows are only noted here; they
 * are read back and linked once per transaction, just before it commits
 * ({@link PendingLinks}).
 */
class ChainingDbEntityManager extends DbEntityManager {

	private static final Logger log = LoggerFactory.getLogger(ChainingDbEntityManager.class);

	/** The one bulk statement that changes chained content (not only removal times). */
	private static final String ANNOTATION_UPDATE = "updateOperationLogAnnotationByOperationId";

	private final ChainWriter writer;

	ChainingDbEntityManager(IdGenerator idGenerator, PersistenceSession persistenceSession, ChainWriter writer) {
		super(idGenerator, persistenceSession);
		this.writer = writer;
	}

	@Override
	protected void flushDbOperations(List<DbOperation> operations, List<DbOperation> allOperations) {
		super.flushDbOperations(operations, allOperations);
		for (DbOperation operation : operations) {
			if (operation.getState() != DbOperation.State.APPLIED) {
				continue;
			}
			if (operation instanceof DbEntityOperation entityOperation) {
				noteEntity(entityOperation);
			}
			else if (operation instanceof DbBulkOperation bulk && EngineEntities.chained(bulk.getEntityType())) {
				noteBulk(bulk);
			}
		}
	}

	private void noteEntity(DbEntityOperation operation) {
		DbEntity entity = operation.getEntity();
		String table = EngineEntities.tableOf(operation.getEntityType(), entity);
		if (table == null || entity == null || entity.getId() == null) {
			return;
		}
		Change change = switch (operation.getOperationType()) {
			case INSERT -> Change.INSERT;
			case DELETE -> Change.DELETE;
			default -> Change.UPDATE;
		};
		PendingLinks.current(this.writer).add(table, entity.getId(), change);
	}

	/**
	 * Bulk statements on history set removal times (not chained content), set an
	 * operation-log annotation (linked by operation id), or delete history (history
	 * cleanup, deleting a historic instance): the rows they remove cannot be named here,
	 * and verification reports them as missing — deleting history of cases under
	 * retention is not allowed (ADR 0004, ADR 0012).
	 */
	private void noteBulk(DbBulkOperation bulk) {
		if (bulk.getStatement() != null && bulk.getStatement().startsWith(ANNOTATION_UPDATE)
				&& bulk.getParameter() instanceof Map<?, ?> parameters && parameters.get("operationId") != null) {
			PendingLinks.current(this.writer).addAnnotatedOperation(parameters.get("operationId").toString());
		}
		else if (bulk.getOperationType() == DbOperationType.DELETE_BULK) {
			log.warn("History rows are being deleted in bulk ({} on {}); the audit chain will report them as missing",
					bulk.getStatement(), bulk.getEntityType().getSimpleName());
		}
	}

}
