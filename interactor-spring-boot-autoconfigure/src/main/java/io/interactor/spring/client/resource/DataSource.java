package io.interactor.spring.client.resource;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * A data source assistants can query.
 *
 * @param id the data source id ({@code ds_...})
 * @param name the name
 * @param type {@code file}, {@code url}, {@code database} (or an engine such as {@code postgresql})
 * @param description a description
 * @param config the connection configuration (secrets are not returned)
 * @param semanticMappings what its fields mean
 * @param status the connection status, where reported
 * @param createdAt when it was created
 * @param updatedAt when it was last updated
 * @since 0.1.0
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonIgnoreProperties(ignoreUnknown = true)
public record DataSource(String id, @Nullable String name, @Nullable String type, @Nullable String description,
		@Nullable JsonNode config, @Nullable List<SemanticMapping> semanticMappings, @Nullable String status,
		@Nullable Instant createdAt, @Nullable Instant updatedAt) {

}
