package io.interactor.spring.client.resource;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * A message in a room.
 *
 * @param id the message id ({@code msg_...})
 * @param roomId the room
 * @param role {@code user}, {@code assistant}, {@code system} or {@code tool}
 * @param content the text
 * @param toolCalls the tool calls the assistant made in it
 * @param metadata free-form metadata
 * @param createdAt when it was posted
 * @since 0.1.0
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonIgnoreProperties(ignoreUnknown = true)
public record Message(String id, @Nullable String roomId, @Nullable String role, @Nullable String content,
		@Nullable List<ToolCall> toolCalls, @Nullable Map<String, Object> metadata, @Nullable Instant createdAt) {

}
