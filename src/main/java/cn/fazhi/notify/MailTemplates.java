package cn.fazhi.notify;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * The Chinese mail texts, kept as plain-text resources {@code mail/<name>.txt} so that
 * the wording can be reviewed and changed by people who do not read Java. The first line
 * of a file is the subject, then one empty line, then the body; {@code ${name}} is
 * replaced by a value. All files are read and checked at start, and rendering with a
 * value missing fails instead of mailing a raw placeholder.
 */
@Component
class MailTemplates {

	private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Za-z]+)}");

	private final Map<Template, Text> texts = new EnumMap<>(Template.class);

	MailTemplates() {
		for (Template template : Template.values()) {
			this.texts.put(template, read(template));
		}
	}

	Rendered render(Template template, Map<String, String> values) {
		Text text = this.texts.get(template);
		return new Rendered(fill(template, text.subject(), values), fill(template, text.body(), values));
	}

	private static String fill(Template template, String text, Map<String, String> values) {
		Matcher matcher = PLACEHOLDER.matcher(text);
		StringBuilder out = new StringBuilder();
		while (matcher.find()) {
			String value = values.get(matcher.group(1));
			if (value == null) {
				throw new IllegalStateException(
						"mail template " + template.file() + " needs a value for ${" + matcher.group(1) + "}");
			}
			matcher.appendReplacement(out, Matcher.quoteReplacement(value));
		}
		matcher.appendTail(out);
		return out.toString();
	}

	private static Text read(Template template) {
		ClassPathResource resource = new ClassPathResource("mail/" + template.file());
		try (InputStream in = resource.getInputStream()) {
			String content = new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("\r\n", "\n");
			int end = content.indexOf("\n\n");
			if (end < 1) {
				throw new IllegalStateException("mail template " + template.file()
						+ " must start with the subject line, then an empty line, then the body");
			}
			return new Text(content.substring(0, end).strip(), content.substring(end + 2));
		}
		catch (IOException ex) {
			throw new IllegalStateException("mail template " + template.file() + " cannot be read", ex);
		}
	}

	/** The mails Fazhi sends about tasks. */
	enum Template {

		/** 即将到期: the due date is within the lead period. */
		REMINDER_BEFORE("reminder-before.txt"),
		/** 今日到期. */
		REMINDER_DUE_TODAY("reminder-due-today.txt"),
		/** 已超期 and 督办 to the heads. */
		OVERDUE_ESCALATION("overdue-escalation.txt"),
		/** 催办 by a supervisor. */
		URGE("urge.txt"),
		/** 每日待办: due this week and overdue, per person. */
		DAILY_DIGEST("daily-digest.txt");

		private final String file;

		Template(String file) {
			this.file = file;
		}

		String file() {
			return this.file;
		}

	}

	record Rendered(String subject, String body) {
	}

	private record Text(String subject, String body) {
	}

}
