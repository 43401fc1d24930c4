package io.interactor.spring.client.resource;

import org.jspecify.annotations.Nullable;

/**
 * Filters of {@code GET /workflow-instances}; {@code null} fields are not sent.
 *
 * @param workflowId only instances of this workflow
 * @param status only instances with this status
 * @since 0.1.0
 */
public record WorkflowInstanceFilter(@Nullable String workflowId, @Nullable WorkflowInstanceStatus status) {

	private static final WorkflowInstanceFilter NONE = new WorkflowInstanceFilter(null, null);

	/**
	 * No filter.
	 * @return the empty filter
	 */
	public static WorkflowInstanceFilter none() {
		return NONE;
	}

	/**
	 * Instances of one workflow.
	 * @param workflowId the workflow id
	 * @return the filter
	 */
	public static WorkflowInstanceFilter workflow(String workflowId) {
		return new WorkflowInstanceFilter(workflowId, null);
	}

	/**
	 * A copy also filtering by status.
	 * @param status the status
	 * @return the filter
	 */
	public WorkflowInstanceFilter withStatus(WorkflowInstanceStatus status) {
		return new WorkflowInstanceFilter(this.workflowId, status);
	}

}
