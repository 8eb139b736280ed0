package cn.fazhi.normative;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import cn.fazhi.calendar.CaseClock;
import cn.fazhi.forms.FormRejections;
import cn.fazhi.normative.register.NormativeDocument;
import cn.fazhi.normative.register.NormativeRegister;
import cn.fazhi.system.engine.Privileged;
import cn.fazhi.system.web.ApiException;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.springframework.stereotype.Component;

import static cn.fazhi.normative.NormativeDocumentModel.Variables.AFFECTS_MARKET;
import static cn.fazhi.normative.NormativeDocumentModel.Variables.CONTACT_PERSON;
import static cn.fazhi.normative.NormativeDocumentModel.Variables.CONTACT_PHONE;
import static cn.fazhi.normative.NormativeDocumentModel.Variables.DOCUMENT_TITLE;
import static cn.fazhi.normative.NormativeDocumentModel.Variables.DRAFTING_PURPOSE;
import static cn.fazhi.normative.NormativeDocumentModel.Variables.ISSUER_TYPE;
import static cn.fazhi.normative.NormativeDocumentModel.Variables.REVISES_DOCUMENT_ID;

/**
 * What other procedures do to a document in the register, in the caller's transaction:
 * repeal it (废止), declare it invalid (宣布失效), or start its revision (修订, a new
 * {@code normative-document} case drafted by the office that drafted it). A document no
 * longer in force ends the case that kept its validity (message
 * {@value NormativeDocumentModel.Messages#DOCUMENT_WITHDRAWN}). A document that is not in
 * the state the step needs is refused with 409 and nothing changes.
 */
@Component
public class DocumentLifecycle {

	private final NormativeRegister register;

	private final RuntimeService runtimeService;

	private final HistoryService historyService;

	private final IdentityService identityService;

	private final CaseClock clock;

	DocumentLifecycle(NormativeRegister register, RuntimeService runtimeService, HistoryService historyService,
			IdentityService identityService, CaseClock clock) {
		this.register = register;
		this.runtimeService = runtimeService;
		this.historyService = historyService;
		this.identityService = identityService;
		this.clock = clock;
	}

	/** 废止, and its case ends. */
	public void repeal(long documentId, String reason, String field) {
		NormativeDocument document = existing(documentId, field);
		refuseAsConflict(field, () -> this.register.repeal(documentId, reason, this.clock.today()));
		withdraw(document);
	}

	/** 宣布失效 (a cleanup), and its case ends. */
	public void declareInvalid(long documentId, String reason, String field) {
		NormativeDocument document = existing(documentId, field);
		refuseAsConflict(field, () -> this.register.expire(documentId, reason, this.clock.today()));
		withdraw(document);
	}

	/**
	 * Marks the document 修订中 and starts its revision: a new case of the office that
	 * drafted it, with the old case's title, issuing name and contact.
	 * @return the revision's case number
	 */
	public String startRevision(long documentId, String reason, String field) {
		NormativeDocument document = existing(documentId, field);
		refuseAsConflict(field, () -> this.register.markUnderRevision(documentId, "修订中：" + reason, this.clock.today()));
		Map<String, Object> previous = variables(document.processInstanceId());
		Map<String, Object> start = new HashMap<>();
		start.put(DOCUMENT_TITLE, document.title());
		start.put(ISSUER_TYPE, previous.getOrDefault(ISSUER_TYPE, "DEPARTMENT"));
		start.put(DRAFTING_PURPOSE, "修订《" + document.title() + "》（" + document.documentNumber() + "）：" + reason);
		start.put(AFFECTS_MARKET, Boolean.TRUE.equals(previous.get(AFFECTS_MARKET)));
		start.put(CONTACT_PERSON, previous.getOrDefault(CONTACT_PERSON, "起草单位"));
		start.put(CONTACT_PHONE, previous.getOrDefault(CONTACT_PHONE, "0000000"));
		start.put(REVISES_DOCUMENT_ID, documentId);
		return Privileged.call(this.identityService,
				() -> this.runtimeService.startProcessInstanceByKey(NormativeDocumentModel.PROCESS_KEY, start)
					.getBusinessKey());
	}

	/**
	 * The revision of a document was published: the old version is repealed (replaced)
	 * and its case ends.
	 */
	void replaced(long documentId, String byNumber) {
		NormativeDocument document = existing(documentId, NormativeDocumentModel.Variables.PUBLISHED_ON);
		refuseAsConflict(NormativeDocumentModel.Variables.PUBLISHED_ON,
				() -> this.register.repeal(documentId, "已修订，由" + byNumber + "替代", this.clock.today()));
		withdraw(document);
	}

	private NormativeDocument existing(long documentId, String field) {
		return this.register.find(documentId)
			.orElseThrow(() -> FormRejections.reject(field, "规范性文件目录中没有编号为 " + documentId + " 的文件"));
	}

	private static void refuseAsConflict(String field, Runnable change) {
		try {
			change.run();
		}
		catch (ApiException ex) {
			throw FormRejections.conflict(field, ex.getMessage());
		}
	}

	private void withdraw(NormativeDocument document) {
		String instance = document.processInstanceId();
		Privileged.run(this.identityService, () -> {
			if (instance != null
					&& this.runtimeService.createProcessInstanceQuery().processInstanceId(instance).count() > 0) {
				this.runtimeService.createMessageCorrelation(NormativeDocumentModel.Messages.DOCUMENT_WITHDRAWN)
					.processInstanceId(instance)
					.correlate();
			}
		});
	}

	private Map<String, Object> variables(String processInstanceId) {
		Map<String, Object> values = new HashMap<>();
		if (processInstanceId == null) {
			return values;
		}
		List<HistoricVariableInstance> variables = Privileged.call(this.identityService,
				() -> this.historyService.createHistoricVariableInstanceQuery()
					.processInstanceId(processInstanceId)
					.variableNameIn(ISSUER_TYPE, AFFECTS_MARKET, CONTACT_PERSON, CONTACT_PHONE)
					.list());
		variables.stream()
			.filter((variable) -> variable.getValue() != null)
			.forEach((variable) -> values.put(variable.getName(), variable.getValue()));
		return values;
	}

}
