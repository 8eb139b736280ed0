package cn.fazhi.notify;

import cn.fazhi.legalreview.LegalityReviewProcess;
import cn.fazhi.support.MailSpringTest;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import static cn.fazhi.notify.NotifyFixture.at;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * 每日待办: one mail per person and working day, listing what is overdue and what is due by
 * Sunday; nothing for people with nothing, nothing twice, nothing on holidays.
 */
@MailSpringTest
@DisplayName("每日待办汇总")
class DailyDigestTest {

	@Autowired
	DailyDigest digest;

	@Autowired
	OutboxStore outbox;

	@Autowired
	LegalityReviewProcess review;

	@Autowired
	RuntimeService runtimeService;

	@Autowired
	TaskService taskService;

	@Autowired
	IdentityService identityService;

	@Autowired
	JdbcTemplate jdbc;

	NotifyFixture fixture;

	Task overdue;

	Task dueThisWeek;

	@BeforeEach
	void setUp() {
		this.fixture = new NotifyFixture(this.review, this.runtimeService, this.taskService, this.identityService,
				this.jdbc);
		this.fixture.clean();
		// intake due Thu 25 Sep, claimed by 孙丽
		at("2025-09-22T10:00:00");
		this.overdue = this.fixture.task(this.fixture.submitReview("LR-2025-401", "示范市户外广告设置管理办法"));
		this.taskService.claim(this.overdue.getId(), "sunli");
		// intake due Tue 30 Sep, for the whole justice bureau
		at("2025-09-26T10:00:00");
		this.dueThisWeek = this.fixture.task(this.fixture.submitReview("LR-2025-402", "示范市养犬管理规定"));
		// intake due Fri 10 Oct: after this week
		at("2025-09-29T07:00:00");
		this.fixture.submitReview("LR-2025-403", "示范市城市道路管理办法");
	}

	@AfterEach
	void resetClock() {
		ClockUtil.reset();
	}

	@Test
	@DisplayName("每人每天一封：已超期和本周内到期的事项，本周以后的不列入")
	void shouldListOverdueAndThisWeeksTasksPerPerson() {
		// when: Monday 29 September 2025, 08:00
		at("2025-09-29T08:00:00");
		int queued = this.digest.send();

		// then: the four people of the justice bureau, nobody else
		assertThat(queued).isEqualTo(4);
		assertThat(this.fixture.mailKeys()).containsExactlyInAnyOrder("digest:sunli:2025-09-29",
				"digest:wujun:2025-09-29", "digest:xumin:2025-09-29", "digest:zhouqiang:2025-09-29");
		OutboxMail sunli = this.outbox.find("digest:sunli:2025-09-29");
		assertThat(sunli.recipients()).containsExactly("sunli@demo-city.fazhi.example");
		assertThat(sunli.subject()).isEqualTo("【每日待办】2025年9月29日：已超期1件，本周内到期1件");
		assertThat(sunli.body()).startsWith("孙丽，您好：")
			.contains("一、已超期（1件）\n1. 【LR-2025-401】合法性审查·材料接收与初审，期限2025年9月25日，事项：示范市户外广告设置管理办法\n"
					+ "   http://localhost:8080/camunda/app/tasklist/default/#/?task=" + this.overdue.getId())
			.contains("二、本周内到期（截至2025年10月5日，1件）\n1. 【LR-2025-402】合法性审查·材料接收与初审，期限2025年9月30日")
			.doesNotContain("LR-2025-403");
		// the claimed intake is 孙丽's alone
		OutboxMail zhouqiang = this.outbox.find("digest:zhouqiang:2025-09-29");
		assertThat(zhouqiang.subject()).isEqualTo("【每日待办】2025年9月29日：已超期0件，本周内到期1件");
		assertThat(zhouqiang.body()).contains("一、已超期（0件）\n无").doesNotContain("LR-2025-401");
	}

	@Test
	@DisplayName("同一天再次运行不重复发送；节假日不发送")
	void shouldSendOncePerDayAndNotOnHolidays() {
		// given
		at("2025-09-29T08:00:00");
		assertThat(this.digest.send()).isEqualTo(4);
		// when / then: the same day again (a second node, or a restart)
		at("2025-09-29T09:30:00");
		assertThat(this.digest.send()).isZero();
		// the National Day holiday
		at("2025-10-01T08:00:00");
		assertThat(this.digest.send()).isZero();
		assertThat(this.fixture.mailKeys()).hasSize(4);
		// Tuesday 30 September is a working day: a new digest
		at("2025-09-30T08:00:00");
		assertThat(this.digest.send()).isEqualTo(4);
	}

}
