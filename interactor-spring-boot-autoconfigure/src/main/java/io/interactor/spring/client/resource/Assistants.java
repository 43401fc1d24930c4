package io.interactor.spring.client.resource;

import java.util.stream.Stream;

import io.interactor.spring.client.core.ListParams;
import io.interactor.spring.client.core.Page;
import io.interactor.spring.client.core.Paging;
import io.interactor.spring.client.core.RequestOptions;
import io.interactor.spring.client.http.ApiRequest;

/**
 * Assistants ({@code /assistants}), blocking. The same operations as {@link ReactiveAssistants}; errors are thrown
 * as {@link io.interactor.spring.client.error.InteractorException}s.
 */
public final class Assistants {

	private final ReactiveAssistants reactive;

	public Assistants(ReactiveAssistants reactive) {
		this.reactive = reactive;
	}

	/**
	 * Create an assistant. An {@code Idempotency-Key} is generated unless {@code options} carries one.
	 * @param namespace the namespace
	 * @param request the assistant to create
	 * @param options per-call options
	 * @return the created assistant
	 */
	public Assistant create(String namespace, CreateAssistantRequest request, RequestOptions options) {
		return Blocking.require(this.reactive.create(namespace, request, options));
	}

	/**
	 * Create an assistant with a generated {@code Idempotency-Key}.
	 * @param namespace the namespace
	 * @param request the assistant to create
	 * @return the created assistant
	 */
	public Assistant create(String namespace, CreateAssistantRequest request) {
		return create(namespace, request, RequestOptions.none());
	}

	/**
	 * Get an assistant.
	 * @param namespace the namespace
	 * @param assistantId the assistant id
	 * @return the assistant
	 * @throws io.interactor.spring.client.error.InteractorNotFoundException if there is none
	 */
	public Assistant get(String namespace, String assistantId) {
		return Blocking.require(this.reactive.get(namespace, assistantId));
	}

	/**
	 * List the first page of assistants.
	 * @param namespace the namespace
	 * @return the page
	 */
	public Page<Assistant> list(String namespace) {
		return list(namespace, ListParams.defaults());
	}

	/**
	 * List one page of assistants.
	 * @param namespace the namespace
	 * @param params the page to fetch
	 * @return the page
	 */
	public Page<Assistant> list(String namespace, ListParams params) {
		return Blocking.require(this.reactive.list(namespace, params));
	}

	/**
	 * Every assistant; a page is fetched when the stream reaches it.
	 * @param namespace the namespace
	 * @return the assistants
	 */
	public Stream<Assistant> listAll(String namespace) {
		return listAll(namespace, ListParams.defaults());
	}

	/**
	 * Every assistant from a given page on; a page is fetched when the stream reaches it.
	 * @param namespace the namespace
	 * @param params the first page and the page size
	 * @return the assistants
	 */
	public Stream<Assistant> listAll(String namespace, ListParams params) {
		ApiRequest.requireNamespace(namespace);
		return Paging.stream(params.pageOrFirst(), (page) -> list(namespace, params.withPage(page)));
	}

	/**
	 * Update an assistant; only the non-null fields of {@code request} change.
	 * @param namespace the namespace
	 * @param assistantId the assistant id
	 * @param request the changes
	 * @return the updated assistant
	 */
	public Assistant update(String namespace, String assistantId, UpdateAssistantRequest request) {
		return Blocking.require(this.reactive.update(namespace, assistantId, request));
	}

	/**
	 * Delete an assistant.
	 * @param namespace the namespace
	 * @param assistantId the assistant id
	 */
	public void delete(String namespace, String assistantId) {
		this.reactive.delete(namespace, assistantId).block();
	}

}
