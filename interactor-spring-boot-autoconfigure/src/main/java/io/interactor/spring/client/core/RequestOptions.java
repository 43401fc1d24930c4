package io.interactor.spring.client.core;

import java.time.Duration;

import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;

/**
 * Per-call options.
 *
 * @param idempotencyKey the {@code Idempotency-Key} to send; when {@code null}, creates the platform deduplicates
 * (assistant, room, message, workflow start, webhook) get a generated key, the same on every retry of the call
 * @param timeout the response timeout of each attempt, overriding {@code interactor.http.response-timeout}
 * @since 0.1.0
 */
public record RequestOptions(@Nullable String idempotencyKey, @Nullable Duration timeout) {

	private static final RequestOptions NONE = new RequestOptions(null, null);

	public RequestOptions {
		if (idempotencyKey != null) {
			Assert.hasText(idempotencyKey, "idempotencyKey must not be blank");
			Assert.isTrue(idempotencyKey.chars().noneMatch(Character::isISOControl),
					"idempotencyKey must not contain control characters");
		}
		Assert.isTrue(timeout == null || (!timeout.isNegative() && !timeout.isZero()), "timeout must be positive");
	}

	/**
	 * No options: defaults apply.
	 * @return the empty options
	 */
	public static RequestOptions none() {
		return NONE;
	}

	/**
	 * Options with an idempotency key; build deterministic keys with {@link IdempotencyKeys#hash(Object...)}.
	 * @param key the key
	 * @return the options
	 */
	public static RequestOptions idempotencyKey(String key) {
		return new RequestOptions(key, null);
	}

	/**
	 * Options with a response timeout.
	 * @param timeout the timeout of each attempt
	 * @return the options
	 */
	public static RequestOptions timeout(Duration timeout) {
		return new RequestOptions(null, timeout);
	}

	/**
	 * A copy with the given idempotency key.
	 * @param key the key
	 * @return new options
	 */
	public RequestOptions withIdempotencyKey(String key) {
		return new RequestOptions(key, this.timeout);
	}

	/**
	 * A copy with the given response timeout.
	 * @param timeout the timeout of each attempt
	 * @return new options
	 */
	public RequestOptions withTimeout(Duration timeout) {
		return new RequestOptions(this.idempotencyKey, timeout);
	}

}
