package io.interactor.spring.client.resource;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * A tool assistants can call.
 *
 * @param id the tool id ({@code tool_...})
 * @param name the name the assistant sees
 * @param description what it does, for the model
 * @param parameters the JSON Schema of its arguments
 * @param callbackUrl where the platform calls it, if it is executed by callback
 * @param createdAt when it was created
 * @param updatedAt when it was last updated
 * @since 0.1.0
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonIgnoreProperties(ignoreUnknown = true)
public record Tool(String id, @Nullable String name, @Nullable String description, @Nullable JsonNode parameters,
		@Nullable String callbackUrl, @Nullable Instant createdAt, @Nullable Instant updatedAt) {

}
