package io.interactor.spring.client.auth;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * An access token for the Core API. {@link #toString()} never reveals the token value.
 *
 * @param value the bearer token
 * @param issuedAt when it was received
 * @param expiresAt when it expires, from {@code expires_in}
 * @param scope the granted scopes, if the server said
 * @since 0.1.0
 */
public record AccessToken(String value, Instant issuedAt, Instant expiresAt, @Nullable String scope) {

	@Override
	public String toString() {
		return "AccessToken{value=******, issuedAt=" + this.issuedAt + ", expiresAt=" + this.expiresAt + ", scope="
				+ this.scope + "}";
	}

}
