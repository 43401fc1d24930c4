package io.interactor.spring.client.http;

import java.time.Duration;
import java.util.Set;

import org.springframework.util.Assert;

/**
 * When and how long to wait before retrying a transient failure: exponential back-off from
 * {@code initialBackoff}, doubled per retry up to {@code maxBackoff}, plus a random jitter of up to one
 * {@code initialBackoff} (never beyond {@code maxBackoff}); a server's {@code Retry-After} replaces the exponential
 * part, capped at {@code maxRetryAfter}, and the same jitter is added to it ({@link #retryAfterDelay}): never sooner
 * than the server allowed, and callers turned away together do not all come back at the same instant.
 *
 * @param maxRetries retries after the first attempt; 0 disables retries
 * @param initialBackoff back-off before the first retry
 * @param maxBackoff upper bound of the back-off
 * @param maxRetryAfter upper bound of an honoured {@code Retry-After}
 * @since 0.1.0
 */
public record RetryPolicy(int maxRetries, Duration initialBackoff, Duration maxBackoff, Duration maxRetryAfter) {

	/** Statuses worth retrying: the request may succeed unchanged a little later. */
	public static final Set<Integer> RETRYABLE_STATUSES = Set.of(408, 429, 502, 503, 504);

	/** The documented defaults: 3 retries, 1 s doubling up to 30 s, {@code Retry-After} honoured up to 60 s. */
	public static final RetryPolicy DEFAULT = new RetryPolicy(3, Duration.ofSeconds(1), Duration.ofSeconds(30),
			Duration.ofSeconds(60));

	/** No retries at all. */
	public static final RetryPolicy NONE = new RetryPolicy(0, Duration.ZERO, Duration.ZERO, Duration.ZERO);

	public RetryPolicy {
		Assert.isTrue(maxRetries >= 0, "maxRetries must not be negative");
		Assert.isTrue(!initialBackoff.isNegative(), "initialBackoff must not be negative");
		Assert.isTrue(maxBackoff.compareTo(initialBackoff) >= 0, "maxBackoff must not be less than initialBackoff");
		Assert.isTrue(!maxRetryAfter.isNegative(), "maxRetryAfter must not be negative");
	}

	/**
	 * Whether a response status is worth retrying.
	 * @param status the HTTP status
	 * @return whether to retry
	 */
	public boolean isRetryable(int status) {
		return RETRYABLE_STATUSES.contains(status);
	}

	/**
	 * The back-off before a retry when the server gave no {@code Retry-After}.
	 * @param retry 0 for the first retry
	 * @param random a uniformly distributed value in [0, 1) for the jitter
	 * @return the delay
	 */
	public Duration backoff(int retry, double random) {
		long initial = this.initialBackoff.toMillis();
		long max = this.maxBackoff.toMillis();
		long exponential = initial;
		for (int i = 0; i < retry && exponential < max; i++) {
			exponential *= 2;
		}
		exponential = Math.min(max, exponential);
		long jitter = (long) (random * initial);
		return Duration.ofMillis(Math.min(max, exponential + jitter));
	}

	/**
	 * The wait before a retry when the server sent a {@code Retry-After}: its delay, capped at
	 * {@link #maxRetryAfter()}, plus a random jitter of up to one {@code initialBackoff}. The jitter only ever adds,
	 * so a retry never comes sooner than the (capped) delay; it spreads the retries of callers that were all told
	 * the same delay at the same time, such as every caller turned away by one burst of 429s.
	 * @param retryAfter the server's value
	 * @param random a uniformly distributed value in [0, 1) for the jitter
	 * @return the delay
	 * @since 0.1.0
	 */
	public Duration retryAfterDelay(Duration retryAfter, double random) {
		return capRetryAfter(retryAfter).plusMillis((long) (random * this.initialBackoff.toMillis()));
	}

	/**
	 * The delay for a server-sent {@code Retry-After}, capped at {@link #maxRetryAfter()}.
	 * @param retryAfter the server's value
	 * @return the delay
	 */
	public Duration capRetryAfter(Duration retryAfter) {
		return (retryAfter.compareTo(this.maxRetryAfter) > 0) ? this.maxRetryAfter : retryAfter;
	}

}
