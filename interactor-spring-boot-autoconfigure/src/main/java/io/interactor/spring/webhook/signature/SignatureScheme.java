package io.interactor.spring.webhook.signature;

/**
 * Which bytes a webhook signature is computed over.
 *
 * @since 0.1.0
 */
public enum SignatureScheme {

	/**
	 * Accept {@link #TIMESTAMPED} first, then fall back to {@link #BODY} (with the envelope timestamp that
	 * {@link #BODY} requires).
	 */
	AUTO,

	/** HMAC over {@code timestamp + "." + rawBody}; the timestamp header is required. */
	TIMESTAMPED,

	/**
	 * HMAC over the raw body only (older documents). The timestamp header is still checked when present, but the
	 * signature does not cover it, so the envelope's own timestamp must also be present and recent enough for the
	 * idempotency store to still remember the delivery (see {@link EnvelopeTimestampPolicy}).
	 */
	BODY

}
