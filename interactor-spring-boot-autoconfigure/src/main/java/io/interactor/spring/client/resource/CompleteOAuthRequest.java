package io.interactor.spring.client.resource;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

import org.springframework.util.Assert;

/**
 * Body of {@code POST /oauth/callback}: the code your own callback received.
 *
 * @param provider the provider the flow was started for
 * @param code the authorization code
 * @param state the state the callback received
 * @since 0.1.0
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CompleteOAuthRequest(@Nullable String provider, String code, String state) {

	public CompleteOAuthRequest {
		Assert.hasText(code, "code must not be empty");
		Assert.hasText(state, "state must not be empty");
	}

	@Override
	public String toString() {
		// The code is a short-lived secret: keep it out of logs.
		return "CompleteOAuthRequest[provider=" + this.provider + ", code=<redacted>]";
	}

}
