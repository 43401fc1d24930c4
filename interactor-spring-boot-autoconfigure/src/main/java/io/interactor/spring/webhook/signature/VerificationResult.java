package io.interactor.spring.webhook.signature;

import org.jspecify.annotations.Nullable;

/**
 * Outcome of {@link WebhookSignatureVerifier#verify}: either valid, with the scheme and secret that matched, or a
 * {@link VerificationFailure}.
 *
 * @param failure why verification failed, {@code null} when it succeeded
 * @param matchedScheme the scheme that matched ({@link SignatureScheme#TIMESTAMPED} or {@link SignatureScheme#BODY}),
 * {@code null} on failure; with {@link SignatureScheme#BODY} the delivery is only accepted once its envelope timestamp
 * meets the {@link EnvelopeTimestampPolicy}
 * @param secretIndex index of the matching secret: 0 for the current secret, 1.. for previous secrets, -1 on failure
 * @since 0.1.0
 */
public record VerificationResult(@Nullable VerificationFailure failure, @Nullable SignatureScheme matchedScheme,
		int secretIndex) {

	/** Valid results for the first few secrets, by scheme and secret index: a delivery creates no result object. */
	private static final VerificationResult[][] VALID = new VerificationResult[SignatureScheme.values().length][4];

	private static final VerificationResult[] FAILED = new VerificationResult[VerificationFailure.values().length];

	static {
		for (SignatureScheme scheme : SignatureScheme.values()) {
			for (int i = 0; i < VALID[scheme.ordinal()].length; i++) {
				VALID[scheme.ordinal()][i] = new VerificationResult(null, scheme, i);
			}
		}
		for (VerificationFailure failure : VerificationFailure.values()) {
			FAILED[failure.ordinal()] = new VerificationResult(failure, null, -1);
		}
	}

	/**
	 * A successful result; may be a shared instance (results are immutable and compared by value).
	 * @param scheme the scheme that matched
	 * @param secretIndex the index of the secret that matched
	 * @return the result
	 */
	public static VerificationResult valid(SignatureScheme scheme, int secretIndex) {
		VerificationResult[] shared = VALID[scheme.ordinal()];
		return (secretIndex >= 0 && secretIndex < shared.length) ? shared[secretIndex]
				: new VerificationResult(null, scheme, secretIndex);
	}

	/**
	 * A failed result; a shared instance per failure (results are immutable and compared by value).
	 * @param failure the reason
	 * @return the result
	 */
	public static VerificationResult failed(VerificationFailure failure) {
		return FAILED[failure.ordinal()];
	}

	/**
	 * Whether the delivery is authentic and fresh.
	 * @return {@code true} when verification succeeded
	 */
	public boolean isValid() {
		return this.failure == null;
	}

}
