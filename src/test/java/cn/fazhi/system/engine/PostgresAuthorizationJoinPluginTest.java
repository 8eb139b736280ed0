package cn.fazhi.system.engine;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import org.apache.ibatis.builder.StaticSqlSource;
import org.apache.ibatis.executor.Executor;
import org.apache.ibatis.executor.statement.RoutingStatementHandler;
import org.apache.ibatis.executor.statement.StatementHandler;
import org.apache.ibatis.mapping.MappedStatement;
import org.apache.ibatis.mapping.SqlCommandType;
import org.apache.ibatis.plugin.Invocation;
import org.apache.ibatis.session.Configuration;
import org.apache.ibatis.session.RowBounds;
import org.apache.ibatis.session.defaults.DefaultSqlSessionFactory;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.when;

/**
 * The rewrite of the task query's authorization join, on the SQL Camunda 7.24 sends to
 * PostgreSQL for Tasklist's office queue (taken from the server's statement log).
 */
@DisplayName("PostgreSQL 列表查询：授权改为逐条查找")
class PostgresAuthorizationJoinPluginTest {

	static final String CAMUNDA_TASK_QUERY = """
			select distinct
			    RES.REV_, RES.ID_, RES.NAME_, RES.CREATE_TIME_, RES.ASSIGNEE_
			    from ACT_RU_TASK RES
			      left join ACT_RU_IDENTITYLINK I on I.TASK_ID_ = RES.ID_
			          left join
			      ACT_RE_PROCDEF D on RES.PROC_DEF_ID_ = D.ID_
			     left join\s
			    (
			    SELECT A.*
			    FROM ACT_RU_AUTHORIZATION A
			    WHERE A.TYPE_ < 2
			    AND ( A.USER_ID_ in ( ?, '*')
			      OR A.GROUP_ID_ IN  (  ? )
			    )
			      AND (
			         (
			          A.RESOURCE_TYPE_ = ? AND A.PERMS_ & ? = ?
			         OR
			          A.RESOURCE_TYPE_ = ? AND A.PERMS_ & ? = ?
			         )
			      )
			    )
			        AUTH ON (AUTH.RESOURCE_ID_ IN ( RES.ID_ , D.KEY_ , '*' ))
			     WHERE  (
			        1 = 1 and
			              (  RES.ASSIGNEE_ is null
			                and I.TYPE_ = 'candidate'
			                  and ( I.GROUP_ID_ IN ( ? ) ) )
			        )
			          and ( (RES.CASE_EXECUTION_ID_ IS NOT NULL) OR (AUTH.RESOURCE_ID_ IS NOT NULL) )
			      and (RES.TENANT_ID_ is null )
			    order by RES.CREATE_TIME_ desc
			    LIMIT ? OFFSET ?
			""";

	@Test
	void shouldLookUpOneGrantPerTask() {
		String rewritten = PostgresAuthorizationJoinPlugin.rewrite(CAMUNDA_TASK_QUERY);

		assertThat(rewritten)
			.contains("left join lateral (SELECT G.* FROM (VALUES (RES.ID_), (D.KEY_), ('*')) K(RESOURCE_ID_) "
					+ "CROSS JOIN LATERAL (SELECT A.* FROM ACT_RU_AUTHORIZATION A WHERE A.TYPE_ < 2")
			.contains("AND A.RESOURCE_ID_ = K.RESOURCE_ID_ LIMIT 1) G LIMIT 1) AUTH ON (true)")
			.doesNotContain("AUTH ON (AUTH.RESOURCE_ID_");
		// Camunda's parameters stay in their places
		assertThat(rewritten.chars().filter((c) -> c == '?').count())
			.isEqualTo(CAMUNDA_TASK_QUERY.chars().filter((c) -> c == '?').count());
		assertThat(rewritten.indexOf("A.PERMS_ & ? = ?")).isLessThan(rewritten.indexOf("I.GROUP_ID_ IN ( ? )"));
		// the rest of the statement is Camunda's
		assertThat(rewritten).endsWith(CAMUNDA_TASK_QUERY.substring(CAMUNDA_TASK_QUERY.indexOf("     WHERE  (")));
	}

