package io.interactor.spring.client.resource;

import io.interactor.spring.client.core.ListParams;
import io.interactor.spring.client.core.Page;
import io.interactor.spring.client.core.Paging;
import io.interactor.spring.client.core.RequestOptions;
import io.interactor.spring.client.http.ApiRequest;
import io.interactor.spring.client.http.CoreApiClient;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;

/**
 * Workflow definitions ({@code /workflows}), reactive. Every method takes the namespace first; arguments are validated
 * when the method is called, before any request is made.
 *
 * @since 0.1.0
 */
public final class ReactiveWorkflows {

	static final String COLLECTION = "/workflows";

	static final String ITEM = "/workflows/{workflowId}";

	private final CoreApiClient api;

	public ReactiveWorkflows(CoreApiClient api) {
		this.api = api;
	}

	/**
	 * Create a workflow.
	 * @param namespace the namespace
	 * @param request the workflow to create
	 * @param options per-call options
	 * @return the created workflow
	 */
	public Mono<Workflow> create(String namespace, CreateWorkflowRequest request, RequestOptions options) {
		return this.api.retrieve(ApiRequest.post(namespace, COLLECTION).body(request).options(options),
				Workflow.class);
	}

	/**
	 * Create a workflow.
	 * @param namespace the namespace
	 * @param request the workflow to create
	 * @return the created workflow
	 */
	public Mono<Workflow> create(String namespace, CreateWorkflowRequest request) {
		return create(namespace, request, RequestOptions.none());
	}

	/**
	 * Get a workflow.
	 * @param namespace the namespace
	 * @param workflowId the id
	 * @return the workflow; errors with {@code InteractorNotFoundException} if there is none
	 */
	public Mono<Workflow> get(String namespace, String workflowId) {
		return this.api.retrieve(ApiRequest.get(namespace, ITEM, workflowId), Workflow.class);
	}

	/**
	 * List the first page of workflows.
	 * @param namespace the namespace
	 * @return the page
	 */
	public Mono<Page<Workflow>> list(String namespace) {
		return list(namespace, ListParams.defaults());
	}

	/**
	 * List one page of workflows.
	 * @param namespace the namespace
	 * @param params the page to fetch
	 * @return the page
	 */
	public Mono<Page<Workflow>> list(String namespace, ListParams params) {
		return this.api.retrievePage(ApiRequest.get(namespace, COLLECTION)
			.query("page", params.page())
			.query("per_page", params.perPage()), Workflow.class);
	}

	/**
	 * Every workflow, fetching pages lazily as the subscriber demands items.
	 * @param namespace the namespace
	 * @return the workflows
	 */
	public Flux<Workflow> listAll(String namespace) {
		return listAll(namespace, ListParams.defaults());
	}

	/**
	 * Every workflow from a given page on, fetching pages lazily.
	 * @param namespace the namespace
	 * @param params the first page and the page size
	 * @return the workflows
	 */
	public Flux<Workflow> listAll(String namespace, ListParams params) {
		ApiRequest.requireNamespace(namespace);
		return Paging.flux(params.pageOrFirst(), (page) -> list(namespace, params.withPage(page)));
	}

	/**
	 * Delete a workflow.
	 * @param namespace the namespace
	 * @param workflowId the id
	 * @return completes when deleted
	 */
	public Mono<Void> delete(String namespace, String workflowId) {
		return this.api.retrieveEmpty(ApiRequest.delete(namespace, ITEM, workflowId));
	}

	/**
	 * Create a workflow from a definition given as JSON, sent as is: the definition schema differs between
	 * platform versions, so this is the way to use fields {@link CreateWorkflowRequest} does not model.
	 * @param namespace the namespace
	 * @param definition the definition, e.g. {@code name}, {@code states}, {@code initial_state}
	 * @param options per-call options
	 * @return the created workflow
	 */
	public Mono<Workflow> create(String namespace, JsonNode definition, RequestOptions options) {
		return this.api.retrieve(ApiRequest.post(namespace, COLLECTION).body(definition).options(options),
				Workflow.class);
	}

}
