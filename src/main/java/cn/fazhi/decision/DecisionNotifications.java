package cn.fazhi.decision;

import java.util.LinkedHashSet;
import java.util.Set;

import cn.fazhi.directory.Directory;
import cn.fazhi.notify.MailOutbox;

import org.camunda.bpm.engine.identity.User;
import org.springframework.stereotype.Service;

/**
 * Mails about a decision to the offices concerned, through the {@link MailOutbox}: the
 * mail is queued in the transaction of the step ({@code serviceTask_notifyStop}) and sent
 * after it commits, so a mail server outage delays the notice but never fails or undoes
 * the step, and the notice of one case goes out once.
 */
@Service
class DecisionNotifications {

	private final MailOutbox outbox;

	private final Directory directory;

	DecisionNotifications(MailOutbox outbox, Directory directory) {
		this.outbox = outbox;
		this.directory = directory;
	}

	/**
	 * Tells the lead office and the secretariat that a decision was stopped, by whom and
	 * why (第37条: recorded and notified).
	 * @return the addresses the mail is queued for (none if nobody has one)
	 */
	Set<String> decisionStopped(StoppedDecision decision) {
		Set<String> recipients = new LinkedHashSet<>();
		for (String group : new String[] { decision.leadOffice(), decision.secretariatGroup() }) {
			this.directory.members(group)
				.stream()
				.map(User::getEmail)
				.filter((mail) -> mail != null && !mail.isBlank())
				.forEach(recipients::add);
		}
		if (recipients.isEmpty()) {
			return recipients;
		}
		String subject = "【重大行政决策】" + decision.title() + "：" + decision.outcomeName() + "（" + decision.caseNumber()
				+ "）";
		String body = "案号：" + decision.caseNumber() + "\n决策事项：" + decision.title() + "\n结果：" + decision.outcomeName()
				+ "\n决定人：" + decision.decidedBy() + "\n理由：" + decision.reason()
				+ "\n\n依据《重大行政决策程序暂行条例》的规定，决策停止或者停止执行的情况已记录在案。请承办单位做好有关工作并及时归档（第33条）。\n\n—— Fazhi 法治政府建设工作平台（系统邮件，请勿回复）";
		this.outbox.enqueue("decision-stopped:" + decision.caseNumber(), recipients, subject, body);
		return recipients;
	}

	record StoppedDecision(String caseNumber, String title, String outcomeName, String decidedBy, String reason,
			String leadOffice, String secretariatGroup) {

	}

}
