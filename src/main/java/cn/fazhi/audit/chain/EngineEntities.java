package cn.fazhi.audit.chain;

import java.util.LinkedHashMap;
import java.util.Map;

import org.camunda.bpm.engine.impl.batch.history.HistoricBatchEntity;
import org.camunda.bpm.engine.impl.db.DbEntity;
import org.camunda.bpm.engine.impl.history.event.HistoricActivityInstanceEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoricDecisionInputInstanceEntity;
import org.camunda.bpm.engine.impl.history.event.HistoricDecisionInstanceEntity;
import org.camunda.bpm.engine.impl.history.event.HistoricDecisionOutputInstanceEntity;
import org.camunda.bpm.engine.impl.history.event.HistoricDetailEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoricExternalTaskLogEntity;
import org.camunda.bpm.engine.impl.history.event.HistoricIdentityLinkLogEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoricIncidentEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoricProcessInstanceEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoricTaskInstanceEventEntity;
import org.camunda.bpm.engine.impl.history.event.UserOperationLogEntryEventEntity;
import org.camunda.bpm.engine.impl.persistence.entity.AttachmentEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ByteArrayEntity;
import org.camunda.bpm.engine.impl.persistence.entity.CommentEntity;
import org.camunda.bpm.engine.impl.persistence.entity.HistoricJobLogEventEntity;
import org.camunda.bpm.engine.impl.persistence.entity.HistoricVariableInstanceEntity;

/**
 * Which chained table an engine entity is stored in. The engine's entity classes for one
 * table form a hierarchy (the history event and the entity read back from the table), so
 * a type belongs to the first listed class it is assignable to.
 */
final class EngineEntities {

	private static final Map<Class<?>, String> TABLES = new LinkedHashMap<>();

	static {
		TABLES.put(HistoricProcessInstanceEventEntity.class, "ACT_HI_PROCINST");
		TABLES.put(HistoricActivityInstanceEventEntity.class, "ACT_HI_ACTINST");
		TABLES.put(HistoricTaskInstanceEventEntity.class, "ACT_HI_TASKINST");
		TABLES.put(HistoricVariableInstanceEntity.class, "ACT_HI_VARINST");
		TABLES.put(HistoricDetailEventEntity.class, "ACT_HI_DETAIL");
		TABLES.put(HistoricIdentityLinkLogEventEntity.class, "ACT_HI_IDENTITYLINK");
		TABLES.put(HistoricIncidentEventEntity.class, "ACT_HI_INCIDENT");
		TABLES.put(HistoricJobLogEventEntity.class, "ACT_HI_JOB_LOG");
		TABLES.put(HistoricExternalTaskLogEntity.class, "ACT_HI_EXT_TASK_LOG");
		TABLES.put(UserOperationLogEntryEventEntity.class, "ACT_HI_OP_LOG");
		TABLES.put(CommentEntity.class, "ACT_HI_COMMENT");
		TABLES.put(AttachmentEntity.class, "ACT_HI_ATTACHMENT");
		TABLES.put(HistoricDecisionInstanceEntity.class, "ACT_HI_DECINST");
		TABLES.put(HistoricDecisionInputInstanceEntity.class, "ACT_HI_DEC_IN");
		TABLES.put(HistoricDecisionOutputInstanceEntity.class, "ACT_HI_DEC_OUT");
		TABLES.put(HistoricBatchEntity.class, "ACT_HI_BATCH");
	}

	private EngineEntities() {
	}

	/**
	 * The chained table of an entity of the given type, or null when such entities are
	 * not chained (runtime state, repository, identity, non-history byte arrays).
	 */
	static String tableOf(Class<?> type, DbEntity entity) {
		if (type == null) {
			return null;
		}
		if (ByteArrayEntity.class.isAssignableFrom(type)) {
			boolean history = entity instanceof ByteArrayEntity bytes && bytes.getType() != null
					&& bytes.getType() == ChainedTable.HISTORY_BYTE_ARRAY;
			return history ? ChainedTable.BYTE_ARRAY : null;
		}
		for (Map.Entry<Class<?>, String> entry : TABLES.entrySet()) {
			if (entry.getKey().isAssignableFrom(type)) {
				return entry.getValue();
			}
		}
		return null;
	}

	/** Whether bulk statements on entities of this type touch chained rows. */
	static boolean chained(Class<?> type) {
		return type != null && (ByteArrayEntity.class.isAssignableFrom(type)
				|| TABLES.keySet().stream().anyMatch((chained) -> chained.isAssignableFrom(type)));
	}

}
