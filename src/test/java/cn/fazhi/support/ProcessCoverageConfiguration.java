package cn.fazhi.support;

import org.camunda.community.process_test_coverage.spring_test.common.ProcessEngineCoverageProperties;
import org.camunda.community.process_test_coverage.spring_test.platform7.ProcessEngineCoverageConfiguration;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;

/**
 * Process coverage for process test classes: each class must cover at least 90 % of the
 * model it tests (STYLE.md §7 item 9). Reports go to target/process-test-coverage/.
 */
@TestConfiguration(proxyBeanMethods = false)
@Import(ProcessEngineCoverageConfiguration.class)
public class ProcessCoverageConfiguration {

	/**
	 * Primary: {@link ProcessEngineCoverageConfiguration} declares default properties of
	 * its own, and the coverage listener looks them up by type; without a primary bean
	 * that lookup fails and the listener falls back to defaults without any assertion.
	 */
	@Bean
	@Primary
	ProcessEngineCoverageProperties processEngineCoverageProperties() {
		return ProcessEngineCoverageProperties.builder().assertClassCoverageAtLeast(0.9).build();
	}

}
