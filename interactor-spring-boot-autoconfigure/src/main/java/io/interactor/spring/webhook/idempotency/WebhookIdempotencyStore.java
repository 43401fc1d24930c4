package io.interactor.spring.webhook.idempotency;

/**
 * Remembers which webhook deliveries are being or have been processed, so each idempotency key is processed once.
 * <p>
 * Implementations must make {@link #claim(String)} atomic: of any number of concurrent claims of one key exactly one
 * returns {@link ClaimResult#CLAIMED}. A claim lapses after the processing timeout so a crashed instance does not
 * block a key forever. Storage failures are reported as {@link IdempotencyStoreException}.
 */
public interface WebhookIdempotencyStore {

	/**
	 * Atomically claim a key for processing.
	 * @param key the idempotency key
	 * @return {@link ClaimResult#CLAIMED} if the caller now owns the key, else what state the key is in
	 * @throws IdempotencyStoreException if the store is unreachable
	 */
	ClaimResult claim(String key);

	/**
	 * Mark a claimed key as processed; later claims return {@link ClaimResult#COMPLETED} until it expires.
	 * @param key the idempotency key
	 * @throws IdempotencyStoreException if the store is unreachable
	 */
	void complete(String key);

	/**
	 * Forget a claimed key after processing failed, so a redelivery is processed.
	 * @param key the idempotency key
	 * @throws IdempotencyStoreException if the store is unreachable
	 */
	void release(String key);

}
