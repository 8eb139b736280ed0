package cn.fazhi.system.engine;

import java.util.Arrays;
import java.util.stream.Stream;

import org.camunda.bpm.engine.spring.ProcessEngineFactoryBean;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.autoconfigure.flyway.FlywayMigrationInitializer;
import org.springframework.stereotype.Component;

/**
 * Builds the process engine only after Flyway has migrated Fazhi's tables.
 * <p>
 * Spring creates beans in the order it finds them, so any early bean that needs an engine
 * service could build the engine first. Camunda then creates its tables, and Flyway,
 * finding a schema that is no longer empty, would baseline it
 * ({@code baseline-on-migrate}) instead of running V1 — and the engine's history pipeline
 * writes to Fazhi's audit chain tables (V8) from its first command on. The order is
 * therefore made explicit here instead of left to bean-name order.
 */
@Component
class EngineAfterMigrations implements BeanFactoryPostProcessor {

	@Override
	public void postProcessBeanFactory(ConfigurableListableBeanFactory beanFactory) {
		String[] migrations = beanFactory.getBeanNamesForType(FlywayMigrationInitializer.class, true, false);
		if (migrations.length == 0) {
			return;
		}
		for (String engine : beanFactory.getBeanNamesForType(ProcessEngineFactoryBean.class, true, false)) {
			String name = engine.startsWith("&") ? engine.substring(1) : engine;
			BeanDefinition definition = beanFactory.getBeanDefinition(name);
			String[] existing = (definition.getDependsOn() == null) ? new String[0] : definition.getDependsOn();
			definition.setDependsOn(Stream.concat(Arrays.stream(existing), Arrays.stream(migrations))
				.distinct()
				.toArray(String[]::new));
		}
	}

}
