package cn.fazhi.system;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The query Camunda reads a case's variables with, on an H2 table shaped like
 * {@code ACT_RU_VARIABLE} (its two indexes that compete) holding the variables of 1,000
 * open cases (20 each; a few are task-local, as in Camunda), without statistics: H2's own
 * automatic analysis is off here, as it effectively is for a table that was analysed
 * while empty (ADR 0018).
 */
@DisplayName("H2 统计信息：按执行读取流程变量时使用正确的索引")
class H2StatisticsTest {

	static final String READ_CASE_VARIABLES = "select * from ACT_RU_VARIABLE where EXECUTION_ID_ = ? and TASK_ID_ is null";

	JdbcTemplate jdbc;

	H2Statistics statistics;

	@BeforeEach
	void createVariables() {
		JdbcDataSource dataSource = new JdbcDataSource();
		dataSource.setURL("jdbc:h2:mem:statistics-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1;ANALYZE_AUTO=0");
		this.jdbc = new JdbcTemplate(dataSource);
		this.jdbc.execute("create table ACT_RU_VARIABLE (ID_ varchar(64) primary key, NAME_ varchar(255), "
				+ "EXECUTION_ID_ varchar(64), TASK_ID_ varchar(64), TEXT_ varchar(4000))");
		this.jdbc.execute("create index ACT_IDX_VARIABLE_TASK_ID on ACT_RU_VARIABLE(TASK_ID_)");
		this.jdbc.execute("create index ACT_FK_VAR_EXE on ACT_RU_VARIABLE(EXECUTION_ID_)");
		List<Object[]> rows = new ArrayList<>();
		for (int execution = 0; execution < 1_000; execution++) {
			for (int variable = 0; variable < 20; variable++) {
				rows.add(new Object[] { execution + "-" + variable, "v" + variable, "execution-" + execution,
						(variable == 0 && execution % 20 == 0) ? "task-" + execution : null, "value" });
			}
		}
		this.jdbc.batchUpdate("insert into ACT_RU_VARIABLE values (?, ?, ?, ?, ?)", rows);
		this.statistics = new H2Statistics(dataSource, this.jdbc);
	}

	@Test
	void shouldReadOneCasesVariablesThroughTheExecutionIndexOnceAnalysed() {
		// given: without statistics H2 walks every process variable of every case
		assertThat(plan()).contains("ACT_IDX_VARIABLE_TASK_ID").contains("scanCount: 19951");
		// when
		this.statistics.analyze();
		// then: only the case's own rows
		assertThat(plan()).contains("ACT_FK_VAR_EXE").doesNotContain("scanCount: 19951");
		assertThat(this.jdbc.queryForList(READ_CASE_VARIABLES, "execution-7")).hasSize(20);
	}

	private String plan() {
		return this.jdbc.queryForObject("explain analyze " + READ_CASE_VARIABLES.replace("?", "'execution-7'"),
				String.class);
	}

}
