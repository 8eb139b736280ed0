package cn.fazhi.system.engine;

import java.sql.Connection;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.ibatis.executor.statement.StatementHandler;
import org.apache.ibatis.plugin.Interceptor;
import org.apache.ibatis.plugin.Intercepts;
import org.apache.ibatis.plugin.Invocation;
import org.apache.ibatis.plugin.Plugin;
import org.apache.ibatis.plugin.Signature;
import org.apache.ibatis.reflection.MetaObject;
import org.apache.ibatis.reflection.SystemMetaObject;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.db.sql.DbSqlSessionFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Keeps the task list and the case lists linear on PostgreSQL (issue 8, ADR 0017).
 * <p>
 * With authorization checks on, Camunda's list queries join the authorizations the user
 * and their groups hold as a derived table,
 * {@code left join (select A.* from ACT_RU_AUTHORIZATION A where …) AUTH on (AUTH.RESOURCE_ID_ in (RES.ID_, D.KEY_, '*'))}.
 * Every task of an office carries the office's own READ grant (Camunda's default task
 * permissions), every case its participants' grants (CaseParticipation), so the derived
 * table grows with the office's queue and cases. An {@code OR} of equalities cannot be
 * hash-joined, PostgreSQL underestimates the derived table (its {@code PERMS_ & n = n}
 * filters get a default selectivity) and compares every row with every grant: 4 million
 * comparisons and 290 ms for the first page of 2,000 open tasks, 52 × raw Camunda,
 * growing with the square of the queue.
 * <p>
 * This interceptor rewrites that one join, on PostgreSQL, in the statements of
 * {@link #STATEMENTS} (list, count and id queries of tasks, process instances and
 * historic process instances) into a lateral look-up of one matching grant per row,
 * {@code left join lateral (select A.* … and A.RESOURCE_ID_ in (RES.ID_, D.KEY_, '*') limit 1) AUTH on (true)},
 * which PostgreSQL answers through the {@code RESOURCE_ID_} index. The condition and its
 * parameters are Camunda's own and stay in place; these queries only ever ask whether
 * {@code AUTH.RESOURCE_ID_} is null, so one matching grant answers it as well as all of
 * them (and a row matched by two grants is no longer listed twice). Other statements, H2
 * and any SQL of a different shape (a later Camunda version) are left as they are; a
 * statement that no longer has the expected shape is logged once.
 */
@Component
public class PostgresAuthorizationJoinPlugin extends AbstractProcessEnginePlugin {

	private static final String ENTITY = "org.camunda.bpm.engine.impl.persistence.entity.";

	/**
	 * Prefixes of the statements whose authorization join is rewritten (each ends in
	 * {@code ByQueryCriteria}): Tasklist's queue and filters, a department's running and
	 * finished cases (Fazhi's case search, {@code /engine-rest/process-instance},
	 * {@code /engine-rest/history/process-instance}).
	 */
	static final List<String> STATEMENTS = List.of(ENTITY + "TaskEntity.selectTask",
			ENTITY + "ExecutionEntity.selectProcessInstance",
			ENTITY + "HistoricProcessInstanceEntity.selectHistoricProcessInstance");

	/**
	 * Camunda's derived table of grants joined as {@code AUTH}; its condition may not
	 * span another join (a second derived table {@code AUTH1} is left alone).
	 */
	static final Pattern AUTH_JOIN = Pattern.compile(
			"(left|inner)\\s+join\\s*\\(\\s*SELECT\\s+A\\.\\*\\s+FROM\\s+(\\S*ACT_RU_AUTHORIZATION)\\s+A\\s+(WHERE(?:(?!\\bjoin\\b).)*?)\\)\\s*AUTH\\s+ON\\s+\\(\\s*AUTH\\.RESOURCE_ID_\\s+IN\\s*\\(([^()]*)\\)\\s*\\)",
			Pattern.CASE_INSENSITIVE | Pattern.DOTALL);

	private static final Logger log = LoggerFactory.getLogger(PostgresAuthorizationJoinPlugin.class);

	private final AuthorizationJoinRewrite interceptor = new AuthorizationJoinRewrite();

	private final boolean enabled;

	/**
	 * @param enabled {@code fazhi.postgres.per-row-authorization}: {@code false} runs
	 * Camunda's own join (to compare, or should a Camunda version need it)
	 */
	PostgresAuthorizationJoinPlugin(@Value("${fazhi.postgres.per-row-authorization:true}") boolean enabled) {
		this.enabled = enabled;
	}

	@Override
	public void postProcessEngineBuild(ProcessEngine processEngine) {
		ProcessEngineConfigurationImpl configuration = (ProcessEngineConfigurationImpl) processEngine
			.getProcessEngineConfiguration();
		if (!DbSqlSessionFactory.POSTGRES.equals(configuration.getDatabaseType())) {
			return;
		}
		if (!this.enabled) {
			log.warn("fazhi.postgres.per-row-authorization=false: task and case lists run Camunda's own "
					+ "authorization join, which grows with the square of an office's list on PostgreSQL");
			return;
		}
		configuration.getSqlSessionFactory().getConfiguration().addInterceptor(this.interceptor);
		log.info("Task and case lists on PostgreSQL look up authorizations per row (lateral join, ADR 0017)");
	}

	/** How many queries were rewritten since the engine started (0 on H2). */
	public long rewrites() {
		return this.interceptor.rewrites.get();
	}

	/**
	 * The rewritten SQL, or the SQL unchanged if it has no authorization join of the
	 * expected shape.
	 */
	static String rewrite(String sql) {
		Matcher join = AUTH_JOIN.matcher(sql);
		if (!join.find()) {
			return sql;
		}
		StringBuilder rewritten = new StringBuilder();
		do {
			join.appendReplacement(rewritten,
					Matcher.quoteReplacement(
							join.group(1) + " join lateral (SELECT A.* FROM " + join.group(2) + " A " + join.group(3)
									+ " AND A.RESOURCE_ID_ IN (" + join.group(4) + ") LIMIT 1) AUTH ON (true)"));
		}
		while (join.find());
		join.appendTail(rewritten);
		return rewritten.toString();
	}

	static boolean isRewritable(String statement) {
		return statement.endsWith("ByQueryCriteria") && STATEMENTS.stream().anyMatch(statement::startsWith);
	}

	@Intercepts(@Signature(type = StatementHandler.class, method = "prepare",
			args = { Connection.class, Integer.class }))
	static class AuthorizationJoinRewrite implements Interceptor {

		private final AtomicLong rewrites = new AtomicLong();

		private volatile boolean warned;

		@Override
		public Object intercept(Invocation invocation) throws Throwable {
			MetaObject handler = SystemMetaObject.forObject(invocation.getTarget());
			String statement = (String) handler.getValue("delegate.mappedStatement.id");
			if (isRewritable(statement)) {
				String sql = (String) handler.getValue("delegate.boundSql.sql");
				String rewritten = rewrite(sql);
				if (rewritten != sql) {
					handler.setValue("delegate.boundSql.sql", rewritten);
					this.rewrites.incrementAndGet();
				}
				else if (!this.warned && sql.contains("AUTH.RESOURCE_ID_")) {
					this.warned = true;
					log.warn("The authorization join of {} has a shape this version does not know; the query "
							+ "runs as Camunda wrote it (slow for long lists on PostgreSQL)", statement);
				}
			}
			return invocation.proceed();
		}

		@Override
		public Object plugin(Object target) {
			return (target instanceof StatementHandler) ? Plugin.wrap(target, this) : target;
		}

		@Override
		public void setProperties(Properties properties) {
		}

	}

}
