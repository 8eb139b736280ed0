package cn.fazhi.calendar;

import cn.fazhi.support.FazhiSpringTest;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The calendar's public contract (other tools rely on these JSON shapes), its refusals of
 * bad input, and the administrators' upload of a year's notice.
 */
@FazhiSpringTest
@RecordApplicationEvents
class CalendarApiTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	ApplicationEvents events;

	@Autowired
	WorkingDayCalendar calendar;

	@Test
	void shouldAnswerADayInTheContractShape() throws Exception {
		day("2025-10-08").andExpect(status().isOk())
			.andExpect(content().json(
					"{\"date\":\"2025-10-08\",\"workingDay\":false,\"kind\":\"HOLIDAY\",\"name\":\"国庆节、中秋节\",\"provisional\":false}",
					true));
		day("2025-09-28").andExpect(jsonPath("$.kind").value("MAKEUP_WORKDAY"))
			.andExpect(jsonPath("$.workingDay").value(true));
		day("2025-10-13").andExpect(content().json(
				"{\"date\":\"2025-10-13\",\"workingDay\":true,\"kind\":\"WORKDAY\",\"name\":null,\"provisional\":false}",
				true));
	}

	@Test
	void shouldAddPeriodsInTheContractShape() throws Exception {
		add("2025-09-30", "3", "WORKING_DAYS").andExpect(status().isOk())
			.andExpect(content().json(
					"{\"from\":\"2025-09-30\",\"amount\":3,\"unit\":\"WORKING_DAYS\",\"due\":\"2025-10-11\",\"provisional\":false}",
					true));
		add("2026-01-21", "30", "CALENDAR_DAYS").andExpect(jsonPath("$.due").value("2026-02-24"));
		add("2026-12-20", "10", "WORKING_DAYS").andExpect(jsonPath("$.due").value("2027-01-04"))
			.andExpect(jsonPath("$.provisional").value(true));
	}

	@Test
	void shouldSayWhichParameterIsWrongAndWhy() throws Exception {
		expectBadRequest(day("2025-02-30"), "date", "不是有效日期");
		expectBadRequest(day("20251008"), "date", "yyyy-MM-dd");
		expectBadRequest(add("2025/10/01", "3", "WORKING_DAYS"), "from", "yyyy-MM-dd");
		expectBadRequest(add(null, "3", "WORKING_DAYS"), "from", "缺少参数 from");
		expectBadRequest(add("2025-10-01", "-1", "WORKING_DAYS"), "amount", "不能为负数");
		expectBadRequest(add("2025-10-01", "99999", "WORKING_DAYS"), "amount", "过大");
		expectBadRequest(add("2025-10-01", "three", "WORKING_DAYS"), "amount", "不是整数");
		expectBadRequest(add("2025-10-01", "3", "WEEKS"), "unit", "WORKING_DAYS（工作日）或 CALENDAR_DAYS（自然日）");
		expectBadRequest(add("2025-10-01", "3", null), "unit", "缺少参数 unit");
	}

	@Test
	void shouldRefuseAYearItCannotAnswerWithAClearMessage() throws Exception {
		day("2023-05-04").andExpect(status().isUnprocessableEntity())
			.andExpect(jsonPath("$.parameter").value("date"))
			.andExpect(
					jsonPath("$.message").value(org.hamcrest.Matchers.containsString("PUT /api/calendar/years/2023")));
	}

	@Test
	void shouldRequireLoginAndLetOnlyAdministratorsUpload() throws Exception {
		this.mvc.perform(get("/api/calendar/days/2025-10-08")).andExpect(status().isUnauthorized());
		this.mvc
			.perform(put("/api/calendar/years/2028").contentType("text/csv")
				.content(notice2028())
				.with(httpBasic("zhangwei", "demo")))
			.andExpect(status().isForbidden());
	}

	@Test
	void shouldExplainAWrongContentType() throws Exception {
		this.mvc
			.perform(put("/api/calendar/years/2029").contentType("application/json")
				.content("{}")
				.with(httpBasic("demo", "demo")))
			.andExpect(status().isUnsupportedMediaType())
			.andExpect(jsonPath("$.parameter").value("Content-Type"))
			.andExpect(jsonPath("$.message").value(org.hamcrest.Matchers.containsString("text/csv")));
	}

	@Test
	void shouldRefuseAWrongNoticeAndKeepTheCalendarAsItWas() throws Exception {
		String[] wrong = { "date,kind\n2024-10-01,HOLIDAY\n", "date,kind,name\n2025-10-01,HOLIDAY,国庆节\n",
				"date,kind,name\n2024-10-01,DAY_OFF,国庆节\n", "date,kind,name\n2024-10-08,MAKEUP_WORKDAY,国庆节调休上班\n",
				"date,kind,name\n2024-10-01,HOLIDAY,国庆节\n2024-10-01,HOLIDAY,国庆节\n",
				"date,kind,name\n2024-13-01,HOLIDAY,x\n", "date,kind,name\n2024-10-01,HOLIDAY,\n", "date,kind,name\n" };
		for (String csv : wrong) {
			this.mvc
				.perform(put("/api/calendar/years/2024").contentType("text/csv")
					.content(csv)
					.with(httpBasic("demo", "demo")))
				.andExpect(status().isBadRequest())
				.andExpect(jsonPath("$.parameter").value("body"))
				.andExpect(jsonPath("$.message").value(org.hamcrest.Matchers.startsWith("第")));
		}
		// the official 2024 notice is untouched
		day("2024-10-07").andExpect(jsonPath("$.kind").value("HOLIDAY"));
		day("2024-10-12").andExpect(jsonPath("$.kind").value("MAKEUP_WORKDAY"));
	}

	@Test
	void shouldReplaceProvisionalAnswersOnceTheNoticeIsUploaded() throws Exception {
		// given: no 2028 notice yet; 31 January 2028 is not a core holiday
		day("2028-01-31").andExpect(content().json(
				"{\"date\":\"2028-01-31\",\"workingDay\":true,\"kind\":\"WORKDAY\",\"name\":null,\"provisional\":true}",
				true));
		// when: an administrator uploads the notice
		this.mvc
			.perform(put("/api/calendar/years/2028").param("notice", "国务院办公厅关于2028年部分节假日安排的通知（测试）")
				.contentType("text/csv")
				.content(notice2028())
				.with(httpBasic("demo", "demo")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.year").value(2028))
			.andExpect(jsonPath("$.holidays").value(8))
			.andExpect(jsonPath("$.makeupWorkdays").value(2))
			.andExpect(jsonPath("$.loadedBy").value("demo"));
		// then: answers come from the notice, and the change is announced
		day("2028-01-31").andExpect(content().json(
				"{\"date\":\"2028-01-31\",\"workingDay\":false,\"kind\":\"HOLIDAY\",\"name\":\"春节\",\"provisional\":false}",
				true));
		day("2028-02-05").andExpect(jsonPath("$.kind").value("MAKEUP_WORKDAY"));
		assertThat(this.events.stream(CalendarYearLoadedEvent.class)).extracting(CalendarYearLoadedEvent::year)
			.contains(2028);
		assertThat(this.calendar.years()).filteredOn((year) -> year.year() == 2028)
			.singleElement()
			.satisfies((year) -> assertThat(year.provisional()).isFalse());
	}

	/** An invented 2028 notice (the real one will be published in late 2027). */
	private static String notice2028() {
		return """
				date,kind,name
				2028-01-25,HOLIDAY,春节
				2028-01-26,HOLIDAY,春节
				2028-01-27,HOLIDAY,春节
				2028-01-28,HOLIDAY,春节
				2028-01-29,HOLIDAY,春节
				2028-01-30,HOLIDAY,春节
				2028-01-31,HOLIDAY,春节
				2028-02-01,HOLIDAY,春节
				2028-01-22,MAKEUP_WORKDAY,春节调休上班
				2028-02-05,MAKEUP_WORKDAY,春节调休上班
				""";
	}

	private ResultActions day(String date) throws Exception {
		return this.mvc.perform(get("/api/calendar/days/" + date).with(httpBasic("zhangwei", "demo")));
	}

	private ResultActions add(String from, String amount, String unit) throws Exception {
		var request = get("/api/calendar/add").with(httpBasic("zhangwei", "demo"));
		if (from != null) {
			request.param("from", from);
		}
		if (amount != null) {
			request.param("amount", amount);
		}
		if (unit != null) {
			request.param("unit", unit);
		}
		return this.mvc.perform(request);
	}

	private static void expectBadRequest(ResultActions result, String parameter, String message) throws Exception {
		result.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.status").value(400))
			.andExpect(jsonPath("$.parameter").value(parameter))
			.andExpect(jsonPath("$.message").value(org.hamcrest.Matchers.containsString(message)));
	}

}
