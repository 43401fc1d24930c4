package io.interactor.spring.webhook.idempotency;

/**
 * The built-in webhook idempotency stores selectable by property.
 *
 * @since 0.1.0
 */
public enum IdempotencyStoreType {

	/**
	 * The Redis store when the application has a Redis connection factory (Spring Data Redis), else the in-memory
	 * store.
	 */
	AUTO,

	/** Bounded in-memory store: correct for a single application instance only. */
	MEMORY,

	/** Redis store, shared by every instance of the application. */
	REDIS

}
