package io.interactor.spring.client.resource;

import java.util.stream.Stream;

import io.interactor.spring.client.core.ListParams;
import io.interactor.spring.client.core.Page;
import io.interactor.spring.client.core.Paging;
import io.interactor.spring.client.core.RequestOptions;
import io.interactor.spring.client.http.ApiRequest;

/**
 * Assistants ({@code /assistants}), blocking: the methods of {@link ReactiveAssistants}, documented there; the
 * {@linkplain io.interactor.spring.client.resource package documentation} says how a blocking method differs.
 *
 * @since 0.1.0
 */
public final class Assistants {

	private final ReactiveAssistants reactive;

	public Assistants(ReactiveAssistants reactive) {
		this.reactive = reactive;
	}

	/**
	 * Blocking {@link ReactiveAssistants#create(String, CreateAssistantRequest, RequestOptions)}.
	 */
	public Assistant create(String namespace, CreateAssistantRequest request, RequestOptions options) {
		return Blocking.require(this.reactive.create(namespace, request, options));
	}

	/**
	 * Blocking {@link ReactiveAssistants#create(String, CreateAssistantRequest)}.
	 */
	public Assistant create(String namespace, CreateAssistantRequest request) {
		return create(namespace, request, RequestOptions.none());
	}

	/**
	 * Blocking {@link ReactiveAssistants#get(String, String)}.
	 * @throws io.interactor.spring.client.error.InteractorNotFoundException if there is none
	 */
	public Assistant get(String namespace, String assistantId) {
		return Blocking.require(this.reactive.get(namespace, assistantId));
	}

	/**
	 * Blocking {@link ReactiveAssistants#list(String)}.
	 */
	public Page<Assistant> list(String namespace) {
		return list(namespace, ListParams.defaults());
	}

	/**
	 * Blocking {@link ReactiveAssistants#list(String, ListParams)}.
	 */
	public Page<Assistant> list(String namespace, ListParams params) {
		return Blocking.require(this.reactive.list(namespace, params));
	}

	/**
	 * Blocking {@link ReactiveAssistants#listAll(String)}.
	 * @return a lazy stream: a page is fetched when the stream reaches it
	 */
	public Stream<Assistant> listAll(String namespace) {
		return listAll(namespace, ListParams.defaults());
	}

	/**
	 * Blocking {@link ReactiveAssistants#listAll(String, ListParams)}.
	 * @return a lazy stream: a page is fetched when the stream reaches it
	 */
	public Stream<Assistant> listAll(String namespace, ListParams params) {
		ApiRequest.requireNamespace(namespace);
		return Paging.stream(params.pageOrFirst(), (page) -> list(namespace, params.withPage(page)));
	}

	/**
	 * Blocking {@link ReactiveAssistants#update(String, String, UpdateAssistantRequest)}.
	 */
	public Assistant update(String namespace, String assistantId, UpdateAssistantRequest request) {
		return Blocking.require(this.reactive.update(namespace, assistantId, request));
	}

	/**
	 * Blocking {@link ReactiveAssistants#delete(String, String)}.
	 */
	public void delete(String namespace, String assistantId) {
		Blocking.run(this.reactive.delete(namespace, assistantId));
	}

}
