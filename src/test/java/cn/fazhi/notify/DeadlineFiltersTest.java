package cn.fazhi.notify;

import java.util.List;

import cn.fazhi.legalreview.LegalityReviewProcess;
import cn.fazhi.support.ActingUser;
import cn.fazhi.support.MailSpringTest;

import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.filter.Filter;
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
 * The Tasklist filters 即将到期 and 已超期 of each office: on the working-day calendar and the
 * engine clock, and for that office's members only.
 */
@MailSpringTest
@DisplayName("任务列表过滤器：即将到期、已超期")
class DeadlineFiltersTest {

	static final String JUSTICE_DUE_SOON = "即将到期（示范市司法局）";

	static final String JUSTICE_OVERDUE = "已超期（示范市司法局）";

	@Autowired
	FilterService filterService;

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

	ActingUser acting;

	@BeforeEach
	void setUp() {
		this.fixture = new NotifyFixture(this.review, this.runtimeService, this.taskService, this.identityService,
				this.jdbc);
		this.fixture.clean();
		this.acting = new ActingUser(this.identityService);
	}

	@AfterEach
	void resetClock() {
		ClockUtil.reset();
	}

	@Test
	@DisplayName("每个单位都有两个过滤器，只有本单位人员可见")
	void shouldGiveEachOfficeItsOwnFilters() {
		// when
		List<String> sunli = visibleFilters("sunli");
		List<String> zhangwei = visibleFilters("zhangwei");
		// then
		assertThat(sunli).contains(JUSTICE_DUE_SOON, JUSTICE_OVERDUE, "我的待办", "本单位待认领", "全部可见任务")
			.doesNotContain("即将到期（示范市自然资源和规划局）");
		assertThat(zhangwei).contains("即将到期（示范市自然资源和规划局）", "已超期（示范市自然资源和规划局）")
			.doesNotContain(JUSTICE_DUE_SOON, JUSTICE_OVERDUE);
		assertThat(visibleFilters("hanxue")).noneMatch((name) -> name.startsWith("即将到期") || name.startsWith("已超期"));
	}

	@Test
	@DisplayName("9月30日：即将到期列出两个工作日内（跨国庆假期至10月10日）到期的任务，已超期列出已过期限的任务")
	void shouldListTasksDueSoonAndOverdueOnTheWorkingDayCalendar() {
		// given: intakes due 25 Sep, 30 Sep, 10 Oct and 11 Oct 2025
		at("2025-09-22T10:00:00");
		Task overdue = intake("LR-2025-501");
		at("2025-09-26T10:00:00");
		Task dueToday = intake("LR-2025-502");
		at("2025-09-29T10:00:00");
		Task dueAfterHoliday = intake("LR-2025-503");
		at("2025-09-30T09:00:00");
		Task dueLater = intake("LR-2025-504");
		assertThat(dueLater.getDueDate()).isEqualTo(NotifyFixture.endOfDay("2025-10-11"));

		// when: Tuesday 30 September 2025, 10:00
		at("2025-09-30T10:00:00");

		// then: 30 Sep and the 2 working days after it (9 and 10 Oct)
		assertThat(tasks("sunli", JUSTICE_DUE_SOON)).containsExactly(dueToday.getId(), dueAfterHoliday.getId());
		assertThat(tasks("wujun", JUSTICE_OVERDUE)).containsExactly(overdue.getId());
		// the submitting department sees none of them in its own filters
		assertThat(tasks("zhangwei", "即将到期（示范市自然资源和规划局）")).isEmpty();
		assertThat(tasks("zhangwei", "已超期（示范市自然资源和规划局）")).isEmpty();
		// once claimed, the task stays in the office's filter
		this.taskService.claim(overdue.getId(), "sunli");
		assertThat(tasks("zhouqiang", JUSTICE_OVERDUE)).containsExactly(overdue.getId());
	}

	private Task intake(String caseNumber) {
		return this.fixture.task(this.fixture.submitReview(caseNumber, "示范市规范性文件" + caseNumber));
	}

	private List<String> visibleFilters(String userId) {
		return this.acting.as(userId,
				() -> this.filterService.createTaskFilterQuery().list().stream().map(Filter::getName).toList());
	}

	private List<String> tasks(String userId, String filterName) {
		return this.acting.as(userId, () -> {
			Filter filter = this.filterService.createTaskFilterQuery().filterName(filterName).singleResult();
			assertThat(filter).as("filter %s readable by %s", filterName, userId).isNotNull();
			return this.filterService.<Task>list(filter.getId()).stream().map(Task::getId).toList();
		});
	}

}
