package cn.fazhi.normative;

import org.camunda.community.process_test_coverage.spring_test.common.ProcessEngineCoverageProperties;
import org.camunda.community.process_test_coverage.spring_test.platform7.ProcessEngineCoverageConfiguration;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;

/**
 * Process coverage for the cleanup and objection test classes: at least 90 % of their own
 * model. The documents they act on are set up and revised through
 * {@code normative-document} (and its {@code legality-review}), whose paths
 * {@link NormativeDocumentProcessTest} covers; those two models are left out here.
 */
@TestConfiguration(proxyBeanMethods = false)
@Import(ProcessEngineCoverageConfiguration.class)
class SatelliteCoverageConfiguration {

	/**
	 * Primary: the coverage listener looks the properties up by type, and
	 * {@link ProcessEngineCoverageConfiguration} declares defaults of its own; without a
	 * primary bean the lookup fails and the listener silently uses defaults without any
	 * assertion.
	 */
	@Bean
	@Primary
	ProcessEngineCoverageProperties processEngineCoverageProperties() {
		return ProcessEngineCoverageProperties.builder()
			.assertClassCoverageAtLeast(0.9)
			.excludeProcessDefinitionKeys(NormativeDocumentModel.PROCESS_KEY, "legality-review")
			.build();
	}

}
