package cn.fazhi.forms;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The server applies a form's own validation, read from the deployed form file.
 */
class FormSubmissionValidatorTest {

	static FormSchema start;

	static FormSchema opinion;

	static FormSchema intake;

	final FormSubmissionValidator validator = new FormSubmissionValidator(new FeelConditions());

	@BeforeAll
	static void readForms() throws IOException {
		start = read("legality-review-start");
		opinion = read("legality-review-opinion");
		intake = read("legality-review-intake");
	}

	@Test
	void shouldAcceptACompleteStartForm() {
		// given
		Map<String, Object> values = validStart();
		// when
		List<String> problems = this.validator.validate(start, values, values.keySet());
		// then
		assertThat(problems).isEmpty();
	}

	@Test
	void shouldReadOnlyTheVariablesItsFieldsOptionsAndConditionsName() {
		// when: the review opinion's fields, its dynamic options and its hide conditions
		// (e.g. reviewAction != "CONCLUDE" or legalityConclusion !=
		// "LAWFUL_WITH_CHANGES")
		// then: string literals name no variable
		assertThat(opinion.variableNames())
			.contains("reviewAction", "consultees", "consulteeOptions", "consultationQuestion", "legalityConclusion",
					"requiredChanges")
			.doesNotContain("CONSULT", "CONCLUDE", "LAWFUL_WITH_CHANGES", "matterTitle");
	}

	@Test
	void shouldNameEveryMissingRequiredFieldByItsChineseLabel() {
		// given
		Map<String, Object> values = validStart();
		values.remove("matterTitle");
		values.put("legalBasisCited", "   ");
		// when
		List<String> problems = this.validator.validate(start, values, values.keySet());
		// then
		assertThat(problems).containsExactlyInAnyOrder("「事项名称」为必填项", "「制定依据」为必填项");
	}

	@Test
	void shouldRefuseAChoiceThatIsNotOffered() {
		// given
		Map<String, Object> values = validStart();
		values.put("matterType", "SOMETHING_ELSE");
		// when
		List<String> problems = this.validator.validate(start, values, values.keySet());
		// then
		assertThat(problems).containsExactly("「事项类型」的取值“SOMETHING_ELSE”不在可选范围内");
	}

	@Test
	void shouldApplyPatternAndMaximumLength() {
		// given
		Map<String, Object> values = validStart();
		values.put("contactPhone", "电话：12345");
		values.put("matterTitle", "长".repeat(201));
		// when
		List<String> problems = this.validator.validate(start, values, values.keySet());
		// then
		assertThat(problems).containsExactlyInAnyOrder("「联系电话」格式不正确", "「事项名称」不得超过 200 个字（现为 201 个字）");
	}

	@Test
	void shouldRefuseAnInvalidDate() {
		// given
		Map<String, Object> values = validStart();
		values.put("requestedDeadline", "2026-02-30");
		// when
		List<String> problems = this.validator.validate(start, values, values.keySet());
		// then
		assertThat(problems).singleElement().asString().startsWith("「要求完成审查日期（可不填）」日期格式不正确");
	}

	@Test
	void shouldRefuseVariablesThatAreNotFieldsOfTheForm() {
		// given: a client tries to reroute the case through the start form
		Map<String, Object> values = validStart();
		values.put("submittingOffice", "justice-bureau");
		// when
		List<String> problems = this.validator.validate(start, values, values.keySet());
		// then
		assertThat(problems).containsExactly("表单中没有字段“submittingOffice”，不能提交该数据");
	}

	@Test
	void shouldNotCheckSubmittedNamesForCallsFromJava() {
		// given
		Map<String, Object> values = validStart();
		values.put("submittingOffice", "justice-bureau");
		// when
		List<String> problems = this.validator.validate(start, values, null);
		// then
		assertThat(problems).isEmpty();
	}

	@Test
	void shouldRequireAFieldOnlyWhileItsConditionShowsIt() {
		// given: the list of missing items is shown only for incomplete materials
		Map<String, Object> complete = new HashMap<>(Map.of("materialsComplete", "COMPLETE"));
		Map<String, Object> incomplete = new HashMap<>(Map.of("materialsComplete", "INCOMPLETE"));
		// when
		List<String> whenComplete = this.validator.validate(intake, complete, complete.keySet());
		List<String> whenIncomplete = this.validator.validate(intake, incomplete, incomplete.keySet());
		// then
		assertThat(whenComplete).isEmpty();
		assertThat(whenIncomplete).containsExactly("「需补充的材料（逐项列明）」为必填项");
	}

	@Test
	void shouldRequireChangesOnlyForALawfulWithChangesConclusion() {
		// given
		Map<String, Object> values = new HashMap<>(Map.of("reviewAction", "CONCLUDE", "legalityConclusion",
				"LAWFUL_WITH_CHANGES", "legalityReasons", "理由", "legalBasis", "依据"));
		// when
		List<String> withoutChanges = this.validator.validate(opinion, values, values.keySet());
		values.put("legalityConclusion", "LAWFUL");
		List<String> lawful = this.validator.validate(opinion, values, values.keySet());
		// then
		assertThat(withoutChanges).containsExactly("「修改意见」为必填项");
		assertThat(lawful).isEmpty();
	}

	@Test
	void shouldAcceptOnlyOfferedPeopleFromDynamicOptions() {
		// given: the consultees are offered in variable consulteeOptions
		Map<String, Object> values = new HashMap<>();
		values.put("reviewAction", "CONSULT");
		values.put("consultationQuestion", "请就第三条提出意见");
		values.put("consulteeOptions", List.of(Map.of("label", "何刚（政府法律顾问）", "value", "hegang")));
		values.put("consultees", List.of("hegang", "zhangwei"));
		// when
		List<String> problems = this.validator.validate(opinion, values,
				Set.of("reviewAction", "consultees", "consultationQuestion"));
		// then
		assertThat(problems).containsExactly("「征求意见对象」的取值“zhangwei”不在可选范围内");
	}

	@Test
	void shouldRequireAtLeastOneConsulteeWhenConsulting() {
		// given
		Map<String, Object> values = new HashMap<>(
				Map.of("reviewAction", "CONSULT", "consultationQuestion", "问题", "consultees", List.of()));
		// when
		List<String> problems = this.validator.validate(opinion, values, values.keySet());
		// then
		assertThat(problems).containsExactly("「征求意见对象」为必填项");
	}

	private static Map<String, Object> validStart() {
		Map<String, Object> values = new HashMap<>();
		values.put("matterTitle", "示范市国有土地上房屋征收补偿办法");
		values.put("matterType", "MAJOR_DECISION");
		values.put("draftSummary", "第一条 为了规范……");
		values.put("legalBasisCited", "《国有土地上房屋征收与补偿条例》");
		values.put("proceduresPerformed", "已公开征求意见30日");
		values.put("requestedDeadline", "2026-12-31");
		values.put("contactPerson", "张伟");
		values.put("contactPhone", "0571-88886666");
		return values;
	}

	private static FormSchema read(String name) throws IOException {
		try (InputStream in = Files.newInputStream(Path.of("forms/legality-review/" + name + ".form"))) {
			return FormSchema.parse(in);
		}
	}

}
