package io.interactor.spring.client.resource;

import java.util.stream.Stream;

import io.interactor.spring.client.core.ListParams;
import io.interactor.spring.client.core.Page;
import io.interactor.spring.client.core.Paging;
import io.interactor.spring.client.core.RequestOptions;
import io.interactor.spring.client.http.ApiRequest;
import tools.jackson.databind.JsonNode;

/**
 * Workflow definitions ({@code /workflows}), blocking: the methods of {@link ReactiveWorkflows}, documented there; the
 * {@linkplain io.interactor.spring.client.resource package documentation} says how a blocking method differs.
 *
 * @since 0.1.0
 */
public final class Workflows {

	private final ReactiveWorkflows reactive;

	public Workflows(ReactiveWorkflows reactive) {
		this.reactive = reactive;
	}

	/**
	 * Blocking {@link ReactiveWorkflows#create(String, CreateWorkflowRequest, RequestOptions)}.
	 */
	public Workflow create(String namespace, CreateWorkflowRequest request, RequestOptions options) {
		return Blocking.require(this.reactive.create(namespace, request, options));
	}

	/**
	 * Blocking {@link ReactiveWorkflows#create(String, CreateWorkflowRequest)}.
	 */
	public Workflow create(String namespace, CreateWorkflowRequest request) {
		return create(namespace, request, RequestOptions.none());
	}

	/**
	 * Blocking {@link ReactiveWorkflows#get(String, String)}.
	 * @throws io.interactor.spring.client.error.InteractorNotFoundException if there is none
	 */
	public Workflow get(String namespace, String workflowId) {
		return Blocking.require(this.reactive.get(namespace, workflowId));
	}

	/**
	 * Blocking {@link ReactiveWorkflows#list(String)}.
	 */
	public Page<Workflow> list(String namespace) {
		return list(namespace, ListParams.defaults());
	}

	/**
	 * Blocking {@link ReactiveWorkflows#list(String, ListParams)}.
	 */
	public Page<Workflow> list(String namespace, ListParams params) {
		return Blocking.require(this.reactive.list(namespace, params));
	}

	/**
	 * Blocking {@link ReactiveWorkflows#listAll(String)}.
	 * @return a lazy stream: a page is fetched when the stream reaches it
	 */
	public Stream<Workflow> listAll(String namespace) {
		return listAll(namespace, ListParams.defaults());
	}

	/**
	 * Blocking {@link ReactiveWorkflows#listAll(String, ListParams)}.
	 * @return a lazy stream: a page is fetched when the stream reaches it
	 */
	public Stream<Workflow> listAll(String namespace, ListParams params) {
		ApiRequest.requireNamespace(namespace);
		return Paging.stream(params.pageOrFirst(), (page) -> list(namespace, params.withPage(page)));
	}

	/**
	 * Blocking {@link ReactiveWorkflows#delete(String, String)}.
	 */
	public void delete(String namespace, String workflowId) {
		Blocking.run(this.reactive.delete(namespace, workflowId));
	}

	/**
	 * Blocking {@link ReactiveWorkflows#create(String, JsonNode, RequestOptions)}.
	 */
	public Workflow create(String namespace, JsonNode definition, RequestOptions options) {
		return Blocking.require(this.reactive.create(namespace, definition, options));
	}

}
