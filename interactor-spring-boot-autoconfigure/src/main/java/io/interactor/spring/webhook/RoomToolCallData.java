package io.interactor.spring.webhook;

import java.util.Map;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;

/**
 * The {@code data} of {@code room.tool_call.pending} and {@code room.tool_call.completed}.
 *
 * @param toolCallId the tool call id
 * @param roomId the room id
 * @param toolId the tool id
 * @param toolName the tool name
 * @param arguments the arguments the assistant chose
 * @since 0.1.0
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record RoomToolCallData(@JsonProperty("tool_call_id") @Nullable String toolCallId,
		@JsonProperty("room_id") @Nullable String roomId, @JsonProperty("tool_id") @Nullable String toolId,
		@JsonProperty("tool_name") @Nullable String toolName,
		@JsonProperty("arguments") @Nullable Map<String, Object> arguments) {

}
