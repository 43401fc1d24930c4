package io.interactor.spring.client.resource;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * A message in a workflow instance's thread.
 *
 * @param id the message id
 * @param role {@code user}, {@code system} or {@code workflow}
 * @param content the text
 * @param createdAt when it was posted
 * @since 0.1.0
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonIgnoreProperties(ignoreUnknown = true)
public record ThreadMessage(@Nullable String id, @Nullable String role, @Nullable String content,
		@Nullable Instant createdAt) {

}
