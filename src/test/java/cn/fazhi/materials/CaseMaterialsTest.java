package cn.fazhi.materials;

import java.util.HashMap;
import java.util.Map;

import cn.fazhi.legalreview.LegalityReviewProcess;
import cn.fazhi.support.ActingUser;
import cn.fazhi.support.FazhiSpringTest;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Attachment;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockMultipartFile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Filing is all or nothing: the Camunda attachment and Fazhi's record of it are written
 * in one transaction, so an auditor never finds a file without its author and hash.
 */
@FazhiSpringTest
@DisplayName("案卷材料：附件与登记信息同一事务写入")
class CaseMaterialsTest {

	@Autowired
	CaseMaterials materials;

	@Autowired
	LegalityReviewProcess review;

	@Autowired
	IdentityService identityService;

	@Autowired
	TaskService taskService;

	@Autowired
	JdbcTemplate jdbc;

	ActingUser acting;

	@BeforeEach
	void actingUser() {
		this.acting = new ActingUser(this.identityService);
	}

	@Test
	void shouldKeepNeitherAttachmentNorRecordWhenTheRecordCannotBeWritten() {
		// given: a running case, and a table that refuses every row
		String businessKey = "示自然资规审〔2026〕TX-1号";
		ProcessInstance instance = this.acting.as("zhangwei", () -> this.review.start(businessKey, startForm()));
		this.jdbc.execute("alter table fz_case_material add constraint fz_test_refuse_all check (size_bytes < 0)");
		try {
			// when / then
			assertThatThrownBy(() -> add(businessKey)).isInstanceOf(DataIntegrityViolationException.class);
		}
		finally {
			this.jdbc.execute("alter table fz_case_material drop constraint fz_test_refuse_all");
		}
		assertThat(this.taskService.getProcessInstanceAttachments(instance.getId())).isEmpty();
		// and once the table accepts rows again, both are written
		Material material = add(businessKey);
		assertThat(this.taskService.getProcessInstanceAttachments(instance.getId())).extracting(Attachment::getId)
			.containsExactly(material.id());
		assertThat(this.jdbc.queryForObject("select count(*) from fz_case_material where process_instance_id = ?",
				Integer.class, instance.getId()))
			.isEqualTo(1);
	}

	private Material add(String businessKey) {
		MockMultipartFile file = new MockMultipartFile("file", "草案.pdf", "application/pdf", MaterialFileTest.PDF);
		return this.acting.as("zhangwei",
				() -> this.materials.add("zhangwei", businessKey, new CaseMaterials.Upload(file, "DRAFT", null, null)));
	}

	private static Map<String, Object> startForm() {
		Map<String, Object> form = new HashMap<>();
		form.put("matterTitle", "示范市城市绿线管理办法");
		form.put("matterType", "NORMATIVE_DOCUMENT");
		form.put("draftSummary", "第一条……");
		form.put("legalBasisCited", "《城市绿线管理办法》");
		form.put("proceduresPerformed", "已征求意见");
		form.put("contactPerson", "张伟");
		form.put("contactPhone", "0571-88886666");
		return form;
	}

}
