package io.interactor.spring.client.error;

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
 */
public record InteractorError(String code, @Nullable String message, @Nullable JsonNode details,
		@Nullable String requestId, @Nullable Long retryAfterSeconds, @Nullable String resource) {

}
