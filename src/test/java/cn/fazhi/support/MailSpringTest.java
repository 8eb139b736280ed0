package cn.fazhi.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.camunda.community.process_test_coverage.core.engine.ExcludeFromProcessCoverage;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/**
 * The whole application on an in-memory H2 database of its own, with MockMvc, mailing to
 * a GreenMail server on {@code localhost:3025} ({@code ServerSetupTest.SMTP}) when the
 * test runs one. Reminder, urge and digest tests share this context (one engine start);
 * since the reminder scan looks at every open task, they clean up what they start.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(properties = { "spring.mail.host=localhost", "spring.mail.port=3025" })
@AutoConfigureMockMvc
@ActiveProfiles("test")
@ExcludeFromProcessCoverage
public @interface MailSpringTest {

}
