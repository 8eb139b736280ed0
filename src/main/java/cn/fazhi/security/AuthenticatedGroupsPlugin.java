package cn.fazhi.security;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.Session;
import org.camunda.bpm.engine.impl.interceptor.SessionFactory;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationManager;
import org.springframework.stereotype.Component;

/**
 * Keeps every authorization check independent of how many grants the database holds
 * (issue 8, ADR 0002).
 * <p>
 * Before each command's first authorization check, Camunda's {@link AuthorizationManager}
 * reads every group that holds any grant, {@code SELECT distinct(A.GROUP_ID_) FROM
 * ACT_RU_AUTHORIZATION A}, to drop the user's groups that hold none from its checks.
 * Fazhi grants per task and per case (an office's READ on each task it is routed,
 * {@link CaseParticipation}'s grants to each participant), so that table grows with every
 * case: 80,000 rows at 10,000 open legality reviews, and on PostgreSQL the statement read
 * all of them at each click, 37–42 ms, growing with the cases. A group that holds no
 * grant matches no row of the checks' {@code GROUP_ID_ IN (…)}, so checking with all of
 * the user's groups (a handful) answers exactly as checking with the filtered ones; this
 * manager does that and never reads the table for it.
 */
@Component
public class AuthenticatedGroupsPlugin extends AbstractProcessEnginePlugin {

	@Override
	public void preInit(ProcessEngineConfigurationImpl configuration) {
		List<SessionFactory> factories = configuration.getCustomSessionFactories();
		if (factories == null) {
			factories = new ArrayList<>();
			configuration.setCustomSessionFactories(factories);
		}
		factories.add(new AuthenticatedGroupsSessionFactory());
	}

	/** Opens {@link AuthenticatedGroupsManager} wherever the engine asks for its own. */
	static final class AuthenticatedGroupsSessionFactory implements SessionFactory {

		@Override
		public Class<?> getSessionType() {
			return AuthorizationManager.class;
		}

		@Override
		public Session openSession() {
			return new AuthenticatedGroupsManager();
		}

	}

	/** Camunda's manager, checking with the authenticated user's groups as they are. */
	static final class AuthenticatedGroupsManager extends AuthorizationManager {

		@Override
		public List<String> filterAuthenticatedGroupIds(List<String> authenticatedGroupIds) {
			return (authenticatedGroupIds != null) ? new ArrayList<>(new LinkedHashSet<>(authenticatedGroupIds))
					: new ArrayList<>();
		}

	}

}
