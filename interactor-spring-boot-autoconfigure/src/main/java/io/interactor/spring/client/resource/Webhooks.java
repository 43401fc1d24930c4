package io.interactor.spring.client.resource;

import java.util.stream.Stream;

import io.interactor.spring.client.core.ListParams;
import io.interactor.spring.client.core.Page;
import io.interactor.spring.client.core.Paging;
import io.interactor.spring.client.core.RequestOptions;
import io.interactor.spring.client.http.ApiRequest;

/**
 * Webhook subscriptions ({@code /webhooks}), blocking. The same operations as {@link ReactiveWebhooks}; errors are
 * thrown as {@link io.interactor.spring.client.error.InteractorException}s.
 */
public final class Webhooks {

	private final ReactiveWebhooks reactive;

	public Webhooks(ReactiveWebhooks reactive) {
		this.reactive = reactive;
	}

	/**
	 * Create a webhook. An {@code Idempotency-Key} is generated unless {@code options} carries one.
	 * @param namespace the namespace
	 * @param request the webhook to create
	 * @param options per-call options
	 * @return the created webhook
	 */
	public Webhook create(String namespace, CreateWebhookRequest request, RequestOptions options) {
		return Blocking.require(this.reactive.create(namespace, request, options));
	}

	/**
	 * Create a webhook.
	 * @param namespace the namespace
	 * @param request the webhook to create
	 * @return the created webhook
	 */
	public Webhook create(String namespace, CreateWebhookRequest request) {
		return create(namespace, request, RequestOptions.none());
	}

	/**
	 * Get a webhook.
	 * @param namespace the namespace
	 * @param webhookId the id
	 * @return the webhook
	 * @throws io.interactor.spring.client.error.InteractorNotFoundException if there is none
	 */
	public Webhook get(String namespace, String webhookId) {
		return Blocking.require(this.reactive.get(namespace, webhookId));
	}

	/**
	 * List the first page of webhooks.
	 * @param namespace the namespace
	 * @return the page
	 */
	public Page<Webhook> list(String namespace) {
		return list(namespace, ListParams.defaults());
	}

	/**
	 * List one page of webhooks.
	 * @param namespace the namespace
	 * @param params the page to fetch
	 * @return the page
	 */
	public Page<Webhook> list(String namespace, ListParams params) {
		return Blocking.require(this.reactive.list(namespace, params));
	}

	/**
	 * Every webhook; a page is fetched when the stream reaches it.
	 * @param namespace the namespace
	 * @return the webhooks
	 */
	public Stream<Webhook> listAll(String namespace) {
		return listAll(namespace, ListParams.defaults());
	}

	/**
	 * Every webhook from a given page on; a page is fetched when the stream reaches it.
	 * @param namespace the namespace
	 * @param params the first page and the page size
	 * @return the webhooks
	 */
	public Stream<Webhook> listAll(String namespace, ListParams params) {
		ApiRequest.requireNamespace(namespace);
		return Paging.stream(params.pageOrFirst(), (page) -> list(namespace, params.withPage(page)));
	}

	/**
	 * Update a webhook; only the non-null fields of {@code request} change.
	 * @param namespace the namespace
	 * @param webhookId the id
	 * @param request the changes
	 * @return the updated webhook
	 */
	public Webhook update(String namespace, String webhookId, UpdateWebhookRequest request) {
		return Blocking.require(this.reactive.update(namespace, webhookId, request));
	}

	/**
	 * Delete a webhook.
	 * @param namespace the namespace
	 * @param webhookId the id
	 */
	public void delete(String namespace, String webhookId) {
		this.reactive.delete(namespace, webhookId).block();
	}

	/**
	 * Rotate a webhook's signing secret: the old secret stops working at once.
	 * @param namespace the namespace
	 * @param webhookId the id
	 * @param options per-call options
	 * @return the webhook, with the new {@link Webhook#secret()}
	 */
	public Webhook rotateSecret(String namespace, String webhookId, RequestOptions options) {
		return Blocking.require(this.reactive.rotateSecret(namespace, webhookId, options));
	}

	/**
	 * Rotate a webhook's signing secret.
	 * @param namespace the namespace
	 * @param webhookId the id
	 * @return the webhook, with the new {@link Webhook#secret()}
	 */
	public Webhook rotateSecret(String namespace, String webhookId) {
		return rotateSecret(namespace, webhookId, RequestOptions.none());
	}

}
