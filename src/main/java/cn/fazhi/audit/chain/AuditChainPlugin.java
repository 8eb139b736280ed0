package cn.fazhi.audit.chain;

import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.db.PersistenceSession;
import org.camunda.bpm.engine.impl.db.entitymanager.DbEntityManager;
import org.camunda.bpm.engine.impl.db.entitymanager.DbEntityManagerFactory;
import org.camunda.bpm.engine.impl.interceptor.SessionFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Hooks the audit chain into the engine's history pipeline: replaces the engine's
 * {@link DbEntityManager} session factory by one that opens a
 * {@link ChainingDbEntityManager} (custom session factories replace the default one for
 * the same session type). Every command then notes the history rows it flushes, and they
 * are linked in the command's own transaction.
 */
@Component
class AuditChainPlugin extends AbstractProcessEnginePlugin {

	private static final Logger log = LoggerFactory.getLogger(AuditChainPlugin.class);

	private final AuditChainProperties properties;

	private final ObjectProvider<ChainWriter> writer;

	/** Lazy: the writer's JDBC template is not needed until the first command. */
	AuditChainPlugin(AuditChainProperties properties, ObjectProvider<ChainWriter> writer) {
		this.properties = properties;
		this.writer = writer;
	}

	@Override
	public void preInit(ProcessEngineConfigurationImpl configuration) {
		if (!this.properties.enabled()) {
			log.warn("The audit chain is switched off (fazhi.audit.chain.enabled=false): history written now will be "
					+ "reported as not in the chain by every later verification");
			return;
		}
		List<SessionFactory> factories = configuration.getCustomSessionFactories();
		if (factories == null) {
			factories = new ArrayList<>();
			configuration.setCustomSessionFactories(factories);
		}
		factories.add(new ChainingSessionFactory(this.writer));
		log.info("Audit chain on: history writes are linked per {} (ADR 0012)", this.properties.partition());
	}

	/** Opens a chaining entity manager in place of the engine's own. */
	static final class ChainingSessionFactory extends DbEntityManagerFactory {

		private final ObjectProvider<ChainWriter> writer;

		ChainingSessionFactory(ObjectProvider<ChainWriter> writer) {
			super(null);
			this.writer = writer;
		}

		@Override
		public DbEntityManager openSession() {
			PersistenceSession persistence = Context.getCommandContext().getSession(PersistenceSession.class);
			return new ChainingDbEntityManager(Context.getProcessEngineConfiguration().getIdGenerator(), persistence,
					this.writer.getObject());
		}

	}

}