	@Test
	void shouldProbeTheTasksOwnGrantBeforeTheWildcardGrants() {
		// a task's own grant ends the look-up before the wildcard grants of every group
		// are read; the wildcard goes last whatever Camunda's order
		assertThat(PostgresAuthorizationJoinPlugin.resourceIds(" RES.ID_ , D.KEY_ , '*' "))
			.isEqualTo("(RES.ID_), (D.KEY_), ('*')");
		assertThat(PostgresAuthorizationJoinPlugin.resourceIds("\n SELF.PROC_DEF_KEY_ , '*'\n , SELF.ID_\n"))
			.isEqualTo("(SELF.PROC_DEF_KEY_), (SELF.ID_), ('*')");
	}

	@Test
	void shouldReadTheOfficeQueuePageFromTheIndex() {
		String paged = PostgresAuthorizationJoinPlugin.pageFromIndex(CAMUNDA_TASK_QUERY);
		String rewritten = PostgresAuthorizationJoinPlugin.rewrite(paged);

		assertThat(rewritten).startsWith("select RES.REV_, RES.ID_, RES.NAME_, RES.CREATE_TIME_, RES.ASSIGNEE_ from ")
			.doesNotContainIgnoringCase("distinct")
			.doesNotContain("left join ACT_RU_IDENTITYLINK")
			.contains("left join\n      ACT_RE_PROCDEF D on RES.PROC_DEF_ID_ = D.ID_")
			.contains("left join lateral (SELECT G.* FROM (VALUES (RES.ID_), (D.KEY_), ('*'))")
			.contains("RES.ASSIGNEE_ is null\n                and exists (select 1 from ACT_RU_IDENTITYLINK I "
					+ "where I.TASK_ID_ = RES.ID_ and I.TYPE_ = 'candidate' and I.GROUP_ID_ IN ( ? )) )")
			.endsWith("order by RES.CREATE_TIME_ desc\n    LIMIT ? OFFSET ?\n");
		// Camunda's parameters stay in their order
		assertThat(rewritten.chars().filter((c) -> c == '?').count())
			.isEqualTo(CAMUNDA_TASK_QUERY.chars().filter((c) -> c == '?').count());
		assertThat(rewritten.indexOf("A.PERMS_ & ? = ?")).isLessThan(rewritten.indexOf("I.GROUP_ID_ IN ( ? )"));
	}

	@Test
	void shouldKeepDistinctWhereATaskCanStillBeListedTwice() {
		String alsoCandidateUser = CAMUNDA_TASK_QUERY.replace("and ( I.GROUP_ID_ IN ( ? ) ) )",
				"and ( I.GROUP_ID_ IN ( ? ) ) or I.USER_ID_ = ? )");
		String variableJoin = CAMUNDA_TASK_QUERY.replace("          left join\n",
				"          inner join ACT_RU_VARIABLE A0 on RES.PROC_INST_ID_ = A0.PROC_INST_ID_\n          left join\n");
		String negated = CAMUNDA_TASK_QUERY.replace("1 = 1 and", "1 = 1 and not");
		String count = CAMUNDA_TASK_QUERY.replace(
				"select distinct\n    RES.REV_, RES.ID_, RES.NAME_, RES.CREATE_TIME_, RES.ASSIGNEE_",
				"select count(distinct RES.ID_)");

		for (String sql : List.of(alsoCandidateUser, variableJoin, negated, count)) {
			assertThat(sql).isNotEqualTo(CAMUNDA_TASK_QUERY);
			assertThat(PostgresAuthorizationJoinPlugin.pageFromIndex(sql)).isSameAs(sql);
		}
		// the null test of a column is no negation
		String isNotNull = CAMUNDA_TASK_QUERY.replace("1 = 1 and", "1 = 1 and RES.PROC_INST_ID_ is not null and");
		assertThat(PostgresAuthorizationJoinPlugin.pageFromIndex(isNotNull)).doesNotContain("distinct");
	}

