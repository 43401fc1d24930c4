package io.interactor.spring.client.observation;

import java.time.Instant;

import io.micrometer.observation.Observation;
import org.jspecify.annotations.Nullable;

/**
 * Context of the {@code interactor.client.token} observation: one access token request. On success it carries the
 * new token's expiry (never the token); on failure {@link #getError()} is set.
 *
 * @since 0.1.0
 */
public class TokenRequestObservationContext extends Observation.Context {

	private @Nullable Instant expiresAt;

	/**
	 * When the token obtained expires.
	 * @return the expiry, or {@code null} until a token was obtained
	 */
	public @Nullable Instant getExpiresAt() {
		return this.expiresAt;
	}

	/**
	 * Set when the token obtained expires.
	 * @param expiresAt the expiry
	 */
	public void setExpiresAt(@Nullable Instant expiresAt) {
		this.expiresAt = expiresAt;
	}

}
