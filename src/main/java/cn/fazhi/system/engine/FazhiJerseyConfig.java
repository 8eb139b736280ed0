package cn.fazhi.system.engine;

import cn.fazhi.forms.FormValidationExceptionMapper;

import org.camunda.bpm.spring.boot.starter.rest.CamundaJerseyResourceConfig;
import org.springframework.stereotype.Component;

/**
 * The {@code /engine-rest} Jersey application: Camunda's resources plus Fazhi's
 * providers. Replaces the starter's default configuration (it backs off when this bean
 * exists).
 */
@Component
public class FazhiJerseyConfig extends CamundaJerseyResourceConfig {

	@Override
	protected void registerAdditionalResources() {
		register(FormValidationExceptionMapper.class);
	}

}
