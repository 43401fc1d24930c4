package io.interactor.spring.client.error;

import java.util.Set;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * An error body, read tolerantly from any of the shapes the platform documents.
 *
 * @param code machine-readable code; derived from the status when the body has none
 * @param message human-readable message, if any
 * @param details structured details, if any
 * @param requestId request id from the body or the {@code X-Request-Id} header, if any
 * @param retryAfterSeconds {@code retry_after} from the body, if any
 * @param resource the rate-limited resource ({@code agents:messages}), if any
 * @since 0.1.0
 */
public record InteractorError(String code, @Nullable String message, @Nullable JsonNode details,
		@Nullable String requestId, @Nullable Long retryAfterSeconds, @Nullable String resource) {

	/** OAuth error codes (RFC 6749 §5.2) meaning the credentials themselves were refused: retrying cannot help. */
	private static final Set<String> CREDENTIAL_ERRORS = Set.of("invalid_client", "unauthorized_client",
			"invalid_grant", "invalid_scope", "invalid_request");

	/**
	 * Whether this error says the client credentials themselves were refused ({@code invalid_client},
	 * {@code unauthorized_client}, {@code invalid_grant}, {@code invalid_scope} or {@code invalid_request}, the
	 * OAuth 2.0 error codes of RFC 6749 §5.2), so a new token cannot help.
	 * @return {@code true} for a credential error
	 */
	public boolean isCredentialError() {
		return CREDENTIAL_ERRORS.contains(this.code);
	}

}
