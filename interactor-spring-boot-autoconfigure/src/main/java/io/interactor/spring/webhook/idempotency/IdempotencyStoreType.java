package io.interactor.spring.webhook.idempotency;

/**
 * The built-in webhook idempotency stores selectable by property.
 *
 * @since 0.1.0
 */
public enum IdempotencyStoreType {

	/** Bounded in-memory store: correct for a single application instance only. */
	MEMORY,

	/** Redis store, shared by every instance of the application. */
	REDIS

}
