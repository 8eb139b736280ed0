package cn.fazhi.notify;

import java.time.Instant;
import java.util.List;

import cn.fazhi.system.web.ApiException;

import org.camunda.bpm.engine.authorization.Groups;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The mail outbox for administrators: chiefly the mails given up after the last attempt
 * ({@code ?status=FAILED}), with the error of that attempt. Mail bodies are left out;
 * they may quote cases the administrator need not read.
 */
@RestController
class MailOutboxController {

	/** Authorities are the user's groups with this prefix (SecurityConfig). */
	private static final String ADMIN = "GROUP_" + Groups.CAMUNDA_ADMIN;

	static final int MAX_LIMIT = 1000;

	private final OutboxStore store;

	MailOutboxController(OutboxStore store) {
		this.store = store;
	}

	@GetMapping("/api/admin/mail-outbox")
	List<Entry> list(@RequestParam(defaultValue = OutboxMail.FAILED) String status,
			@RequestParam(defaultValue = "100") int limit, Authentication user) {
		if (user.getAuthorities().stream().noneMatch((authority) -> ADMIN.equals(authority.getAuthority()))) {
			throw new ApiException(HttpStatus.FORBIDDEN, null, "只有系统管理员可以查看邮件发送队列");
		}
		String wanted = status.strip().toUpperCase();
		if (!OutboxMail.STATUSES.contains(wanted)) {
			throw ApiException.badRequest("status", "status 应为 " + String.join("、", OutboxMail.STATUSES) + " 之一");
		}
		if (limit < 1 || limit > MAX_LIMIT) {
			throw ApiException.badRequest("limit", "limit 应在 1 至 " + MAX_LIMIT + " 之间");
		}
		return this.store.list(wanted, limit).stream().map(Entry::of).toList();
	}

	/** A mail as administrators see it, newest first. */
	record Entry(long id, String dedupKey, List<String> recipients, String subject, String status, int attempts,
			Instant nextAttemptAt, String lastError, Instant createdAt, Instant sentAt) {

		static Entry of(OutboxMail mail) {
			return new Entry(mail.id(), mail.dedupKey(), mail.recipients(), mail.subject(), mail.status(),
					mail.attempts(), mail.nextAttemptAt(), mail.lastError(), mail.createdAt(), mail.sentAt());
		}

	}

}
