package cn.fazhi.system.engine;

import com.zaxxer.hikari.HikariDataSource;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.stereotype.Component;

/**
 * Turns PostgreSQL's just-in-time compilation off for Fazhi's connections (ADR 0017).
 * <p>
 * PostgreSQL compiles a query when its estimated cost passes {@code jit_above_cost}.
 * Camunda's queries are short, but their estimates are not: the task list's per-task
 * authorization look-up is estimated at hundreds of thousands of cost units for a queue
 * of 2,000 tasks and was compiled on every call, 330 ms of compiling for 30 ms of work.
 * PostgreSQL's documentation names JIT a benefit for long analytical queries; Fazhi runs
 * none. A {@code connection-init-sql} configured by the operator is left as it is.
 */
@Component
class PostgresSessionSettings implements BeanPostProcessor {

	static final String SETTINGS = "SET jit = off";

	@Override
	public Object postProcessAfterInitialization(Object bean, String beanName) {
		if (bean instanceof HikariDataSource dataSource && isPostgres(dataSource.getJdbcUrl())
				&& dataSource.getConnectionInitSql() == null && !dataSource.isRunning()) {
			dataSource.setConnectionInitSql(SETTINGS);
		}
		return bean;
	}

	static boolean isPostgres(String jdbcUrl) {
		return jdbcUrl != null && jdbcUrl.startsWith("jdbc:postgresql:");
	}

}
