package io.interactor.spring.webhook;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;

/**
 * The {@code data} of the {@code credential.*} events. Only {@code credential_id} is documented for every type; the
 * other fields are present where the catalog documents them ({@code credential.connected}) and {@code null}
 * otherwise.
 *
 * @param credentialId the credential id
 * @param provider the OAuth provider, e.g. {@code google}
 * @param serviceId the service id
 * @param scopes the granted scopes
 * @param metadata provider metadata
 * @param namespace the namespace (end user) when sent inside {@code data}
 * @since 0.1.0
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record CredentialEventData(@JsonProperty("credential_id") @Nullable String credentialId,
		@JsonProperty("provider") @Nullable String provider, @JsonProperty("service_id") @Nullable String serviceId,
		@JsonProperty("scopes") @Nullable List<String> scopes,
		@JsonProperty("metadata") @Nullable Map<String, Object> metadata,
		@JsonProperty("namespace") @Nullable String namespace) {

}
