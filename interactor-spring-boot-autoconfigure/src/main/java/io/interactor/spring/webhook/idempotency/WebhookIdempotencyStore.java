package io.interactor.spring.webhook.idempotency;

/**
 * Remembers which webhook deliveries are being or have been processed, so each idempotency key is processed once.
 * <p>
 * Implementations must make {@link #claim(String, String)} atomic: of any number of concurrent claims of one key
 * exactly one returns {@link ClaimResult#CLAIMED}. A claim lapses after the processing timeout so a crashed instance
 * does not block a key forever. Each claim carries the caller's claim id, so that a delivery whose claim lapsed (its
 * handler ran longer than the timeout) cannot release the claim another delivery has taken since. Storage failures
 * are reported as {@link IdempotencyStoreException}.
 *
 * @since 0.1.0
 */
public interface WebhookIdempotencyStore {

	/**
	 * Atomically claim a key for processing.
	 * @param key the idempotency key
	 * @param claimId identifies this claim (unique per delivery attempt)
	 * @return {@link ClaimResult#CLAIMED} if the caller now owns the key, else what state the key is in
	 * @throws IdempotencyStoreException if the store is unreachable
	 */
	ClaimResult claim(String key, String claimId);

	/**
	 * Mark a key as processed; later claims return {@link ClaimResult#COMPLETED} until it expires. This holds even
	 * when the caller's claim lapsed meanwhile: the delivery was processed all the same.
	 * @param key the idempotency key
	 * @param claimId the id the key was claimed with
	 * @throws IdempotencyStoreException if the store is unreachable
	 */
	void complete(String key, String claimId);

	/**
	 * Forget a key after processing failed, so a redelivery is processed; does nothing unless the key is still
	 * claimed with {@code claimId}.
	 * @param key the idempotency key
	 * @param claimId the id the key was claimed with
	 * @throws IdempotencyStoreException if the store is unreachable
	 */
	void release(String key, String claimId);

}
