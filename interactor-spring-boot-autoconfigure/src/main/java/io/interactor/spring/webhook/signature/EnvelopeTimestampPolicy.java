package io.interactor.spring.webhook.signature;

import java.time.Duration;
import java.time.Instant;

import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;

/**
 * The freshness rule for deliveries whose signature covers the raw body alone ({@link SignatureScheme#BODY}).
 * <p>
 * Such a signature does not cover the {@code X-Interactor-Timestamp} header: a captured delivery sent again with a
 * fresh header verifies. Only the idempotency store recognises it, and only while it remembers the delivery's key (its
 * TTL, 7 days by default). So the envelope's own timestamp, which is inside the signed bytes, must be:
 * <ul>
 * <li>present: {@code timestamp}, else {@code created_at}, in the forms of the header (Unix seconds, Unix
 * milliseconds or ISO-8601, see {@link WebhookTimestamps});</li>
 * <li>no further in the future than the tolerance;</li>
 * <li>no older than the {@linkplain #getMaxAge() maximum age}: the TTL less the tolerance.</li>
 * </ul>
 * No replay of a processed delivery is then processed again, whatever its age: while it is younger than the maximum
 * age the store still holds its key (the key was stored when the delivery was processed, which was after the event
 * happened) and answers it as a duplicate; once it is older it is rejected as stale. The tolerance is subtracted so
 * that this holds even when the sender's clock runs ahead of ours by up to the tolerance (the same skew the header
 * check accepts). It holds as long as the store keeps processed keys for the full TTL: a shared Redis store does;
 * the in-memory store forgets on restart and evicts its oldest keys once full. Deliveries signed with
 * {@link SignatureScheme#TIMESTAMPED} do not need this rule: their replay window is the tolerance.
 * <p>
 * Immutable and thread-safe.
 *
 * @since 0.1.0
 */
public final class EnvelopeTimestampPolicy {

	private final Duration maxAge;

	private final Duration tolerance;

	/**
	 * Create a policy.
	 * @param idempotencyTtl how long the idempotency store remembers a processed delivery, positive
	 * @param tolerance the accepted clock difference, as for the timestamp header, not negative
	 */
	public EnvelopeTimestampPolicy(Duration idempotencyTtl, Duration tolerance) {
		Assert.isTrue(idempotencyTtl != null && !idempotencyTtl.isNegative() && !idempotencyTtl.isZero(), "'idempotencyTtl' must be positive");
		Assert.isTrue(tolerance != null && !tolerance.isNegative(), "'tolerance' must not be negative");
		// A TTL within the tolerance leaves no safe age: every body-signed delivery is then refused.
		Duration maxAge = idempotencyTtl.minus(tolerance);
		this.maxAge = maxAge.isNegative() ? Duration.ZERO : maxAge;
		this.tolerance = tolerance;
	}

	/**
	 * The oldest accepted envelope timestamp, relative to now: the idempotency TTL less the tolerance (never
	 * negative). An envelope exactly this old is accepted.
	 * @return the maximum age
	 */
	public Duration getMaxAge() {
		return this.maxAge;
	}

	/**
	 * How far in the future an envelope timestamp may lie.
	 * @return the tolerance
	 */
	public Duration getTolerance() {
		return this.tolerance;
	}

	/**
	 * Check the timestamp of a body-signed envelope.
	 * @param timestamp the envelope's timestamp exactly as it carries it, {@code null} when it has none
	 * @param now the current time
	 * @return {@code null} when the delivery is fresh, else {@link VerificationFailure#MISSING_ENVELOPE_TIMESTAMP},
	 * {@link VerificationFailure#MALFORMED_ENVELOPE_TIMESTAMP}, {@link VerificationFailure#STALE_ENVELOPE_TIMESTAMP}
	 * or {@link VerificationFailure#FUTURE_ENVELOPE_TIMESTAMP}
	 */
	public @Nullable VerificationFailure check(@Nullable String timestamp, Instant now) {
		if (timestamp == null || timestamp.isBlank()) {
			return VerificationFailure.MISSING_ENVELOPE_TIMESTAMP;
		}
		Instant createdAt = WebhookTimestamps.parse(timestamp);
		if (createdAt == null) {
			return VerificationFailure.MALFORMED_ENVELOPE_TIMESTAMP;
		}
		if (createdAt.isBefore(now.minus(this.maxAge))) {
			return VerificationFailure.STALE_ENVELOPE_TIMESTAMP;
		}
		if (createdAt.isAfter(now.plus(this.tolerance))) {
			return VerificationFailure.FUTURE_ENVELOPE_TIMESTAMP;
		}
		return null;
	}

	@Override
	public String toString() {
		return "EnvelopeTimestampPolicy{maxAge=" + this.maxAge + ", tolerance=" + this.tolerance + "}";
	}

}
