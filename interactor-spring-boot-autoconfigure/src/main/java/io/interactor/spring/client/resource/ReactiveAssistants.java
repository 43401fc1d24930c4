package io.interactor.spring.client.resource;

import io.interactor.spring.client.core.ListParams;
import io.interactor.spring.client.core.Page;
import io.interactor.spring.client.core.Paging;
import io.interactor.spring.client.core.RequestOptions;
import io.interactor.spring.client.http.ApiRequest;
import io.interactor.spring.client.http.CoreApiClient;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Assistants ({@code /assistants}), reactive. Every method takes the namespace first; arguments are validated
 * when the method is called, before any request is made.
 *
 * @since 0.1.0
 */
public final class ReactiveAssistants {

	static final String COLLECTION = "/assistants";

	static final String ITEM = "/assistants/{assistantId}";

	private final CoreApiClient api;

	public ReactiveAssistants(CoreApiClient api) {
		this.api = api;
	}

	/**
	 * Create an assistant. An {@code Idempotency-Key} is generated unless {@code options} carries one.
	 * @param namespace the namespace
	 * @param request the assistant to create
	 * @param options per-call options
	 * @return the created assistant
	 */
	public Mono<Assistant> create(String namespace, CreateAssistantRequest request, RequestOptions options) {
		return this.api.retrieve(
				ApiRequest.post(namespace, COLLECTION).body(request).options(options).generateIdempotencyKey(),
				Assistant.class);
	}

	/**
	 * Create an assistant with a generated {@code Idempotency-Key}.
	 * @param namespace the namespace
	 * @param request the assistant to create
	 * @return the created assistant
	 */
	public Mono<Assistant> create(String namespace, CreateAssistantRequest request) {
		return create(namespace, request, RequestOptions.none());
	}

	/**
	 * Get an assistant.
	 * @param namespace the namespace
	 * @param assistantId the assistant id
	 * @return the assistant; errors with {@code InteractorNotFoundException} if there is none
	 */
	public Mono<Assistant> get(String namespace, String assistantId) {
		return this.api.retrieve(ApiRequest.get(namespace, ITEM, assistantId), Assistant.class);
	}

	/**
	 * List the first page of assistants.
	 * @param namespace the namespace
	 * @return the page
	 */
	public Mono<Page<Assistant>> list(String namespace) {
		return list(namespace, ListParams.defaults());
	}

	/**
	 * List one page of assistants.
	 * @param namespace the namespace
	 * @param params the page to fetch
	 * @return the page
	 */
	public Mono<Page<Assistant>> list(String namespace, ListParams params) {
		return this.api.retrievePage(ApiRequest.get(namespace, COLLECTION)
			.query("page", params.page())
			.query("per_page", params.perPage()), Assistant.class);
	}

	/**
	 * Every assistant, fetching pages lazily as the subscriber demands items.
	 * @param namespace the namespace
	 * @return the assistants
	 */
	public Flux<Assistant> listAll(String namespace) {
		return listAll(namespace, ListParams.defaults());
	}

	/**
	 * Every assistant from a given page on, fetching pages lazily as the subscriber demands items.
	 * @param namespace the namespace
	 * @param params the first page and the page size
	 * @return the assistants
	 */
	public Flux<Assistant> listAll(String namespace, ListParams params) {
		ApiRequest.requireNamespace(namespace);
		return Paging.flux(params.pageOrFirst(), (page) -> list(namespace, params.withPage(page)));
	}

	/**
	 * Update an assistant; only the non-null fields of {@code request} change.
	 * @param namespace the namespace
	 * @param assistantId the assistant id
	 * @param request the changes
	 * @return the updated assistant
	 */
	public Mono<Assistant> update(String namespace, String assistantId, UpdateAssistantRequest request) {
		return this.api.retrieve(ApiRequest.patch(namespace, ITEM, assistantId).body(request), Assistant.class);
	}

	/**
	 * Delete an assistant.
	 * @param namespace the namespace
	 * @param assistantId the assistant id
	 * @return completes when deleted
	 */
	public Mono<Void> delete(String namespace, String assistantId) {
		return this.api.retrieveEmpty(ApiRequest.delete(namespace, ITEM, assistantId));
	}

}
