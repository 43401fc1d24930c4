package io.interactor.spring.client.error;

import java.time.Duration;

import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpHeaders;

/**
 * 429 Too Many Requests, thrown after the configured retries.
 *
 * @since 0.1.0
 */
public class InteractorRateLimitException extends InteractorApiException {

	private static final long serialVersionUID = 1L;

	private final @Nullable Duration retryAfter;

	public InteractorRateLimitException(int status, InteractorError error, HttpHeaders headers, byte[] rawBody,
			@Nullable Duration retryAfter) {
		super(status, error, headers, rawBody);
		this.retryAfter = retryAfter;
	}

	/**
	 * How long the server asked the client to wait, from the {@code Retry-After} header or the body's
	 * {@code retry_after}.
	 * @return the wait, or {@code null} when the server did not say
	 */
	public @Nullable Duration retryAfter() {
		return this.retryAfter;
	}

}
