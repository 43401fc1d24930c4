package io.interactor.spring.client.resource;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * Body of {@code POST /oauth/initiate}. The documents name the service either by {@code provider} or by
 * {@code service_id}; set the one your platform version expects. {@code null} fields are not sent.
 *
 * @param provider the provider, e.g. {@code google}
 * @param serviceId the service id, e.g. {@code google_calendar}
 * @param scopes the scopes to request (short or full URL form)
 * @param redirectUri where the provider redirects after consent
 * @param successRedirectUrl where the user lands once the credential is stored
 * @param metadata free-form metadata stored with the credential
 * @since 0.1.0
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record InitiateOAuthRequest(@Nullable String provider, @Nullable String serviceId,
		@Nullable List<String> scopes, @Nullable String redirectUri, @Nullable String successRedirectUrl,
		@Nullable Map<String, Object> metadata) {

	/**
	 * A request naming the provider, as the TypeScript SDK sends it.
	 * @param provider the provider
	 * @param scopes the scopes
	 * @param redirectUri the redirect URI
	 * @return the request
	 */
	public static InitiateOAuthRequest forProvider(String provider, List<String> scopes, String redirectUri) {
		return new InitiateOAuthRequest(provider, null, List.copyOf(scopes), redirectUri, null, null);
	}

	/**
	 * A request naming the service, as the newer documents do.
	 * @param serviceId the service id
	 * @param scopes the scopes
	 * @param redirectUri the redirect URI, or {@code null} for the platform-hosted callback
	 * @return the request
	 */
	public static InitiateOAuthRequest forService(String serviceId, List<String> scopes,
			@Nullable String redirectUri) {
		return new InitiateOAuthRequest(null, serviceId, List.copyOf(scopes), redirectUri, null, null);
	}

}
