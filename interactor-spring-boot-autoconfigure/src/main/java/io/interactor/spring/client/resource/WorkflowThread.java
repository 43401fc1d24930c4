package io.interactor.spring.client.resource;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * The conversation thread of a workflow instance.
 *
 * @param id the thread id ({@code thread_...})
 * @param instanceId the instance
 * @param messages the messages, oldest first
 * @param createdAt when it was created
 * @since 0.1.0
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonIgnoreProperties(ignoreUnknown = true)
public record WorkflowThread(@Nullable String id, @Nullable String instanceId, @Nullable List<ThreadMessage> messages,
		@Nullable Instant createdAt) {

}
