package io.interactor.spring.webhook.idempotency;

/**
 * Result of {@link WebhookIdempotencyStore#claim(String, String)}.
 *
 * @since 0.1.0
 */
public enum ClaimResult {

	/** The caller owns the key now and must {@code complete} or {@code release} it. */
	CLAIMED,

	/** Another delivery with the same key is being processed. */
	IN_PROGRESS,

	/** A delivery with the same key was processed already. */
	COMPLETED

}
