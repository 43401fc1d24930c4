package io.interactor.spring.webhook;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * The {@code data} of {@code room.message.created} and {@code room.message.updated}.
 *
 * @param messageId the message id
 * @param roomId the room id
 * @param role {@code user} or {@code assistant}
 * @param content the message text
 * @param toolCalls tool calls of the message, usually {@code null}
 * @since 0.1.0
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record RoomMessageData(@JsonProperty("message_id") @Nullable String messageId,
		@JsonProperty("room_id") @Nullable String roomId, @JsonProperty("role") @Nullable String role,
		@JsonProperty("content") @Nullable String content,
		@JsonProperty("tool_calls") @Nullable JsonNode toolCalls) {

}