	@Test
	void shouldKeepTheInnerJoinOfAQueryForProcessTasksOnly() {
		String innerJoin = CAMUNDA_TASK_QUERY.replace("     left join\s\n    (", "     inner join\n    (");

		assertThat(PostgresAuthorizationJoinPlugin.rewrite(innerJoin)).contains("inner join lateral (SELECT G.*");
	}

	@Test
	void shouldLookUpOneGrantPerHistoricCase() {
		// the shape of HistoricProcessInstance.xml: the join sits in a sub-select over
		// SELF
		String historic = """
				select distinct RES.* from (
				    SELECT SELF.*, DEF.NAME_, DEF.VERSION_, DEF.DEPLOYMENT_ID_
				    FROM ACT_HI_PROCINST SELF
				    LEFT JOIN ACT_RE_PROCDEF DEF
				    ON SELF.PROC_DEF_ID_ = DEF.ID_
				    inner join (
				    SELECT A.*
				    FROM ACT_RU_AUTHORIZATION A
				    WHERE A.TYPE_ < 2
				    AND ( A.USER_ID_ in ( ?, '*') OR A.GROUP_ID_ IN ( ? ) )
				    AND ( ( A.RESOURCE_TYPE_ = ? AND A.PERMS_ & ? = ? OR A.RESOURCE_TYPE_ = ? AND A.PERMS_ & ? = ? ) )
				    )
				        AUTH ON (AUTH.RESOURCE_ID_ IN (
				          SELF.PROC_DEF_KEY_ , '*'
				            , SELF.ID_
				          )
				        )
				    WHERE SELF.PROC_DEF_KEY_ = ? AND AUTH.RESOURCE_ID_ IS NOT NULL
				) RES order by RES.START_TIME_ desc LIMIT ? OFFSET ?
				""";

		String rewritten = PostgresAuthorizationJoinPlugin.rewrite(historic);

		assertThat(rewritten)
			.contains("inner join lateral (SELECT G.* FROM (VALUES (SELF.PROC_DEF_KEY_), (SELF.ID_), ('*')) "
					+ "K(RESOURCE_ID_) CROSS JOIN LATERAL (SELECT A.* FROM ACT_RU_AUTHORIZATION A WHERE A.TYPE_ < 2")
			.contains("LIMIT 1) G LIMIT 1) AUTH ON (true)")
			.contains("WHERE SELF.PROC_DEF_KEY_ = ? AND AUTH.RESOURCE_ID_ IS NOT NULL");
		assertThat(rewritten.chars().filter((c) -> c == '?').count())
			.isEqualTo(historic.chars().filter((c) -> c == '?').count());
	}

	@Test
	void shouldRewriteOnlyTheListsOfTasksAndCases() {
		String entity = "org.camunda.bpm.engine.impl.persistence.entity.";
		assertThat(PostgresAuthorizationJoinPlugin.isRewritable(entity + "TaskEntity.selectTaskByQueryCriteria"))
			.isTrue();
		assertThat(PostgresAuthorizationJoinPlugin.isRewritable(entity + "TaskEntity.selectTaskCountByQueryCriteria"))
			.isTrue();
		assertThat(PostgresAuthorizationJoinPlugin
			.isRewritable(entity + "ExecutionEntity.selectProcessInstanceByQueryCriteria")).isTrue();
		assertThat(PostgresAuthorizationJoinPlugin
			.isRewritable(entity + "HistoricProcessInstanceEntity.selectHistoricProcessInstancesByQueryCriteria"))
			.isTrue();
		assertThat(PostgresAuthorizationJoinPlugin
			.isRewritable(entity + "ExecutionEntity.selectExecutionsByQueryCriteria")).isFalse();
		assertThat(PostgresAuthorizationJoinPlugin.isRewritable(entity + "TaskEntity.selectTask")).isFalse();
	}

