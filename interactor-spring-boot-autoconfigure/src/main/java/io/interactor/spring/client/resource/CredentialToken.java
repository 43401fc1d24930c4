package io.interactor.spring.client.resource;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * A provider access token of a credential ({@code GET /credentials/{id}/token}); the platform refreshes an expired
 * one before answering. {@link #toString()} never shows the tokens.
 *
 * @param accessToken the provider access token (for API-key credentials: the key)
 * @param tokenType the type, e.g. {@code Bearer} or {@code api_key}
 * @param expiresIn seconds until expiry, when given as {@code expires_in}
 * @param expiresInSeconds seconds until expiry, when given as {@code expires_in_seconds}
 * @param expiresAt when it expires
 * @param expired whether it has expired
 * @param refreshToken the refresh token, if the platform returns it
 * @param hasRefreshToken whether the platform holds a refresh token
 * @param scope the granted scope
 * @since 0.1.0
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonIgnoreProperties(ignoreUnknown = true)
public record CredentialToken(String accessToken, @Nullable String tokenType, @Nullable Long expiresIn,
		@Nullable Long expiresInSeconds, @Nullable Instant expiresAt, @Nullable Boolean expired,
		@Nullable String refreshToken, @Nullable Boolean hasRefreshToken, @Nullable String scope) {

	@Override
	public String toString() {
		// Tokens must never reach logs through toString().
		return "CredentialToken[accessToken=<redacted>, tokenType=" + this.tokenType + ", expiresAt=" + this.expiresAt
				+ ", expiresIn=" + ((this.expiresIn != null) ? this.expiresIn : this.expiresInSeconds) + ", scope="
				+ this.scope + "]";
	}

}
