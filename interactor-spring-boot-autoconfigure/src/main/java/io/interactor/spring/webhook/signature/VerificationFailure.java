package io.interactor.spring.webhook.signature;

/**
 * Why a webhook delivery failed verification. The {@link #errorCode() error code} is what the endpoint returns;
 * it never reveals which secret or scheme was tried.
 *
 * @since 0.1.0
 */
public enum VerificationFailure {

	/** No {@code X-Interactor-Signature} header. */
	MISSING_SIGNATURE("invalid_signature"),

	/** The signature header is not 64 hex characters (with an optional {@code sha256=} prefix). */
	MALFORMED_SIGNATURE("invalid_signature"),

	/** A signature or timestamp header occurs more than once. */
	DUPLICATE_HEADER("invalid_signature"),

	/** No secret is configured, so no delivery can be verified. */
	NO_SECRET("invalid_signature"),

	/** The signature matches none of the configured secrets and schemes. */
	SIGNATURE_MISMATCH("invalid_signature"),

	/** The timestamp header is required by the scheme but absent. */
	MISSING_TIMESTAMP("invalid_timestamp"),

	/** The timestamp header is neither epoch seconds, epoch milliseconds nor ISO-8601. */
	MALFORMED_TIMESTAMP("invalid_timestamp"),

	/** The timestamp is older than the tolerance allows. */
	STALE_TIMESTAMP("invalid_timestamp"),

	/** The timestamp is further in the future than the tolerance allows. */
	FUTURE_TIMESTAMP("invalid_timestamp"),

	/**
	 * The signature covers the body alone and the envelope carries no timestamp ({@code timestamp} or
	 * {@code created_at}); see {@link EnvelopeTimestampPolicy}.
	 */
	MISSING_ENVELOPE_TIMESTAMP("invalid_timestamp"),

	/**
	 * The signature covers the body alone and the envelope's timestamp is neither epoch seconds, epoch milliseconds
	 * nor ISO-8601.
	 */
	MALFORMED_ENVELOPE_TIMESTAMP("invalid_timestamp"),

	/**
	 * The signature covers the body alone and the envelope's timestamp is older than the idempotency store remembers
	 * deliveries: a replay the store could no longer recognise.
	 */
	STALE_ENVELOPE_TIMESTAMP("invalid_timestamp"),

	/**
	 * The signature covers the body alone and the envelope's timestamp is further in the future than the tolerance
	 * allows.
	 */
	FUTURE_ENVELOPE_TIMESTAMP("invalid_timestamp");

	private final String errorCode;

	VerificationFailure(String errorCode) {
		this.errorCode = errorCode;
	}

	/**
	 * The error code reported to the sender: {@code invalid_signature} or {@code invalid_timestamp}.
	 * @return the error code
	 */
	public String errorCode() {
		return this.errorCode;
	}

}
