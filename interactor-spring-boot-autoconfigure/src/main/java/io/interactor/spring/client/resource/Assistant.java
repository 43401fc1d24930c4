package io.interactor.spring.client.resource;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * An AI assistant: model, system prompt, tools and data sources.
 *
 * @param id the assistant id ({@code asst_...})
 * @param name the name
 * @param model the model, e.g. {@code gpt-4o}
 * @param systemPrompt the system prompt
 * @param description a description, if set
 * @param temperature the sampling temperature
 * @param maxTokens the maximum response length in tokens
 * @param tools the attached tools, as ids or objects depending on the endpoint
 * @param dataSources the attached data sources, as ids or objects depending on the endpoint
 * @param metadata free-form metadata
 * @param createdAt when it was created
 * @param updatedAt when it was last updated
 * @since 0.1.0
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonIgnoreProperties(ignoreUnknown = true)
public record Assistant(String id, @Nullable String name, @Nullable String model, @Nullable String systemPrompt,
		@Nullable String description, @Nullable Double temperature, @Nullable Integer maxTokens,
		@Nullable List<JsonNode> tools, @Nullable List<JsonNode> dataSources, @Nullable Map<String, Object> metadata,
		@Nullable Instant createdAt, @Nullable Instant updatedAt) {

}
