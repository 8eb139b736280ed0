package cn.fazhi.clock;

import cn.fazhi.calendar.CalendarYearLoadedEvent;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.stereotype.Component;

/**
 * A year's holiday notice was loaded (after its transaction committed and the calendar
 * forgot its old snapshot): deadlines that were computed provisionally for that year are
 * computed again (ADR 0005, ADR 0013).
 */
@Component
class CalendarNoticeListener {

	private static final Logger log = LoggerFactory.getLogger(CalendarNoticeListener.class);

	private final LegalClocks clocks;

	CalendarNoticeListener(LegalClocks clocks) {
		this.clocks = clocks;
	}

	@TransactionalEventListener
	void on(CalendarYearLoadedEvent event) {
		int moved = this.clocks.recomputeProvisional(event.year(), event.notice());
		log.info("Holiday notice {} loaded: {} open deadline(s) moved", event.year(), moved);
	}

}
