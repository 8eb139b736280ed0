package cn.fazhi.system.engine;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.apache.ibatis.executor.statement.StatementHandler;
import org.apache.ibatis.plugin.Interceptor;
import org.apache.ibatis.plugin.Intercepts;
import org.apache.ibatis.plugin.Invocation;
import org.apache.ibatis.plugin.Plugin;
import org.apache.ibatis.plugin.Signature;
import org.apache.ibatis.reflection.DefaultReflectorFactory;
import org.apache.ibatis.reflection.MetaObject;
import org.apache.ibatis.reflection.ReflectorFactory;
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
 * {@code left join lateral (select G.* from (values (RES.ID_), (D.KEY_), ('*')) K(RESOURCE_ID_) cross join lateral (select A.* … and A.RESOURCE_ID_ = K.RESOURCE_ID_ limit 1) G limit 1) AUTH on (true)},
 * which PostgreSQL answers through the {@code RESOURCE_ID_} index, the row's own grant
 * first. The condition and its parameters are Camunda's own and stay in place (once);
 * these queries only ever ask whether {@code AUTH.RESOURCE_ID_} is null, so one matching
 * grant answers it as well as all of them (and a row matched by two grants is no longer
 * listed twice). Other statements, H2 and any SQL of a different shape (a later Camunda
 * version) are left as they are; a statement that no longer has the expected shape is
 * logged once. The office queue itself is also read newest first from the index when its
 * only condition on identity links is the candidate groups ({@link #pageFromIndex}).
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

	/** Fazhi's index on {@code ACT_RU_TASK.DUE_DATE_} (PostgreSQL only). */
	static final String DUE_DATE_INDEX = "fz_idx_task_due_date";

	/**
	 * Tasklist's queue and filters: the one list whose page can be read from an index.
	 */
	static final String TASK_LIST = ENTITY + "TaskEntity.selectTaskByQueryCriteria";

	private static final int FLAGS = Pattern.CASE_INSENSITIVE | Pattern.DOTALL;

	/**
	 * {@code select distinct <columns> from ACT_RU_TASK RES}, the start of Camunda's task
	 * list.
	 */
	static final Pattern TASK_SELECT = Pattern
		.compile("\\s*select\\s+distinct\\s+((?:(?!\\bfrom\\b).)*?)\\s+from\\s+(\\S*ACT_RU_TASK)\\s+RES\\s+", FLAGS);

	/** The join of the task's identity links, the one join that can repeat a task. */
	static final Pattern IDENTITY_LINK_JOIN = Pattern
		.compile("left\\s+join\\s+(\\S*ACT_RU_IDENTITYLINK)\\s+I\\s+on\\s+I\\.TASK_ID_\\s*=\\s*RES\\.ID_\\s+", FLAGS);

	/** The task's process definition: at most one row per task. */
	static final Pattern DEFINITION_JOIN = Pattern
		.compile("left\\s+join\\s+\\S*ACT_RE_PROCDEF\\s+D\\s+on\\s+RES\\.PROC_DEF_ID_\\s*=\\s*D\\.ID_\\s+", FLAGS);

	/**
	 * {@code I.TYPE_ = 'candidate' and ( I.GROUP_ID_ IN ( ?, … ) )}: the office's queue.
	 */
	static final Pattern CANDIDATE_GROUPS = Pattern
		.compile("I\\.TYPE_\\s*=\\s*'candidate'\\s+and\\s*\\(\\s*I\\.GROUP_ID_\\s+IN\\s*\\(([^()]*)\\)\\s*\\)", FLAGS);

	private static final Pattern IDENTITY_LINK_COLUMN = Pattern.compile("\\bI\\.", FLAGS);

	/** A negation would make "some link matches" differ from "no link fails". */
	private static final Pattern NEGATION = Pattern.compile("(?<!\\bis\\s)\\bnot\\b", FLAGS);

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
		warnWithoutAutovacuum(configuration);
		if (!this.enabled) {
			log.warn("fazhi.postgres.per-row-authorization=false: task and case lists run Camunda's own "
					+ "authorization join, which grows with the square of an office's list on PostgreSQL");
			return;
		}
		configuration.getSqlSessionFactory().getConfiguration().addInterceptor(this.interceptor);
		log.info("Task and case lists on PostgreSQL look up authorizations per row (lateral join, ADR 0017)");
		createDueDateIndex(configuration);
	}

	/**
	 * Without autovacuum PostgreSQL never refreshes its planner statistics: plans made
	 * while the tables were small stay in use as cases accumulate (in the benchmark on
	 * such a server, loading slowed from 40 s to over 3 minutes per 1,000 cases). Fazhi
	 * does not run the database's maintenance; it says so at start.
	 */
	private static void warnWithoutAutovacuum(ProcessEngineConfigurationImpl configuration) {
		try (Connection connection = configuration.getDataSource().getConnection();
				Statement statement = connection.createStatement();
				ResultSet setting = statement.executeQuery("show autovacuum")) {
			if (setting.next() && "off".equals(setting.getString(1))) {
				log.warn("PostgreSQL runs without autovacuum: planner statistics go stale as cases accumulate and "
						+ "every step slows down. Turn autovacuum on, or run ANALYZE regularly (docs/benchmarks.md)");
			}
		}
		catch (SQLException ex) {
			log.debug("Could not read the autovacuum setting: {}", ex.getMessage());
		}
	}

	/**
	 * Tasklist's filters list tasks by due date; Camunda indexes the creation time but
	 * not the due date, so without this index PostgreSQL checks every task of the office
	 * before it can take the first page. Created once, after Camunda's schema; a node
	 * that loses the race to create it (or lacks the right to) logs and goes on, the
	 * lists are only slower.
	 */
	private static void createDueDateIndex(ProcessEngineConfigurationImpl configuration) {
		String table = configuration.getDatabaseTablePrefix() + "ACT_RU_TASK";
		try (Connection connection = configuration.getDataSource().getConnection();
				Statement statement = connection.createStatement()) {
			connection.setAutoCommit(true);
			statement.execute("create index if not exists " + DUE_DATE_INDEX + " on " + table + " (DUE_DATE_)");
		}
		catch (SQLException ex) {
			log.warn("Could not create the index {} on {} ({}): Tasklist's filters by due date read every task "
					+ "of an office", DUE_DATE_INDEX, table, ex.getMessage());
		}
	}

	/** How many queries were rewritten since the engine started (0 on H2). */
	public long rewrites() {
		return this.interceptor.rewrites.get();
	}

	/**
	 * How many task list pages were read through an index (see {@link #pageFromIndex}).
	 */
	public long pagedFromIndex() {
		return this.interceptor.pagedFromIndex.get();
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
					Matcher.quoteReplacement(join.group(1) + " join lateral (SELECT G.* FROM (VALUES "
							+ resourceIds(join.group(4)) + ") K(RESOURCE_ID_) CROSS JOIN LATERAL (SELECT A.* FROM "
							+ join.group(2) + " A " + join.group(3)
							+ " AND A.RESOURCE_ID_ = K.RESOURCE_ID_ LIMIT 1) G LIMIT 1) AUTH ON (true)"));
		}
		while (join.find());
		join.appendTail(rewritten);
		return rewritten.toString();
	}

	/**
	 * The resources a grant may name, one {@code VALUES} row each, the wildcard last:
	 * {@code RES.ID_ , D.KEY_ , '*'} becomes {@code (RES.ID_), (D.KEY_), ('*')}.
	 * PostgreSQL probes them in this order and stops at the first grant found, so a
	 * task's or case's own grant answers before the wildcard grants of every group are
	 * read (an {@code IN} list would read those first: {@code '*'} sorts before every
	 * id).
	 */
	static String resourceIds(String list) {
		List<String> ids = new ArrayList<>();
		for (String id : list.split(",")) {
			ids.add(id.strip());
		}
		ids.sort(Comparator.comparing("'*'"::equals));
		return ids.stream().map((id) -> "(" + id + ")").collect(Collectors.joining(", "));
	}

	/**
	 * The task list's page read in the order of an index instead of sorting the whole
	 * queue, or the SQL unchanged. Camunda selects {@code distinct} tasks because its
	 * join of identity links lists a task once per matching candidate group; PostgreSQL
	 * then sorts every task of the queue before it takes the page (linear in the queue,
	 * 12–31 ms per 10,000 tasks even for raw Camunda on the benchmark machines). Where
	 * the candidate groups are the only condition on identity links, that join is
	 * replaced by
	 * {@code exists (select 1 from ACT_RU_IDENTITYLINK I where I.TASK_ID_ = RES.ID_ and …)},
	 * which lists each task once, and {@code distinct} is dropped: the remaining joins
	 * (the process definition, the look-up of one grant) add at most one row each, so
	 * PostgreSQL can walk {@code ACT_RU_TASK} newest first through its index and stop
	 * after the page. Any other shape (another join, identity links named elsewhere, a
	 * negation) is left as Camunda wrote it.
	 */
	static String pageFromIndex(String sql) {
		Matcher select = TASK_SELECT.matcher(sql);
		if (!select.lookingAt()) {
			return sql;
		}
		String identityLinks = null;
		StringBuilder joins = new StringBuilder();
		int at = select.end();
		while (true) {
			Matcher identity = IDENTITY_LINK_JOIN.matcher(sql).region(at, sql.length());
			Matcher definition = DEFINITION_JOIN.matcher(sql).region(at, sql.length());
			Matcher grant = AUTH_JOIN.matcher(sql).region(at, sql.length());
			if (identity.lookingAt() && identityLinks == null) {
				identityLinks = identity.group(1);
				at = identity.end();
			}
			else if (definition.lookingAt()) {
				joins.append(definition.group()).append(' ');
				at = definition.end();
			}
			else if (grant.lookingAt()) {
				joins.append(grant.group()).append(' ');
				at = skipWhitespace(sql, grant.end());
			}
			else {
				break;
			}
		}
		String rest = sql.substring(at);
		if (identityLinks == null || !rest.regionMatches(true, 0, "WHERE", 0, 5) || NEGATION.matcher(rest).find()) {
			return sql;
		}
		Matcher candidates = CANDIDATE_GROUPS.matcher(rest);
		if (!candidates.find()) {
			return sql;
		}
		String semiJoin = "exists (select 1 from " + identityLinks
				+ " I where I.TASK_ID_ = RES.ID_ and I.TYPE_ = 'candidate' and I.GROUP_ID_ IN (" + candidates.group(1)
				+ "))";
		String where = rest.substring(0, candidates.start()) + semiJoin + rest.substring(candidates.end());
		String outside = rest.substring(0, candidates.start()) + rest.substring(candidates.end());
		if (IDENTITY_LINK_COLUMN.matcher(outside).find()) {
			return sql;
		}
		return "select " + select.group(1) + " from " + select.group(2) + " RES " + joins + where;
	}

	private static int skipWhitespace(String sql, int from) {
		int at = from;
		while (at < sql.length() && Character.isWhitespace(sql.charAt(at))) {
			at++;
		}
		return at;
	}

	static boolean isRewritable(String statement) {
		return statement.endsWith("ByQueryCriteria") && STATEMENTS.stream().anyMatch(statement::startsWith);
	}

	@Intercepts(@Signature(type = StatementHandler.class, method = "prepare",
			args = { Connection.class, Integer.class }))
	static class AuthorizationJoinRewrite implements Interceptor {

		/**
		 * Shapes of SQL kept rewritten. Camunda's SQL for one query differs only in its
		 * conditions and the lengths of its {@code IN} lists, so shapes recur; the map is
		 * emptied should it ever fill, so an unusual mix of queries costs regular
		 * expressions, never memory.
		 */
		static final int SHAPES = 512;

		/**
		 * Every statement the engine prepares passes here; only those that join the
		 * grants are looked at further. Reading the statement's id through a
		 * {@link MetaObject} costs a reflective scan of the handler's classes unless the
		 * reflector factory is kept ({@code SystemMetaObject.forObject} makes a new one
		 * each time: 10 % of the task list's CPU in the fifth session's profile).
		 */
		private static final ReflectorFactory REFLECTORS = new DefaultReflectorFactory();

		private static final String GRANTS = "ACT_RU_AUTHORIZATION";

		final AtomicLong rewrites = new AtomicLong();

		final AtomicLong pagedFromIndex = new AtomicLong();

		/**
		 * Rewritten SQL by statement and Camunda's SQL (regular expressions run once).
		 */
		private final Map<Shape, Rewritten> shapes = new ConcurrentHashMap<>();

		private volatile boolean warned;

		private record Shape(String statement, String sql) {
		}

		private record Rewritten(String sql, boolean paged, boolean rewritten) {
		}

		@Override
		public Object intercept(Invocation invocation) throws Throwable {
			StatementHandler target = (StatementHandler) invocation.getTarget();
			String sql = target.getBoundSql().getSql();
			if (sql.indexOf(GRANTS) < 0) {
				return invocation.proceed();
			}
			MetaObject handler = MetaObject.forObject(target, SystemMetaObject.DEFAULT_OBJECT_FACTORY,
					SystemMetaObject.DEFAULT_OBJECT_WRAPPER_FACTORY, REFLECTORS);
			String statement = (String) handler.getValue("delegate.mappedStatement.id");
			if (isRewritable(statement)) {
				Rewritten result = this.shapes.get(new Shape(statement, sql));
				if (result == null) {
					result = rewriteOnce(statement, sql);
				}
				if (result.paged()) {
					this.pagedFromIndex.incrementAndGet();
				}
				if (result.rewritten()) {
					this.rewrites.incrementAndGet();
				}
				if (result.paged() || result.rewritten()) {
					handler.setValue("delegate.boundSql.sql", result.sql());
				}
			}
			return invocation.proceed();
		}

		private Rewritten rewriteOnce(String statement, String sql) {
			String paged = TASK_LIST.equals(statement) ? pageFromIndex(sql) : sql;
			String rewritten = rewrite(paged);
			Rewritten result = new Rewritten(rewritten, paged != sql, rewritten != paged);
			if (!result.rewritten() && !this.warned && sql.contains("AUTH.RESOURCE_ID_")) {
				this.warned = true;
				log.warn("The authorization join of {} has a shape this version does not know; the query "
						+ "runs as Camunda wrote it (slow for long lists on PostgreSQL)", statement);
			}
			if (this.shapes.size() >= SHAPES) {
				this.shapes.clear();
			}
			this.shapes.put(new Shape(statement, sql), result);
			return result;
		}

		/** Shapes of SQL kept (for tests). */
		int shapes() {
			return this.shapes.size();
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
