package io.interactor.spring.client.resource;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * A running (or finished) workflow. Payload-like fields stay JSON.
 *
 * @param id the instance id ({@code wfi_...} or {@code inst_...})
 * @param workflowId the workflow definition
 * @param workflowName the workflow name, where reported
 * @param versionId the definition version, where reported
 * @param namespace the namespace owning it
 * @param status the status
 * @param currentState the current state name
 * @param context the context (SDK name of the workflow data)
 * @param input the immutable input, where reported
 * @param data the mutable data, where reported
 * @param workflowData the data, under another documented name
 * @param haltingPresentation what to show the user while halted
 * @param error why it failed
 * @param createdAt when it started
 * @param updatedAt when it last changed
 * @param cancelledAt when it was cancelled
 * @since 0.1.0
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonIgnoreProperties(ignoreUnknown = true)
public record WorkflowInstance(String id, @Nullable String workflowId, @Nullable String workflowName,
		@Nullable String versionId, @Nullable String namespace, @Nullable WorkflowInstanceStatus status,
		@Nullable String currentState, @Nullable JsonNode context, @Nullable JsonNode input, @Nullable JsonNode data,
		@Nullable JsonNode workflowData, @Nullable JsonNode haltingPresentation, @Nullable JsonNode error,
		@Nullable Instant createdAt, @Nullable Instant updatedAt, @Nullable Instant cancelledAt) {

}
