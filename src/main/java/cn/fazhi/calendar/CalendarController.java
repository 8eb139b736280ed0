package cn.fazhi.calendar;

import java.security.Principal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;

import cn.fazhi.system.web.ApiError;
import cn.fazhi.system.web.ApiException;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The calendar API. The day and add answers are a public contract other tools rely on:
 * keep their JSON exactly. Uploading a year is for administrators (see SecurityConfig).
 */
@RestController
@RequestMapping("/api/calendar")
class CalendarController {

	private final WorkingDayCalendar calendar;

	private final CalendarNotices notices;

	CalendarController(WorkingDayCalendar calendar, CalendarNotices notices) {
		this.calendar = calendar;
		this.notices = notices;
	}

	@GetMapping("/days/{date}")
	CalendarDay day(@PathVariable String date) {
		return this.calendar.day(parseDate("date", date));
	}

	@GetMapping("/add")
	DueDate add(@RequestParam(required = false) String from, @RequestParam(required = false) String amount,
			@RequestParam(required = false) String unit) {
		LocalDate start = parseDate("from", from);
		int days = parseAmount(amount);
		PeriodUnit periodUnit = parseUnit(unit);
		try {
			return this.calendar.add(start, days, periodUnit);
		}
		catch (CalendarNotLoadedException ex) {
			throw new ApiException(HttpStatus.UNPROCESSABLE_ENTITY, ex.getYear() == start.getYear() ? "from" : "amount",
					ex.getMessage());
		}
	}

	@GetMapping("/years")
	List<CalendarYear> years() {
		return this.calendar.years();
	}

	@PutMapping(path = "/years/{year}", consumes = { "text/csv", "text/plain" })
	CalendarYear upload(@PathVariable String year, @RequestParam(required = false) String notice,
			@RequestBody(required = false) String csv, Principal principal) {
		int number;
		try {
			number = Integer.parseInt(year);
		}
		catch (NumberFormatException ex) {
			throw ApiException.badRequest("year", "年份“" + year + "”无效，应为四位数字，例如 2027");
		}
		if (number < 2000 || number > 2099) {
			throw ApiException.badRequest("year", "年份应在 2000 至 2099 之间");
		}
		if (csv == null || csv.isBlank()) {
			throw ApiException.badRequest("body", "请求体应为该年度节假日安排的 CSV（表头 " + HolidayCsv.HEADER + "）");
		}
		try {
			return this.notices.upload(number, csv, notice, principal == null ? "system" : principal.getName());
		}
		catch (HolidayCsv.InvalidCsvException ex) {
			throw ApiException.badRequest("body", ex.getMessage());
		}
		catch (CalendarNotices.ConcurrentUploadException ex) {
			throw ApiException.conflict(ex.getMessage());
		}
	}

	@ExceptionHandler(CalendarNotLoadedException.class)
	ResponseEntity<ApiError> notLoaded(CalendarNotLoadedException ex) {
		HttpStatus status = HttpStatus.UNPROCESSABLE_ENTITY;
		return ResponseEntity.status(status)
			.body(new ApiError(status.value(), status.getReasonPhrase(), "date", ex.getMessage()));
	}

	private static LocalDate parseDate(String parameter, String value) {
		if (value == null || value.isBlank()) {
			throw ApiException.badRequest(parameter, "缺少参数 " + parameter + "，应为 yyyy-MM-dd 格式的日期，例如 2025-10-08");
		}
		try {
			return LocalDate.parse(value, HolidayCsv.ISO_DATE);
		}
		catch (DateTimeParseException ex) {
			throw ApiException.badRequest(parameter,
					"参数 " + parameter + " 的值“" + value + "”不是有效日期，应为 yyyy-MM-dd 格式，例如 2025-10-08");
		}
	}

	private static int parseAmount(String value) {
		if (value == null || value.isBlank()) {
			throw ApiException.badRequest("amount", "缺少参数 amount（期间长度，非负整数）");
		}
		int amount;
		try {
			amount = Integer.parseInt(value.strip());
		}
		catch (NumberFormatException ex) {
			throw ApiException.badRequest("amount", "参数 amount 的值“" + value + "”不是整数");
		}
		if (amount < 0) {
			throw ApiException.badRequest("amount", "参数 amount 不能为负数：期间长度应为 0 至 " + CalendarRules.MAX_AMOUNT);
		}
		if (amount > CalendarRules.MAX_AMOUNT) {
			throw ApiException.badRequest("amount", "参数 amount 过大：期间长度应为 0 至 " + CalendarRules.MAX_AMOUNT);
		}
		return amount;
	}

	private static PeriodUnit parseUnit(String value) {
		if (value == null || value.isBlank()) {
			throw ApiException.badRequest("unit", "缺少参数 unit，应为 WORKING_DAYS（工作日）或 CALENDAR_DAYS（自然日）");
		}
		return Arrays.stream(PeriodUnit.values())
			.filter((unit) -> unit.name().equals(value.strip()))
			.findFirst()
			.orElseThrow(() -> ApiException.badRequest("unit",
					"参数 unit 的值“" + value + "”无效，应为 WORKING_DAYS（工作日）或 CALENDAR_DAYS（自然日）"));
	}

}
