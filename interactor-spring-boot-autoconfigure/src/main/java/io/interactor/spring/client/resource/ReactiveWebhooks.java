package io.interactor.spring.client.resource;

import java.util.Map;

import io.interactor.spring.client.core.ListParams;
import io.interactor.spring.client.core.Page;
import io.interactor.spring.client.core.Paging;
import io.interactor.spring.client.core.RequestOptions;
import io.interactor.spring.client.http.ApiRequest;
import io.interactor.spring.client.http.CoreApiClient;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Webhook subscriptions ({@code /webhooks}), reactive. Every method takes the namespace first; arguments are validated
 * when the method is called, before any request is made.
 *
 * @since 0.1.0
 */
public final class ReactiveWebhooks {

	static final String COLLECTION = "/webhooks";

	static final String ITEM = "/webhooks/{webhookId}";

	private final CoreApiClient api;

	public ReactiveWebhooks(CoreApiClient api) {
		this.api = api;
	}

	/**
	 * Create a webhook. An {@code Idempotency-Key} is generated unless {@code options} carries one.
	 * @param namespace the namespace
	 * @param request the webhook to create
	 * @param options per-call options
	 * @return the created webhook
	 */
	public Mono<Webhook> create(String namespace, CreateWebhookRequest request, RequestOptions options) {
		return this.api.retrieve(
				ApiRequest.post(namespace, COLLECTION).body(request).options(options).generateIdempotencyKey(),
				Webhook.class);
	}

	/**
	 * Create a webhook.
	 * @param namespace the namespace
	 * @param request the webhook to create
	 * @return the created webhook
	 */
	public Mono<Webhook> create(String namespace, CreateWebhookRequest request) {
		return create(namespace, request, RequestOptions.none());
	}

	/**
	 * Get a webhook.
	 * @param namespace the namespace
	 * @param webhookId the id
	 * @return the webhook; errors with {@code InteractorNotFoundException} if there is none
	 */
	public Mono<Webhook> get(String namespace, String webhookId) {
		return this.api.retrieve(ApiRequest.get(namespace, ITEM, webhookId), Webhook.class);
	}

	/**
	 * List the first page of webhooks.
	 * @param namespace the namespace
	 * @return the page
	 */
	public Mono<Page<Webhook>> list(String namespace) {
		return list(namespace, ListParams.defaults());
	}

	/**
	 * List one page of webhooks.
	 * @param namespace the namespace
	 * @param params the page to fetch
	 * @return the page
	 */
	public Mono<Page<Webhook>> list(String namespace, ListParams params) {
		return this.api.retrievePage(ApiRequest.get(namespace, COLLECTION)
			.query("page", params.page())
			.query("per_page", params.perPage()), Webhook.class);
	}

	/**
	 * Every webhook, fetching pages lazily as the subscriber demands items.
	 * @param namespace the namespace
	 * @return the webhooks
	 */
	public Flux<Webhook> listAll(String namespace) {
		return listAll(namespace, ListParams.defaults());
	}

	/**
	 * Every webhook from a given page on, fetching pages lazily.
	 * @param namespace the namespace
	 * @param params the first page and the page size
	 * @return the webhooks
	 */
	public Flux<Webhook> listAll(String namespace, ListParams params) {
		ApiRequest.requireNamespace(namespace);
		return Paging.flux(params.pageOrFirst(), (page) -> list(namespace, params.withPage(page)));
	}

	/**
	 * Update a webhook; only the non-null fields of {@code request} change.
	 * @param namespace the namespace
	 * @param webhookId the id
	 * @param request the changes
	 * @return the updated webhook
	 */
	public Mono<Webhook> update(String namespace, String webhookId, UpdateWebhookRequest request) {
		return this.api.retrieve(ApiRequest.patch(namespace, ITEM, webhookId).body(request), Webhook.class);
	}

	/**
	 * Delete a webhook.
	 * @param namespace the namespace
	 * @param webhookId the id
	 * @return completes when deleted
	 */
	public Mono<Void> delete(String namespace, String webhookId) {
		return this.api.retrieveEmpty(ApiRequest.delete(namespace, ITEM, webhookId));
	}

	/**
	 * Rotate a webhook's signing secret: the old secret stops working at once, so update your verifier's
	 * {@code previous-secrets} first or accept a short gap.
	 * @param namespace the namespace
	 * @param webhookId the id
	 * @param options per-call options
	 * @return the webhook, with the new {@link Webhook#secret()}
	 */
	public Mono<Webhook> rotateSecret(String namespace, String webhookId, RequestOptions options) {
		return this.api.retrieve(
				ApiRequest.post(namespace, ITEM + "/rotate-secret", webhookId).body(Map.of()).options(options),
				Webhook.class);
	}

	/**
	 * Rotate a webhook's signing secret.
	 * @param namespace the namespace
	 * @param webhookId the id
	 * @return the webhook, with the new {@link Webhook#secret()}
	 */
	public Mono<Webhook> rotateSecret(String namespace, String webhookId) {
		return rotateSecret(namespace, webhookId, RequestOptions.none());
	}

}
