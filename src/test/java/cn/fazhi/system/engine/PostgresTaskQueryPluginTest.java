package cn.fazhi.system.engine;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The rewrite of the task query's authorization join, on the SQL Camunda 7.24 sends to
 * PostgreSQL for Tasklist's office queue (taken from the server's statement log).
 */
@DisplayName("PostgreSQL 任务查询：授权改为逐条任务查找")
class PostgresTaskQueryPluginTest {

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
		String rewritten = PostgresTaskQueryPlugin.rewrite(CAMUNDA_TASK_QUERY);

		assertThat(rewritten).contains("left join lateral (SELECT A.* FROM ACT_RU_AUTHORIZATION A WHERE A.TYPE_ < 2")
			.contains("AND A.RESOURCE_ID_ IN ( RES.ID_ , D.KEY_ , '*' ) LIMIT 1) AUTH ON (true)")
			.doesNotContain("AUTH ON (AUTH.RESOURCE_ID_");
		// Camunda's parameters stay in their places
		assertThat(rewritten.chars().filter((c) -> c == '?').count())
			.isEqualTo(CAMUNDA_TASK_QUERY.chars().filter((c) -> c == '?').count());
		assertThat(rewritten.indexOf("A.PERMS_ & ? = ?")).isLessThan(rewritten.indexOf("I.GROUP_ID_ IN ( ? )"));
		// the rest of the statement is Camunda's
		assertThat(rewritten).endsWith(CAMUNDA_TASK_QUERY.substring(CAMUNDA_TASK_QUERY.indexOf("     WHERE  (")));
	}

	@Test
	void shouldKeepTheInnerJoinOfAQueryForProcessTasksOnly() {
		String innerJoin = CAMUNDA_TASK_QUERY.replace("     left join\s\n    (", "     inner join\n    (");

		assertThat(PostgresTaskQueryPlugin.rewrite(innerJoin)).contains("inner join lateral (SELECT A.*");
	}

	@Test
	void shouldLeaveOtherStatementsAlone() {
		String withoutAuthorization = "select distinct RES.* from ACT_RU_TASK RES where RES.ASSIGNEE_ = ?";
		String otherShape = CAMUNDA_TASK_QUERY.replace("AUTH ON (AUTH.RESOURCE_ID_ IN", "AUTH ON (AUTH.RESOURCE_ID_ =")
			.replace("( RES.ID_ , D.KEY_ , '*' ))", "RES.ID_)");

		assertThat(PostgresTaskQueryPlugin.rewrite(withoutAuthorization)).isSameAs(withoutAuthorization);
		assertThat(PostgresTaskQueryPlugin.rewrite(otherShape)).isSameAs(otherShape);
	}

}
