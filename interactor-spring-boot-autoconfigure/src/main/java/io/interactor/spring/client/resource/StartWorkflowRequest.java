package io.interactor.spring.client.resource;

import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

import org.springframework.util.Assert;

/**
 * Body of {@code POST /workflow-instances}.
 *
 * @param workflowId the workflow to start (required)
 * @param context the initial context: any JSON-serialisable value; an empty object is sent when {@code null}
 * @since 0.1.0
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record StartWorkflowRequest(String workflowId, Object context) {

	public StartWorkflowRequest(String workflowId, @Nullable Object context) {
		Assert.hasText(workflowId, "workflowId must not be empty");
		this.workflowId = workflowId;
		// The SDKs send {} when there is no context; some servers reject a missing one.
		this.context = (context != null) ? context : Map.of();
	}

	/**
	 * Start with a context.
	 * @param workflowId the workflow
	 * @param context the initial context
	 * @return the request
	 */
	public static StartWorkflowRequest of(String workflowId, Object context) {
		return new StartWorkflowRequest(workflowId, context);
	}

}
