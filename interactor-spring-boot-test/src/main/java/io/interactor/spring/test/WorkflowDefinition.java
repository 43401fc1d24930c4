package io.interactor.spring.test;

import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * A workflow's states as the mock runs them. The definition may list its states ({@code [{"name": ..., "type":
 * ...}]}) or map them by name ({@code {"review": {"type": ...}}}); a state's {@code type} is {@code halting} (wait
 * for input), {@code terminal} (the instance completes) or anything else (move on along the first transition
 * without an {@code event}, or wait for an event when there is none). A transition names its target with
 * {@code to} or {@code target}.
 */
final class WorkflowDefinition {

	private final JsonNode states;

	WorkflowDefinition(JsonNode workflow) {
		this.states = workflow.path("states");
	}

	@Nullable JsonNode state(String name) {
		if (this.states.isArray()) {
			for (JsonNode state : this.states) {
				if (name.equals(state.path("name").asString(""))) {
					return state;
				}
			}
			return null;
		}
		JsonNode state = this.states.get(name);
		return (state != null && state.isObject()) ? state : null;
	}

	String type(String stateName) {
		JsonNode state = state(stateName);
		return (state != null) ? state.path("type").asString("action") : "action";
	}

	@Nullable JsonNode presentation(String stateName) {
		JsonNode state = state(stateName);
		JsonNode presentation = (state != null) ? state.get("presentation") : null;
		return (presentation != null && !presentation.isNull()) ? presentation : null;
	}

	/**
	 * The target of the state's first transition that the given event takes: with {@code event} null, the first
	 * transition that names no event.
	 */
	@Nullable String next(String stateName, @Nullable String event) {
		for (JsonNode transition : transitions(stateName)) {
			String on = transition.path("event").asString(null);
			if ((event == null) ? (on == null || on.isBlank()) : event.equals(on)) {
				return target(transition);
			}
		}
		return null;
	}

	/** The target of the state's first transition whatever it waits for: where input moves a halted instance. */
	@Nullable String first(String stateName) {
		List<JsonNode> transitions = transitions(stateName);
		return transitions.isEmpty() ? null : target(transitions.get(0));
	}

	private List<JsonNode> transitions(String stateName) {
		JsonNode state = state(stateName);
		List<JsonNode> transitions = new ArrayList<>();
		if (state != null) {
			state.path("transitions").forEach(transitions::add);
		}
		return transitions;
	}

	private static @Nullable String target(JsonNode transition) {
		String to = transition.path("to").asString(null);
		return (to != null) ? to : transition.path("target").asString(null);
	}

}
