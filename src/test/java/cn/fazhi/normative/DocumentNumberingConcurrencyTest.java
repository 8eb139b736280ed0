package cn.fazhi.normative;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import cn.fazhi.support.ActingUser;
import cn.fazhi.support.FazhiSpringTest;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * 统一编号 under load: fifty documents of one issuing body registered at the same moment,
 * each in its own engine transaction, get fifty distinct, consecutive registration
 * numbers and document numbers.
 */
@FazhiSpringTest
@DisplayName("统一编号：50份文件同时登记")
class DocumentNumberingConcurrencyTest {

	static final int PARALLEL = 50;

	@Autowired
	NormativeDocumentProcess process;

	@Autowired
	RuntimeService runtimeService;

	@Autowired
	TaskService taskService;

	@Autowired
	IdentityService identityService;

	@Test
	void shouldGiveFiftyParallelRegistrationsFiftyConsecutiveNumbers() throws Exception {
		// given: fifty approved documents of the education bureau waiting to be
		// registered
		List<ProcessInstance> instances = new ArrayList<>();
		for (int i = 0; i < PARALLEL; i++) {
			instances.add(approvedDocument("示范市中小学校学生欺凌防治办法（" + i + "）"));
		}
		// when: the education bureau registers all of them at once
		ActingUser acting = new ActingUser(this.identityService);
		CyclicBarrier together = new CyclicBarrier(PARALLEL);
		ExecutorService threads = Executors.newFixedThreadPool(PARALLEL);
		List<Future<?>> registrations = new ArrayList<>();
		for (ProcessInstance instance : instances) {
			String taskId = this.taskService.createTaskQuery()
				.processInstanceId(instance.getId())
				.singleResult()
				.getId();
			registrations.add(threads.submit(() -> {
				together.await(20, TimeUnit.SECONDS);
				acting.as("wangfang", () -> this.process.submit(taskId,
						Map.of("signedBy", "局长", "signedOn", "2026-03-02", "documentText", "正式文本")));
				return null;
			}));
		}
		threads.shutdown();
		assertThat(threads.awaitTermination(120, TimeUnit.SECONDS)).isTrue();
		for (Future<?> registration : registrations) {
			registration.get();
		}
		// then: fifty distinct numbers without a gap, for both sequences
		assertConsecutive(instances, "documentNumber", Pattern.compile("^示教规〔\\d{4}〕(\\d+)号$"));
		assertConsecutive(instances, "registrationNumber", Pattern.compile("^SFSG12-\\d{4}-(\\d{4})$"));
	}

	private void assertConsecutive(List<ProcessInstance> instances, String variable, Pattern format) {
		List<Integer> sequence = new ArrayList<>();
		for (ProcessInstance instance : instances) {
			String number = (String) this.runtimeService.getVariable(instance.getId(), variable);
			Matcher matcher = format.matcher(number);
			assertThat(matcher.matches()).as("%s %s", variable, number).isTrue();
			sequence.add(Integer.valueOf(matcher.group(1)));
		}
		assertThat(sequence).doesNotHaveDuplicates().hasSize(PARALLEL);
		int first = sequence.stream().mapToInt(Integer::intValue).min().orElseThrow();
		assertThat(sequence).containsExactlyInAnyOrderElementsOf(
				java.util.stream.IntStream.range(first, first + PARALLEL).boxed().toList());
	}

	/** A departmental document of 教育局 that the meeting approved (set up directly). */
	private ProcessInstance approvedDocument(String title) {
		Map<String, Object> variables = new HashMap<>();
		variables.put("documentTitle", title);
		variables.put("issuerType", "DEPARTMENT");
		variables.put("issuer", "dept-edu");
		variables.put("issuerName", "示范市教育局");
		variables.put("draftingOffice", "dept-edu");
		variables.put("validityClock", NormativeClocks.VALIDITY);
		variables.put("documentRouting", new HashMap<>(Map.of("deliberationGroup", "dept-edu", "registrarGroup",
				"dept-edu", "governmentFilingGroup", "justice-bureau", "congressFilingRequired", false)));
		return this.runtimeService.createProcessInstanceByKey(NormativeDocumentModel.PROCESS_KEY)
			.businessKey("ND-TEST-" + System.nanoTime())
			.setVariables(variables)
			.startBeforeActivity(NormativeDocumentModel.Elements.REGISTER)
			.execute();
	}

}
