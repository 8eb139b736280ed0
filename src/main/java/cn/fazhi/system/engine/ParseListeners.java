package cn.fazhi.system.engine;

import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;

/**
 * Adds a BPMN parse listener after Camunda's own (so that the elements it decorates are
 * fully parsed): the way Fazhi attaches built-in listeners to every model without wiring
 * them in BPMN.
 */
public final class ParseListeners {

	private ParseListeners() {
	}

	public static void addAfterDefaults(ProcessEngineConfigurationImpl configuration, BpmnParseListener listener) {
		List<BpmnParseListener> parseListeners = configuration.getCustomPostBPMNParseListeners();
		if (parseListeners == null) {
			parseListeners = new ArrayList<>();
			configuration.setCustomPostBPMNParseListeners(parseListeners);
		}
		parseListeners.add(listener);
	}

}
