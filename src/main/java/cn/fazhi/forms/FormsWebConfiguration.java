package cn.fazhi.forms;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Registers {@link SubmissionCaptureFilter} in front of both Camunda REST APIs.
 */
@Configuration(proxyBeanMethods = false)
class FormsWebConfiguration {

	@Bean
	FilterRegistrationBean<SubmissionCaptureFilter> submissionCaptureFilter() {
		FilterRegistrationBean<SubmissionCaptureFilter> registration = new FilterRegistrationBean<>(
				new SubmissionCaptureFilter());
		registration.addUrlPatterns("/engine-rest/*", "/camunda/api/engine/*");
		// after Spring Security (order -100), so that unauthenticated requests never get
		// this far
		registration.setOrder(0);
		return registration;
	}

}