	@Test
	void shouldRewriteEachShapeOnceAndPassOtherStatementsStraightThrough() throws Throwable {
		PostgresAuthorizationJoinPlugin.AuthorizationJoinRewrite interceptor = new PostgresAuthorizationJoinPlugin.AuthorizationJoinRewrite();
		Configuration mybatis = new Configuration();

		List<String> prepared = new ArrayList<>();
		for (int call = 0; call < 3; call++) {
			prepared.add(prepare(interceptor, mybatis, PostgresAuthorizationJoinPlugin.TASK_LIST,
					new String(CAMUNDA_TASK_QUERY.toCharArray())));
		}
		String insert = "insert into ACT_HI_TASKINST (ID_, NAME_) values (?, ?)";
		String passed = prepare(interceptor, mybatis, "insertHistoricTaskInstanceEvent", insert);

		// every call gets the rewritten page; the regular expressions ran for the first
		assertThat(prepared).containsOnly(PostgresAuthorizationJoinPlugin
			.rewrite(PostgresAuthorizationJoinPlugin.pageFromIndex(CAMUNDA_TASK_QUERY)));
		assertThat(interceptor.shapes()).isEqualTo(1);
		assertThat(interceptor.rewrites.get()).isEqualTo(3);
		assertThat(interceptor.pagedFromIndex.get()).isEqualTo(3);
		// a statement that joins no grants is prepared as Camunda wrote it
		assertThat(passed).isSameAs(insert);
	}

	@Test
	void shouldPrepareAListOfAnUnknownShapeAsCamundaWroteItEveryTime() throws Throwable {
		PostgresAuthorizationJoinPlugin.AuthorizationJoinRewrite interceptor = new PostgresAuthorizationJoinPlugin.AuthorizationJoinRewrite();
		Configuration mybatis = new Configuration();
		String unknown = "select RES.ID_ from ACT_RU_TASK RES where exists (select 1 from ACT_RU_AUTHORIZATION A "
				+ "where A.RESOURCE_ID_ = RES.ID_)";

		String first = new String(unknown.toCharArray());
		String second = new String(unknown.toCharArray());
		String preparedFirst = prepare(interceptor, mybatis, PostgresAuthorizationJoinPlugin.TASK_LIST, first);
		String preparedSecond = prepare(interceptor, mybatis, PostgresAuthorizationJoinPlugin.TASK_LIST, second);

		// the remembered shape does not replace the statement's own SQL
		assertThat(preparedFirst).isSameAs(first);
		assertThat(preparedSecond).isSameAs(second);
		assertThat(interceptor.shapes()).isEqualTo(1);
		assertThat(interceptor.rewrites.get()).isZero();
		assertThat(interceptor.pagedFromIndex.get()).isZero();
	}

	/** Prepares {@code sql} as statement {@code id} through the interceptor. */
	private static String prepare(PostgresAuthorizationJoinPlugin.AuthorizationJoinRewrite interceptor,
			Configuration mybatis, String id, String sql) throws Throwable {
		MappedStatement statement = new MappedStatement.Builder(mybatis, id, new StaticSqlSource(mybatis, sql),
				SqlCommandType.SELECT)
			.build();
		RoutingStatementHandler handler = new RoutingStatementHandler(mock(Executor.class), statement, null,
				RowBounds.DEFAULT, null, null);
		Connection connection = mock(Connection.class);
		when(connection.prepareStatement(anyString())).thenReturn(mock(PreparedStatement.class));
		interceptor.intercept(
				new Invocation(handler, StatementHandler.class.getMethod("prepare", Connection.class, Integer.class),
						new Object[] { connection, null }));
		ArgumentCaptor<String> sent = ArgumentCaptor.forClass(String.class);
		verify(connection).prepareStatement(sent.capture());
		return sent.getValue();
	}

	@Test
	void shouldInterceptOnlyOnPostgresAndOnlyWhenSwitchedOn() throws SQLException {
		assertThat(interceptorsAfterBuild("postgres", true)).isEqualTo(1);
		assertThat(interceptorsAfterBuild("postgres", false)).isZero();
		assertThat(interceptorsAfterBuild("h2", true)).isZero();
	}

