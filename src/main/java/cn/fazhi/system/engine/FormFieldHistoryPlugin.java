package cn.fazhi.system.engine;

import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.history.event.HistoricFormPropertyEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoryEvent;
import org.camunda.bpm.engine.impl.history.handler.DbHistoryEventHandler;
import org.camunda.bpm.engine.impl.history.handler.HistoryEventHandler;
import org.springframework.stereotype.Component;

/**
 * Records a submitted form's values once, as the variable updates they are.
 * <p>
 * At history level {@code full} Camunda writes every value submitted through
 * {@code FormService} twice to {@code ACT_HI_DETAIL}: as a variable update (with the
 * value's type, the variable instance and the task's activity instance) and as a "form
 * field" detail holding the same value as text. The auditor's replay reads the variable
 * updates (the step's submitted fields are the updates of the form's fields in the step's
 * activity instance); the form-field details are read by nothing in Fazhi, and a task
 * completed through {@code /task/{id}/complete} instead of {@code submit-form} never had
 * them. They were about a quarter of a case's history details, each with its own link in
 * the audit chain ({@code docs/benchmarks.md}, change 16).
 * <p>
 * The history level stays {@code full} (ADR 0004): only the database handler skips the
 * form-field events; every other history event is written exactly as before.
 */
@Component
class FormFieldHistoryPlugin extends AbstractProcessEnginePlugin {

	@Override
	public void preInit(ProcessEngineConfigurationImpl configuration) {
		List<HistoryEventHandler> handlers = new ArrayList<>();
		handlers.add(new VariableUpdatesOnly());
		if (configuration.getCustomHistoryEventHandlers() != null) {
			handlers.addAll(configuration.getCustomHistoryEventHandlers());
		}
		configuration.setCustomHistoryEventHandlers(handlers);
		// the handler above replaces Camunda's default database handler
		configuration.setEnableDefaultDbHistoryEventHandler(false);
	}

	/** Camunda's database handler, without the form-field details. */
	static final class VariableUpdatesOnly extends DbHistoryEventHandler {

		@Override
		public void handleEvent(HistoryEvent historyEvent) {
			if (!(historyEvent instanceof HistoricFormPropertyEventEntity)) {
				super.handleEvent(historyEvent);
			}
		}

	}

}
