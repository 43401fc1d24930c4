package io.interactor.spring.client.resource;

import java.util.stream.Stream;

import io.interactor.spring.client.core.ListParams;
import io.interactor.spring.client.core.Page;
import io.interactor.spring.client.core.Paging;
import io.interactor.spring.client.core.RequestOptions;
import io.interactor.spring.client.http.ApiRequest;
import tools.jackson.databind.JsonNode;

/**
 * Workflow definitions ({@code /workflows}), blocking. The same operations as {@link ReactiveWorkflows}; errors are
 * thrown as {@link io.interactor.spring.client.error.InteractorException}s.
 */
public final class Workflows {

	private final ReactiveWorkflows reactive;

	public Workflows(ReactiveWorkflows reactive) {
		this.reactive = reactive;
	}

	/**
	 * Create a workflow.
	 * @param namespace the namespace
	 * @param request the workflow to create
	 * @param options per-call options
	 * @return the created workflow
	 */
	public Workflow create(String namespace, CreateWorkflowRequest request, RequestOptions options) {
		return Blocking.require(this.reactive.create(namespace, request, options));
	}

	/**
	 * Create a workflow.
	 * @param namespace the namespace
	 * @param request the workflow to create
	 * @return the created workflow
	 */
	public Workflow create(String namespace, CreateWorkflowRequest request) {
		return create(namespace, request, RequestOptions.none());
	}

	/**
	 * Get a workflow.
	 * @param namespace the namespace
	 * @param workflowId the id
	 * @return the workflow
	 * @throws io.interactor.spring.client.error.InteractorNotFoundException if there is none
	 */
	public Workflow get(String namespace, String workflowId) {
		return Blocking.require(this.reactive.get(namespace, workflowId));
	}

	/**
	 * List the first page of workflows.
	 * @param namespace the namespace
	 * @return the page
	 */
	public Page<Workflow> list(String namespace) {
		return list(namespace, ListParams.defaults());
	}

	/**
	 * List one page of workflows.
	 * @param namespace the namespace
	 * @param params the page to fetch
	 * @return the page
	 */
	public Page<Workflow> list(String namespace, ListParams params) {
		return Blocking.require(this.reactive.list(namespace, params));
	}

	/**
	 * Every workflow; a page is fetched when the stream reaches it.
	 * @param namespace the namespace
	 * @return the workflows
	 */
	public Stream<Workflow> listAll(String namespace) {
		return listAll(namespace, ListParams.defaults());
	}

	/**
	 * Every workflow from a given page on; a page is fetched when the stream reaches it.
	 * @param namespace the namespace
	 * @param params the first page and the page size
	 * @return the workflows
	 */
	public Stream<Workflow> listAll(String namespace, ListParams params) {
		ApiRequest.requireNamespace(namespace);
		return Paging.stream(params.pageOrFirst(), (page) -> list(namespace, params.withPage(page)));
	}

	/**
	 * Delete a workflow.
	 * @param namespace the namespace
	 * @param workflowId the id
	 */
	public void delete(String namespace, String workflowId) {
		this.reactive.delete(namespace, workflowId).block();
	}

	/**
	 * Create a workflow from a definition given as JSON, sent as is.
	 * @param namespace the namespace
	 * @param definition the definition, e.g. {@code name}, {@code states}, {@code initial_state}
	 * @param options per-call options
	 * @return the created workflow
	 */
	public Workflow create(String namespace, JsonNode definition, RequestOptions options) {
		return Blocking.require(this.reactive.create(namespace, definition, options));
	}

}
