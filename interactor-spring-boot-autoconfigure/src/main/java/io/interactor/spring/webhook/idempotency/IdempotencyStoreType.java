package io.interactor.spring.webhook.idempotency;

/**
 * The built-in webhook idempotency stores selectable by property.
 */
public enum IdempotencyStoreType {

	/** Bounded in-memory store: correct for a single application instance only. */
	MEMORY,

	/** Redis store, shared by every instance of the application. */
	REDIS

}
