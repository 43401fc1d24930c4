package io.interactor.spring.client.resource;

import java.time.Instant;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * A room: one conversation between a user (namespace) and an assistant.
 *
 * @param id the room id ({@code room_...})
 * @param assistantId the assistant answering in it
 * @param namespace the namespace owning it
 * @param metadata free-form metadata (up to 16 KB)
 * @param status {@code active} or {@code closed}, where the platform reports it
 * @param messageCount the number of messages, where reported
 * @param lastMessageAt when the last message was posted, where reported
 * @param createdAt when it was created
 * @param updatedAt when it was last updated
 * @since 0.1.0
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonIgnoreProperties(ignoreUnknown = true)
public record Room(String id, @Nullable String assistantId, @Nullable String namespace,
		@Nullable Map<String, Object> metadata, @Nullable String status, @Nullable Integer messageCount,
		@Nullable Instant lastMessageAt, @Nullable Instant createdAt, @Nullable Instant updatedAt) {

}
