package io.interactor.spring.webhook.signature;

import org.springframework.http.HttpHeaders;

/**
 * Decides whether a webhook delivery is authentic and fresh, from its headers and its raw body, before anything of it
 * is parsed, stored or handed to a handler. A delivery that fails is answered 401 and goes no further.
 * <p>
 * The auto-configured implementation is {@link HmacWebhookSignatureVerifier}, built from the
 * {@code interactor.webhook.*} secrets, scheme and tolerance. An application that keeps its secrets elsewhere (a
 * vault, per-tenant keys) or must accept another signature format defines a bean of this type; the auto-configured
 * verifier then backs off, and the dispatcher, health and the actuator endpoint use the application's verifier.
 * <p>
 * A verifier whose signatures do not cover a timestamp (as a body-only HMAC does not) must report
 * {@link SignatureScheme#BODY} as the {@link VerificationResult#matchedScheme() matched scheme}: the dispatcher then
 * requires a fresh timestamp inside the signed envelope ({@link EnvelopeTimestampPolicy}), which is what keeps a
 * captured delivery from being replayed once the idempotency store has forgotten it.
 * <p>
 * Implementations must be thread-safe, must not throw for malformed input (they return a failed
 * {@link VerificationResult} instead), and must never put a secret or a signature in a result, exception or log
 * message.
 *
 * @since 0.1.0
 */
public interface WebhookSignatureVerifier {

	/** Header carrying the signature, {@code X-Interactor-Signature}. */
	String SIGNATURE_HEADER = "X-Interactor-Signature";

	/** Header carrying the signing timestamp, {@code X-Interactor-Timestamp}. */
	String TIMESTAMP_HEADER = "X-Interactor-Timestamp";

	/**
	 * Verify a delivery.
	 * @param headers the request headers
	 * @param body the raw request body exactly as received
	 * @return the result, never {@code null}; a failure's {@link VerificationFailure#errorCode() error code} is what
	 * the sender is told
	 */
	VerificationResult verify(HttpHeaders headers, byte[] body);

	/**
	 * Whether this verifier can accept any delivery at all. Startup fails when {@code @InteractorWebhook} handlers
	 * exist but the verifier has no secret, and health and the actuator endpoint report the value as
	 * {@code secretConfigured}.
	 * @return {@code true} (the default) when deliveries can be verified
	 */
	default boolean hasSecrets() {
		return true;
	}

}
