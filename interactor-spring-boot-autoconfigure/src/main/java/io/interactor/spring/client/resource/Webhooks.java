package io.interactor.spring.client.resource;

import java.util.stream.Stream;

import io.interactor.spring.client.core.ListParams;
import io.interactor.spring.client.core.Page;
import io.interactor.spring.client.core.Paging;
import io.interactor.spring.client.core.RequestOptions;
import io.interactor.spring.client.http.ApiRequest;

/**
 * Webhook subscriptions ({@code /webhooks}), blocking: the methods of {@link ReactiveWebhooks}, documented there; the
 * {@linkplain io.interactor.spring.client.resource package documentation} says how a blocking method differs.
 *
 * @since 0.1.0
 */
public final class Webhooks {

	private final ReactiveWebhooks reactive;

	public Webhooks(ReactiveWebhooks reactive) {
		this.reactive = reactive;
	}

	/**
	 * Blocking {@link ReactiveWebhooks#create(String, CreateWebhookRequest, RequestOptions)}.
	 */
	public Webhook create(String namespace, CreateWebhookRequest request, RequestOptions options) {
		return Blocking.require(this.reactive.create(namespace, request, options));
	}

	/**
	 * Blocking {@link ReactiveWebhooks#create(String, CreateWebhookRequest)}.
	 */
	public Webhook create(String namespace, CreateWebhookRequest request) {
		return create(namespace, request, RequestOptions.none());
	}

	/**
	 * Blocking {@link ReactiveWebhooks#get(String, String)}.
	 * @throws io.interactor.spring.client.error.InteractorNotFoundException if there is none
	 */
	public Webhook get(String namespace, String webhookId) {
		return Blocking.require(this.reactive.get(namespace, webhookId));
	}

	/**
	 * Blocking {@link ReactiveWebhooks#list(String)}.
	 */
	public Page<Webhook> list(String namespace) {
		return list(namespace, ListParams.defaults());
	}

	/**
	 * Blocking {@link ReactiveWebhooks#list(String, ListParams)}.
	 */
	public Page<Webhook> list(String namespace, ListParams params) {
		return Blocking.require(this.reactive.list(namespace, params));
	}

	/**
	 * Blocking {@link ReactiveWebhooks#listAll(String)}.
	 * @return a lazy stream: a page is fetched when the stream reaches it
	 */
	public Stream<Webhook> listAll(String namespace) {
		return listAll(namespace, ListParams.defaults());
	}

	/**
	 * Blocking {@link ReactiveWebhooks#listAll(String, ListParams)}.
	 * @return a lazy stream: a page is fetched when the stream reaches it
	 */
	public Stream<Webhook> listAll(String namespace, ListParams params) {
		ApiRequest.requireNamespace(namespace);
		return Paging.stream(params.pageOrFirst(), (page) -> list(namespace, params.withPage(page)));
	}

	/**
	 * Blocking {@link ReactiveWebhooks#update(String, String, UpdateWebhookRequest)}.
	 */
	public Webhook update(String namespace, String webhookId, UpdateWebhookRequest request) {
		return Blocking.require(this.reactive.update(namespace, webhookId, request));
	}

	/**
	 * Blocking {@link ReactiveWebhooks#delete(String, String)}.
	 */
	public void delete(String namespace, String webhookId) {
		Blocking.run(this.reactive.delete(namespace, webhookId));
	}

	/**
	 * Blocking {@link ReactiveWebhooks#rotateSecret(String, String, RequestOptions)}.
	 */
	public Webhook rotateSecret(String namespace, String webhookId, RequestOptions options) {
		return Blocking.require(this.reactive.rotateSecret(namespace, webhookId, options));
	}

	/**
	 * Blocking {@link ReactiveWebhooks#rotateSecret(String, String)}.
	 */
	public Webhook rotateSecret(String namespace, String webhookId) {
		return rotateSecret(namespace, webhookId, RequestOptions.none());
	}

}