	@Test
	void shouldIndexTheDueDateOnceTheSchemaExists() throws SQLException {
		Statement statement = mock(Statement.class);
		interceptorsAfterBuild("postgres", true, statement);
		verify(statement).execute("create index if not exists fz_idx_task_due_date on ACT_RU_TASK (DUE_DATE_)");

		Statement refused = mock(Statement.class);
		when(refused.execute(anyString())).thenThrow(new SQLException("permission denied for table act_ru_task"));
		// without the right to create it the lists are only slower: the engine starts
		assertThat(interceptorsAfterBuild("postgres", true, refused)).isEqualTo(1);

		Statement h2 = mock(Statement.class);
		interceptorsAfterBuild("h2", true, h2);
		verify(h2, never()).execute(anyString());
	}

	private static int interceptorsAfterBuild(String databaseType, boolean switchedOn) throws SQLException {
		return interceptorsAfterBuild(databaseType, switchedOn, mock(Statement.class));
	}

	private static int interceptorsAfterBuild(String databaseType, boolean switchedOn, Statement statement)
			throws SQLException {
		Configuration mybatis = new Configuration();
		ProcessEngineConfigurationImpl configuration = mock(ProcessEngineConfigurationImpl.class);
		when(configuration.getDatabaseType()).thenReturn(databaseType);
		when(configuration.getSqlSessionFactory()).thenReturn(new DefaultSqlSessionFactory(mybatis));
		when(configuration.getDatabaseTablePrefix()).thenReturn("");
		when(statement.executeQuery("show autovacuum")).thenReturn(mock(ResultSet.class));
		Connection connection = mock(Connection.class);
		when(connection.createStatement()).thenReturn(statement);
		DataSource dataSource = mock(DataSource.class);
		when(dataSource.getConnection()).thenReturn(connection);
		when(configuration.getDataSource()).thenReturn(dataSource);
		ProcessEngine engine = mock(ProcessEngine.class);
		when(engine.getProcessEngineConfiguration()).thenReturn(configuration);
		new PostgresAuthorizationJoinPlugin(switchedOn).postProcessEngineBuild(engine);
		return mybatis.getInterceptors().size();
	}

	@Test
	void shouldRewriteOnlyTheJoinNamedAuth() {
		// a composite check adds AUTH1; even written before AUTH it stays as Camunda
		// wrote it
		String auth1 = "left join (SELECT A.* FROM ACT_RU_AUTHORIZATION A WHERE A.TYPE_ < 2 AND A.RESOURCE_TYPE_ = ?) "
				+ "AUTH1 ON (AUTH1.RESOURCE_ID_ IN (RES.PROC_INST_ID_, '*'))";
		String sql = CAMUNDA_TASK_QUERY.replace("     left join\s\n    (", "     " + auth1 + "\n     left join\n    (");

		String rewritten = PostgresAuthorizationJoinPlugin.rewrite(sql);

		assertThat(rewritten).contains(auth1)
			.contains("CROSS JOIN LATERAL (SELECT A.* FROM ACT_RU_AUTHORIZATION A WHERE");
		assertThat(rewritten.indexOf("join lateral")).isGreaterThan(rewritten.indexOf("AUTH1 ON"));
	}

	@Test
	void shouldLeaveOtherStatementsAlone() {
		String withoutAuthorization = "select distinct RES.* from ACT_RU_TASK RES where RES.ASSIGNEE_ = ?";
		String otherShape = CAMUNDA_TASK_QUERY.replace("AUTH ON (AUTH.RESOURCE_ID_ IN", "AUTH ON (AUTH.RESOURCE_ID_ =")
			.replace("( RES.ID_ , D.KEY_ , '*' ))", "RES.ID_)");

		assertThat(PostgresAuthorizationJoinPlugin.rewrite(withoutAuthorization)).isSameAs(withoutAuthorization);
		assertThat(PostgresAuthorizationJoinPlugin.rewrite(otherShape)).isSameAs(otherShape);
	}

}
