package io.interactor.spring.client.resource;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * A started OAuth connect flow: send the user to {@link #authorizationUrl()}.
 *
 * @param authorizationUrl the provider consent URL
 * @param state the OAuth state, to check on the callback
 * @param flowId the flow id ({@code flow_...}), for {@code oauth().status(...)}
 * @param expiresAt when the flow expires (15 minutes after start)
 * @since 0.1.0
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonIgnoreProperties(ignoreUnknown = true)
public record OAuthFlow(String authorizationUrl, @Nullable String state, @Nullable String flowId,
		@Nullable Instant expiresAt) {

}
