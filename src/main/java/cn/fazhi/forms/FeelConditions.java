package cn.fazhi.forms;

import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.camunda.feel.api.EvaluationResult;
import org.camunda.feel.api.FeelEngineApi;
import org.camunda.feel.api.FeelEngineBuilder;
import org.camunda.feel.api.ParseResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Evaluates the FEEL conditions of form-js ({@code conditional.hide}) on the server with
 * the FEEL engine Camunda ships for DMN (feel-scala), so that a field hidden in the
 * browser is not required on the server either.
 * <p>
 * Each condition is parsed once and kept: Camunda's own wrapper parses the expression on
 * every evaluation (about 0.2 ms a condition against 0.07 ms for a parsed one, measured
 * for issue 8), and a form's conditions are evaluated at every submission. Forms are few
 * and their conditions short, so the cache stays small.
 * <p>
 * Most of our conditions compare one field with a constant ({@code startBasis !=
 * "AD_HOC"}, {@code handlingNote = null}, {@code majorCase != true}). Those are answered
 * here without the FEEL engine when the field's value is missing, null, or of the
 * constant's type, exactly as FEEL answers them ({@code FeelConditionsTest} checks every
 * condition of every form both ways): the engine builds its table of built-in functions
 * anew for each evaluation, which was 5 % of the CPU of the benchmark's cases (issue 8,
 * change 17). Anything else goes to the engine.
 */
final class FeelConditions {

	private static final Logger log = LoggerFactory.getLogger(FeelConditions.class);

	/** {@code name = constant} or {@code name != constant}; no escapes in the string. */
	private static final Pattern COMPARISON = Pattern
		.compile("\\s*([A-Za-z_][A-Za-z0-9_]*)\\s*(!=|=)\\s*(\"[^\"\\\\]*\"|null|true|false)\\s*");

	/** FEEL's words, which are not variable names. */
	private static final Set<String> KEYWORDS = Set.of("null", "true", "false", "not", "and", "or", "in", "for", "if",
			"then", "else", "some", "every", "satisfies", "return", "between", "instance", "of", "function");

	private final FeelEngineApi feel = FeelEngineBuilder.forJava().build();

	private final Map<String, ParseResult> parsed = new ConcurrentHashMap<>();

	private final Map<String, Optional<Comparison>> comparisons = new ConcurrentHashMap<>();

	/** A field compared with a constant ({@code null}, a boolean or a string). */
	record Comparison(String name, boolean equal, Object constant) {

		/**
		 * Whether the field is hidden, or null when its value is of another type than the
		 * constant (FEEL's answer for mixed types is left to FEEL).
		 */
		Boolean hidden(Map<String, Object> variables) {
			Object value = variables.get(this.name);
			boolean same;
			if (value == null || this.constant == null) {
				// FEEL: a missing field is null; null equals only null
				same = (value == null) && (this.constant == null);
			}
			else if ((value instanceof String && this.constant instanceof String)
					|| (value instanceof Boolean && this.constant instanceof Boolean)) {
				same = value.equals(this.constant);
			}
			else {
				return null;
			}
			return this.equal == same;
		}

	}

	/**
	 * Whether the field is hidden. A condition that cannot be evaluated counts as
	 * "shown", so that the field's validation applies rather than being skipped.
	 */
	boolean isHidden(String condition, Map<String, Object> variables) {
		if (condition == null || condition.isBlank()) {
			return false;
		}
		Boolean simple = simple(condition, variables);
		return (simple != null) ? simple : evaluate(condition, variables);
	}

	/**
	 * The answer without the FEEL engine, or null when the condition is not a field
	 * compared with a constant of the field value's type.
	 */
	Boolean simple(String condition, Map<String, Object> variables) {
		return this.comparisons.computeIfAbsent(condition, FeelConditions::comparison)
			.map((comparison) -> comparison.hidden(variables))
			.orElse(null);
	}

	static Optional<Comparison> comparison(String condition) {
		Matcher matcher = COMPARISON.matcher(condition);
		if (!matcher.matches() || KEYWORDS.contains(matcher.group(1))) {
			return Optional.empty();
		}
		String constant = matcher.group(3);
		Object value = switch (constant) {
			case "null" -> null;
			case "true" -> Boolean.TRUE;
			case "false" -> Boolean.FALSE;
			default -> constant.substring(1, constant.length() - 1);
		};
		return Optional.of(new Comparison(matcher.group(1), "=".equals(matcher.group(2)), value));
	}

	/** The FEEL engine's answer. */
	boolean evaluate(String condition, Map<String, Object> variables) {
		try {
			ParseResult expression = this.parsed.computeIfAbsent(condition, this.feel::parseExpression);
			if (!expression.isSuccess()) {
				log.warn("Form condition '{}' could not be parsed, field treated as shown: {}", condition,
						expression.failure().message());
				return false;
			}
			EvaluationResult result = this.feel.evaluate(expression.parsedExpression(), variables);
			if (!result.isSuccess()) {
				log.warn("Form condition '{}' could not be evaluated, field treated as shown: {}", condition,
						result.failure().message());
				return false;
			}
			return Boolean.TRUE.equals(result.result());
		}
		catch (RuntimeException ex) {
			log.warn("Form condition '{}' could not be evaluated, field treated as shown: {}", condition,
					ex.getMessage());
			return false;
		}
	}

}
