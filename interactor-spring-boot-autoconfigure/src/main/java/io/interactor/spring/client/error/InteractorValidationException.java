package io.interactor.spring.client.error;

import org.springframework.http.HttpHeaders;

/**
 * 400 Bad Request or 422 Unprocessable Entity: the request was invalid; {@link #details()} says why.
 *
 * @since 0.1.0
 */
public class InteractorValidationException extends InteractorApiException {

	private static final long serialVersionUID = 1L;

	public InteractorValidationException(int status, InteractorError error, HttpHeaders headers, byte[] rawBody) {
		super(status, error, headers, rawBody);
	}

}
