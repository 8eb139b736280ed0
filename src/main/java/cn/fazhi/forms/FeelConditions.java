package cn.fazhi.forms;

import java.util.Map;

import org.camunda.bpm.dmn.feel.impl.FeelEngine;
import org.camunda.bpm.dmn.feel.impl.scala.ScalaFeelEngineFactory;
import org.camunda.bpm.engine.variable.Variables;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Evaluates the FEEL conditions of form-js ({@code conditional.hide}) on the server with
 * the FEEL engine Camunda ships for DMN, so that a field hidden in the browser is not
 * required on the server either.
 */
final class FeelConditions {

	private static final Logger log = LoggerFactory.getLogger(FeelConditions.class);

	private final FeelEngine feel = new ScalaFeelEngineFactory().createInstance();

	/**
	 * Whether the field is hidden. A condition that cannot be evaluated counts as
	 * "shown", so that the field's validation applies rather than being skipped.
	 */
	boolean isHidden(String condition, Map<String, Object> variables) {
		if (condition == null || condition.isBlank()) {
			return false;
		}
		try {
			Object result = this.feel.evaluateSimpleExpression(condition,
					Variables.fromMap(variables).asVariableContext());
			return Boolean.TRUE.equals(result);
		}
		catch (RuntimeException ex) {
			log.warn("Form condition '{}' could not be evaluated, field treated as shown: {}", condition,
					ex.getMessage());
			return false;
		}
	}

}
