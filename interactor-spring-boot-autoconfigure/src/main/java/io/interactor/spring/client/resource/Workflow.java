package io.interactor.spring.client.resource;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * A workflow definition. The states stay JSON: their schema differs between platform versions.
 *
 * @param id the workflow id ({@code wf_...})
 * @param name the name
 * @param description a description
 * @param states the states, as the platform returns them (an array or an object keyed by state name)
 * @param initialState the name of the first state
 * @param status {@code draft} or {@code published}, where reported
 * @param versionId the version id ({@code v_...}), where reported
 * @param createdAt when it was created
 * @param updatedAt when it was last updated
 * @since 0.1.0
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonIgnoreProperties(ignoreUnknown = true)
public record Workflow(@Nullable String id, @Nullable String name, @Nullable String description,
		@Nullable JsonNode states, @Nullable String initialState, @Nullable String status, @Nullable String versionId,
		@Nullable Instant createdAt, @Nullable Instant updatedAt) {

}
