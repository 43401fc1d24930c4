package io.interactor.spring.client.resource;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonAlias;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * A credential the platform stores for a namespace: an OAuth grant or an API key for an external service. A
 * superset of the documented shapes; every field but {@code id} may be absent.
 *
 * @param id the credential id ({@code cred_...}); also read from {@code credential_id}
 * @param provider the provider, e.g. {@code google}
 * @param serviceId the service id, e.g. {@code google_calendar}
 * @param serviceName the service's display name
 * @param namespace the namespace owning it
 * @param authType how it authenticates, e.g. {@code oauth2_authorization_code} or {@code api_key}
 * @param status the status
 * @param scopes the granted scopes
 * @param metadata free-form metadata
 * @param createdAt when it was created
 * @param updatedAt when it was last updated
 * @param expiresAt when the provider token expires
 * @param lastRefreshedAt when it was last refreshed
 * @param message a message some endpoints return, e.g. "Refresh scheduled"
 * @since 0.1.0
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonIgnoreProperties(ignoreUnknown = true)
public record Credential(@JsonAlias("credential_id") @Nullable String id, @Nullable String provider,
		@Nullable String serviceId, @Nullable String serviceName, @Nullable String namespace,
		@Nullable String authType, @Nullable CredentialStatus status, @Nullable List<String> scopes,
		@Nullable Map<String, Object> metadata, @Nullable Instant createdAt, @Nullable Instant updatedAt,
		@Nullable Instant expiresAt, @Nullable Instant lastRefreshedAt, @Nullable String message) {

}
