package io.interactor.spring.client.resource;

import java.util.stream.Stream;

import io.interactor.spring.client.core.ListParams;
import io.interactor.spring.client.core.Page;
import io.interactor.spring.client.core.Paging;
import io.interactor.spring.client.core.RequestOptions;
import io.interactor.spring.client.http.ApiRequest;

/**
 * Tools ({@code /tools}), blocking. The same operations as {@link ReactiveTools}; errors are thrown as {@link
 * io.interactor.spring.client.error.InteractorException}s.
 */
public final class Tools {

	private final ReactiveTools reactive;

	public Tools(ReactiveTools reactive) {
		this.reactive = reactive;
	}

	/**
	 * Create a tool.
	 * @param namespace the namespace
	 * @param request the tool to create
	 * @param options per-call options
	 * @return the created tool
	 */
	public Tool create(String namespace, CreateToolRequest request, RequestOptions options) {
		return Blocking.require(this.reactive.create(namespace, request, options));
	}

	/**
	 * Create a tool.
	 * @param namespace the namespace
	 * @param request the tool to create
	 * @return the created tool
	 */
	public Tool create(String namespace, CreateToolRequest request) {
		return create(namespace, request, RequestOptions.none());
	}

	/**
	 * Get a tool.
	 * @param namespace the namespace
	 * @param toolId the id
	 * @return the tool
	 * @throws io.interactor.spring.client.error.InteractorNotFoundException if there is none
	 */
	public Tool get(String namespace, String toolId) {
		return Blocking.require(this.reactive.get(namespace, toolId));
	}

	/**
	 * List the first page of tools.
	 * @param namespace the namespace
	 * @return the page
	 */
	public Page<Tool> list(String namespace) {
		return list(namespace, ListParams.defaults());
	}

	/**
	 * List one page of tools.
	 * @param namespace the namespace
	 * @param params the page to fetch
	 * @return the page
	 */
	public Page<Tool> list(String namespace, ListParams params) {
		return Blocking.require(this.reactive.list(namespace, params));
	}

	/**
	 * Every tool; a page is fetched when the stream reaches it.
	 * @param namespace the namespace
	 * @return the tools
	 */
	public Stream<Tool> listAll(String namespace) {
		return listAll(namespace, ListParams.defaults());
	}

	/**
	 * Every tool from a given page on; a page is fetched when the stream reaches it.
	 * @param namespace the namespace
	 * @param params the first page and the page size
	 * @return the tools
	 */
	public Stream<Tool> listAll(String namespace, ListParams params) {
		ApiRequest.requireNamespace(namespace);
		return Paging.stream(params.pageOrFirst(), (page) -> list(namespace, params.withPage(page)));
	}

	/**
	 * Update a tool; only the non-null fields of {@code request} change.
	 * @param namespace the namespace
	 * @param toolId the id
	 * @param request the changes
	 * @return the updated tool
	 */
	public Tool update(String namespace, String toolId, UpdateToolRequest request) {
		return Blocking.require(this.reactive.update(namespace, toolId, request));
	}

	/**
	 * Delete a tool.
	 * @param namespace the namespace
	 * @param toolId the id
	 */
	public void delete(String namespace, String toolId) {
		this.reactive.delete(namespace, toolId).block();
	}

}
