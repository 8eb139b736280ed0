package cn.fazhi.calendar;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.stream.Collectors;

import cn.fazhi.system.DatabaseLocks;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.boot.sql.init.dependency.DependsOnDatabaseInitialization;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Loads holiday notices: the years bundled in {@code calendar/holidays-cn.csv} at
 * start-up (only years not loaded yet, so an administrator's upload is never
 * overwritten), and an administrator's upload of a new year, which replaces that year at
 * once.
 */
@Service
@DependsOnDatabaseInitialization
public class CalendarNotices implements InitializingBean {

	static final String BUNDLED = "calendar/holidays-cn.csv";

	private static final Logger log = LoggerFactory.getLogger(CalendarNotices.class);

	private final CalendarRepository repository;

	private final WorkingDayCalendar calendar;

	private final DatabaseLocks locks;

	private final ApplicationEventPublisher events;

	private final TransactionTemplate transaction;

	CalendarNotices(CalendarRepository repository, WorkingDayCalendar calendar, DatabaseLocks locks,
			ApplicationEventPublisher events, TransactionTemplate transaction) {
		this.repository = repository;
		this.calendar = calendar;
		this.locks = locks;
		this.events = events;
		this.transaction = transaction;
	}

	@Override
	public void afterPropertiesSet() {
		this.locks.runExclusively("calendar-seed", this::seedBundledYears);
	}

	void seedBundledYears() {
		Map<Integer, List<HolidayEntry>> byYear = HolidayCsv.parse(read(BUNDLED))
			.stream()
			.collect(Collectors.groupingBy((entry) -> entry.date().getYear(), TreeMap::new, Collectors.toList()));
		Properties notices = notices();
		byYear.forEach((year, entries) -> {
			if (!this.repository.hasYear(year)) {
				this.repository.replaceYear(year, entries, notices.getProperty(String.valueOf(year), "随系统发布的数据"),
						"system");
				log.info("Holiday notice {} loaded from {} ({} days)", year, BUNDLED, entries.size());
			}
		});
		this.calendar.refresh();
	}

	/**
	 * Replaces a year with an administrator's upload. Every line is checked first; a
	 * wrong line leaves the calendar unchanged.
	 * @throws HolidayCsv.InvalidCsvException naming the first wrong line
	 */
	public CalendarYear upload(int year, String csv, String notice, String loadedBy) {
		List<HolidayEntry> entries = HolidayCsv.parse(csv, year);
		String source = (notice == null || notice.isBlank()) ? "管理员上传的" + year + "年节假日安排" : notice.strip();
		CalendarYear loaded;
		try {
			loaded = this.transaction.execute((status) -> {
				CalendarYear result = this.repository.replaceYear(year, entries, source, loadedBy);
				// the new notice is in force once committed: forget the old snapshot
				// first, so
				// that listeners after commit (open deadlines, ADR 0013) compute with it
				TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
					@Override
					public void afterCommit() {
						CalendarNotices.this.calendar.refresh();
					}
				});
				this.events.publishEvent(new CalendarYearLoadedEvent(year, source, loadedBy));
				return result;
			});
		}
		catch (DuplicateKeyException ex) {
			throw new ConcurrentUploadException(year);
		}
		this.calendar.refresh();
		log.info("Holiday notice {} uploaded by {}: {}", year, loadedBy, source);
		return loaded;
	}

	/**
	 * Two administrators loaded the same new year at the same moment; one of them wins.
	 */
	static final class ConcurrentUploadException extends RuntimeException {

		ConcurrentUploadException(int year) {
			super("另一位管理员正在同时上传" + year + "年的节假日安排，请稍后查看 GET /api/calendar/years 后再试");
		}

	}

	private static String read(String resource) {
		try (InputStream in = new ClassPathResource(resource).getInputStream()) {
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read " + resource, ex);
		}
	}

	private static Properties notices() {
		Properties notices = new Properties();
		try (InputStream in = new ClassPathResource("calendar/notices.properties").getInputStream()) {
			notices.load(new InputStreamReader(in, StandardCharsets.UTF_8));
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read calendar/notices.properties", ex);
		}
		return notices;
	}

}
