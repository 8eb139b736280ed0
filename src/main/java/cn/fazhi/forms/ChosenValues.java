package cn.fazhi.forms;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import org.camunda.spin.json.SpinJsonNode;

/**
 * The values a person picked in a checklist: Tasklist submits them as JSON (a Spin node),
 * Java callers and REST clients as a list.
 */
public final class ChosenValues {

	private ChosenValues() {
	}

	/** The picked values as text, in order; empty when nothing was picked. */
	public static List<String> of(Object value) {
		List<String> values = new ArrayList<>();
		if (value instanceof SpinJsonNode node && node.isArray()) {
			node.elements().forEach((element) -> values.add(element.stringValue()));
		}
		else if (value instanceof Collection<?> collection) {
			collection.forEach((element) -> values.add(String.valueOf(element)));
		}
		return values;
	}

}
