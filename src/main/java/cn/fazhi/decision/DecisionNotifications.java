package cn.fazhi.decision;

import java.util.LinkedHashSet;
import java.util.Set;

import cn.fazhi.directory.Directory;

import org.camunda.bpm.engine.identity.User;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Service;

/**
 * Mails about a decision to the offices concerned. Called from an asynchronous step with
 * retries ({@code serviceTask_notifyStop}), so a mail server outage delays the notice but
 * never undoes the decision it reports.
 */
@Service
class DecisionNotifications {

	private final JavaMailSender mailSender;

	private final Directory directory;

	private final String from;

	DecisionNotifications(JavaMailSender mailSender, Directory directory,
			@Value("${fazhi.mail.from:fazhi@localhost}") String from) {
		this.mailSender = mailSender;
		this.directory = directory;
		this.from = from;
	}

	/**
	 * Tells the lead office and the secretariat that a decision was stopped, by whom and
	 * why (第37条: recorded and notified).
	 * @return the addresses written to
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
		SimpleMailMessage mail = new SimpleMailMessage();
		mail.setFrom(this.from);
		mail.setTo(recipients.toArray(String[]::new));
		mail.setSubject(
				"【重大行政决策】" + decision.title() + "：" + decision.outcomeName() + "（" + decision.caseNumber() + "）");
		mail.setText("案号：" + decision.caseNumber() + "\n决策事项：" + decision.title() + "\n结果：" + decision.outcomeName()
				+ "\n决定人：" + decision.decidedBy() + "\n理由：" + decision.reason()
				+ "\n\n依据《重大行政决策程序暂行条例》的规定，决策停止或者停止执行的情况已记录在案。请承办单位做好有关工作并及时归档（第33条）。\n\n—— Fazhi 法治政府建设工作平台（系统邮件，请勿回复）");
		this.mailSender.send(mail);
		return recipients;
	}

	record StoppedDecision(String caseNumber, String title, String outcomeName, String decidedBy, String reason,
			String leadOffice, String secretariatGroup) {

	}

}
