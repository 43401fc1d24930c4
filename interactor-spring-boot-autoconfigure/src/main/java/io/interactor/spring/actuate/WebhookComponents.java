package io.interactor.spring.actuate;

import io.interactor.spring.webhook.dispatch.WebhookHandlerRegistry;
import io.interactor.spring.webhook.dispatch.WebhookOutcomeCounts;
import io.interactor.spring.webhook.idempotency.InMemoryWebhookIdempotencyStore;
import io.interactor.spring.webhook.idempotency.WebhookIdempotencyStore;
import io.interactor.spring.webhook.signature.WebhookSignatureVerifier;

/**
 * The parts of the webhook pipeline that health and the actuator endpoint describe.
 *
 * @param path the path the webhook endpoint is served at
 * @param verifier the signature verifier (only asked whether it has a secret)
 * @param registry the registered handlers
 * @param store the idempotency store
 * @param outcomeCounts the outcome counts since start
 * @since 0.1.0
 */
public record WebhookComponents(String path, WebhookSignatureVerifier verifier, WebhookHandlerRegistry registry,
		WebhookIdempotencyStore store, WebhookOutcomeCounts outcomeCounts) {

	/** Type of the built-in store, {@code "memory"}. */
	public static final String MEMORY_STORE = "memory";

	/** Type of the built-in Redis store, {@code "redis"}. */
	public static final String REDIS_STORE = "redis";

	// Compared by name: referencing the class would load Spring Data Redis, which is optional.
	private static final String REDIS_STORE_CLASS = "io.interactor.spring.webhook.idempotency.RedisWebhookIdempotencyStore";

	/**
	 * The type of the idempotency store: {@code memory}, {@code redis}, or the class name of a custom store.
	 * @return the store type
	 */
	public String storeType() {
		if (this.store instanceof InMemoryWebhookIdempotencyStore) {
			return MEMORY_STORE;
		}
		if (REDIS_STORE_CLASS.equals(this.store.getClass().getName())) {
			return REDIS_STORE;
		}
		return this.store.getClass().getName();
	}

}
