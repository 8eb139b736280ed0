package cn.fazhi.notify;

import cn.fazhi.notify.MailTemplates.Template;

/** The reminders a task with a due date gets, each at most once. */
enum ReminderStage {

	/**
	 * 即将到期: due within {@code fazhi.reminders.lead-working-days} working days; sent on
	 * working days only.
	 */
	BEFORE(Template.REMINDER_BEFORE),
	/** 今日到期: due later today. */
	DUE_TODAY(Template.REMINDER_DUE_TODAY),
	/** 已超期: the due date has passed; escalated (督办) and the case marked overdue. */
	OVERDUE(Template.OVERDUE_ESCALATION);

	private final Template template;

	ReminderStage(Template template) {
		this.template = template;
	}

	Template template() {
		return this.template;
	}

	/** The outbox key of this stage's mail about a task. */
	String mailKey(String taskId) {
		return "reminder:" + taskId + ":" + name();
	}

}
