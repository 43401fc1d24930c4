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
 * Tools ({@code /tools}), reactive. Every method takes the namespace first; arguments are validated when the method is
 * called, before any request is made.
 *
 * @since 0.1.0
 */
public final class ReactiveTools {

	static final String COLLECTION = "/tools";

	static final String ITEM = "/tools/{toolId}";

	private final CoreApiClient api;

	public ReactiveTools(CoreApiClient api) {
		this.api = api;
	}

	/**
	 * Create a tool.
	 * @param namespace the namespace
	 * @param request the tool to create
	 * @param options per-call options
	 * @return the created tool
	 */
	public Mono<Tool> create(String namespace, CreateToolRequest request, RequestOptions options) {
		return this.api.retrieve(ApiRequest.post(namespace, COLLECTION).body(request).options(options),
				Tool.class);
	}

	/**
	 * Create a tool.
	 * @param namespace the namespace
	 * @param request the tool to create
	 * @return the created tool
	 */
	public Mono<Tool> create(String namespace, CreateToolRequest request) {
		return create(namespace, request, RequestOptions.none());
	}

	/**
	 * Get a tool.
	 * @param namespace the namespace
	 * @param toolId the id
	 * @return the tool; errors with {@code InteractorNotFoundException} if there is none
	 */
	public Mono<Tool> get(String namespace, String toolId) {
		return this.api.retrieve(ApiRequest.get(namespace, ITEM, toolId), Tool.class);
	}

	/**
	 * List the first page of tools.
	 * @param namespace the namespace
	 * @return the page
	 */
	public Mono<Page<Tool>> list(String namespace) {
		return list(namespace, ListParams.defaults());
	}

	/**
	 * List one page of tools.
	 * @param namespace the namespace
	 * @param params the page to fetch
	 * @return the page
	 */
	public Mono<Page<Tool>> list(String namespace, ListParams params) {
		return this.api.retrievePage(ApiRequest.get(namespace, COLLECTION)
			.query("page", params.page())
			.query("per_page", params.perPage()), Tool.class);
	}

	/**
	 * Every tool, fetching pages lazily as the subscriber demands items.
	 * @param namespace the namespace
	 * @return the tools
	 */
	public Flux<Tool> listAll(String namespace) {
		return listAll(namespace, ListParams.defaults());
	}

	/**
	 * Every tool from a given page on, fetching pages lazily.
	 * @param namespace the namespace
	 * @param params the first page and the page size
	 * @return the tools
	 */
	public Flux<Tool> listAll(String namespace, ListParams params) {
		ApiRequest.requireNamespace(namespace);
		return Paging.flux(params.pageOrFirst(), (page) -> list(namespace, params.withPage(page)));
	}

	/**
	 * Update a tool; only the non-null fields of {@code request} change.
	 * @param namespace the namespace
	 * @param toolId the id
	 * @param request the changes
	 * @return the updated tool
	 */
	public Mono<Tool> update(String namespace, String toolId, UpdateToolRequest request) {
		return this.api.retrieve(ApiRequest.patch(namespace, ITEM, toolId).body(request), Tool.class);
	}

	/**
	 * Delete a tool.
	 * @param namespace the namespace
	 * @param toolId the id
	 * @return completes when deleted
	 */
	public Mono<Void> delete(String namespace, String toolId) {
		return this.api.retrieveEmpty(ApiRequest.delete(namespace, ITEM, toolId));
	}

}
