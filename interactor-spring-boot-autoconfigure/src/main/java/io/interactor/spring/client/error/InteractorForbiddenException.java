package io.interactor.spring.client.error;

import org.springframework.http.HttpHeaders;

/**
 * 403 Forbidden: the token lacks a scope or the namespace forbids the operation.
 *
 * @since 0.1.0
 */
public class InteractorForbiddenException extends InteractorApiException {

	private static final long serialVersionUID = 1L;

	public InteractorForbiddenException(int status, InteractorError error, HttpHeaders headers, byte[] rawBody) {
		super(status, error, headers, rawBody);
	}

}
