package io.interactor.spring.webhook.signature;

/**
 * Which bytes a webhook signature is computed over.
 *
 * @since 0.1.0
 */
public enum SignatureScheme {

	/** Accept {@link #TIMESTAMPED} first, then fall back to {@link #BODY}. */
	AUTO,

	/** HMAC over {@code timestamp + "." + rawBody}; the timestamp header is required. */
	TIMESTAMPED,

	/** HMAC over the raw body only (older documents); the timestamp is still checked when present. */
	BODY

}
