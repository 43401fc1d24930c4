package io.interactor.spring.client.resource;

import java.util.stream.Stream;

import io.interactor.spring.client.core.ListParams;
import io.interactor.spring.client.core.Page;
import io.interactor.spring.client.core.Paging;
import io.interactor.spring.client.core.RequestOptions;
import io.interactor.spring.client.http.ApiRequest;

/**
 * Tools ({@code /tools}), blocking: the methods of {@link ReactiveTools}, documented there; the {@linkplain
 * io.interactor.spring.client.resource package documentation} says how a blocking method differs.
 *
 * @since 0.1.0
 */
public final class Tools {

	private final ReactiveTools reactive;

	public Tools(ReactiveTools reactive) {
		this.reactive = reactive;
	}

	/**
	 * Blocking {@link ReactiveTools#create(String, CreateToolRequest, RequestOptions)}.
	 */
	public Tool create(String namespace, CreateToolRequest request, RequestOptions options) {
		return Blocking.require(this.reactive.create(namespace, request, options));
	}

	/**
	 * Blocking {@link ReactiveTools#create(String, CreateToolRequest)}.
	 */
	public Tool create(String namespace, CreateToolRequest request) {
		return create(namespace, request, RequestOptions.none());
	}

	/**
	 * Blocking {@link ReactiveTools#get(String, String)}.
	 * @throws io.interactor.spring.client.error.InteractorNotFoundException if there is none
	 */
	public Tool get(String namespace, String toolId) {
		return Blocking.require(this.reactive.get(namespace, toolId));
	}

	/**
	 * Blocking {@link ReactiveTools#list(String)}.
	 */
	public Page<Tool> list(String namespace) {
		return list(namespace, ListParams.defaults());
	}

	/**
	 * Blocking {@link ReactiveTools#list(String, ListParams)}.
	 */
	public Page<Tool> list(String namespace, ListParams params) {
		return Blocking.require(this.reactive.list(namespace, params));
	}

	/**
	 * Blocking {@link ReactiveTools#listAll(String)}.
	 * @return a lazy stream: a page is fetched when the stream reaches it
	 */
	public Stream<Tool> listAll(String namespace) {
		return listAll(namespace, ListParams.defaults());
	}

	/**
	 * Blocking {@link ReactiveTools#listAll(String, ListParams)}.
	 * @return a lazy stream: a page is fetched when the stream reaches it
	 */
	public Stream<Tool> listAll(String namespace, ListParams params) {
		ApiRequest.requireNamespace(namespace);
		return Paging.stream(params.pageOrFirst(), (page) -> list(namespace, params.withPage(page)));
	}

	/**
	 * Blocking {@link ReactiveTools#update(String, String, UpdateToolRequest)}.
	 */
	public Tool update(String namespace, String toolId, UpdateToolRequest request) {
		return Blocking.require(this.reactive.update(namespace, toolId, request));
	}

	/**
	 * Blocking {@link ReactiveTools#delete(String, String)}.
	 */
	public void delete(String namespace, String toolId) {
		Blocking.run(this.reactive.delete(namespace, toolId));
	}

}
