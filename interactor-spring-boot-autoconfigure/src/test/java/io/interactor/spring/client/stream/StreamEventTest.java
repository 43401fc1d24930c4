package io.interactor.spring.client.stream;

import java.time.Instant;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The typed accessors read every documented vocabulary (interactor-api.md §6.2) and stay empty for the rest.
 */
class StreamEventTest {

	private static final JsonMapper MAPPER = JsonMapper.builder().build();

	@Test
	void textDeltaOfEachVocabulary() {
		assertThat(event("message", "{\"type\":\"message.delta\",\"content\":\"a\"}").textDelta()).hasValue("a");
		assertThat(event("message_delta", "{\"id\":\"m\",\"delta\":\"b\"}").textDelta()).hasValue("b");
		assertThat(event("token", "{\"type\":\"token\",\"token\":\"c\",\"index\":0}").textDelta()).hasValue("c");
		assertThat(event("agent.status", "{\"message\":\"Searching\"}").textDelta()).isEmpty();
	}

	@Test
	void completedMessagesAndToolCalls() {
		assertThat(event("message", "{\"type\":\"message.complete\",\"message\":{\"id\":\"m1\"}}").completedMessage())
			.hasValueSatisfying((message) -> assertThat(message.get("id").asString()).isEqualTo("m1"));
		assertThat(event("agent.response_sent", "{\"room_id\":\"r\",\"response\":\"hi\"}").completedMessage())
			.isPresent();
		assertThat(event("tool_call", "{\"type\":\"tool_call\",\"tool_call\":{\"id\":\"tc_1\"}}").toolCall())
			.hasValueSatisfying((call) -> assertThat(call.get("id").asString()).isEqualTo("tc_1"));
		assertThat(event("message", "{\"type\":\"tool_call.start\",\"tool_call\":{\"id\":\"tc_2\"}}").toolCall())
			.isPresent();
	}

	@Test
	void workflowEventsAndErrors() {
		assertThat(event("message", "{\"type\":\"workflow.state_changed\",\"state\":\"review\"}").workflowState())
			.hasValue("review");
		assertThat(event("halted", "{\"state\":\"review\",\"presentation\":{}}").isWorkflowHalted()).isTrue();
		assertThat(event("cancelled", "{}").isWorkflowFinished()).isTrue();
		assertThat(event("state_changed", "{\"state\":\"x\"}").isWorkflowFinished()).isFalse();
		assertThat(event("error", "{\"type\":\"error\",\"error\":{\"code\":\"c\",\"message\":\"boom\"}}").error())
			.hasValue("boom");
		assertThat(event("message", "{\"type\":\"error\",\"error\":\"bad\"}").error()).hasValue("bad");
		assertThat(event("ping", "{\"timestamp\":1}").isHeartbeat()).isTrue();
		assertThat(event("something.new", "{\"a\":1}").error()).isEmpty();
	}

	private static StreamEvent event(String name, String json) {
		JsonNode data = MAPPER.readTree(json);
		String type = data.has("type") ? data.get("type").asString() : name;
		return new StreamEvent(name, null, type, data, Instant.EPOCH);
	}

}
