package io.interactor.spring.client.error;

import org.springframework.http.HttpHeaders;

/**
 * 409 Conflict: a duplicate resource, a concurrent modification, or an {@code Idempotency-Key} reused with a different body.
 *
 * @since 0.1.0
 */
public class InteractorConflictException extends InteractorApiException {

	private static final long serialVersionUID = 1L;

	public InteractorConflictException(int status, InteractorError error, HttpHeaders headers, byte[] rawBody) {
		super(status, error, headers, rawBody);
	}

}
