package io.interactor.spring.client.error;

import org.springframework.http.HttpHeaders;

/**
 * 404 Not Found.
 *
 * @since 0.1.0
 */
public class InteractorNotFoundException extends InteractorApiException {

	private static final long serialVersionUID = 1L;

	public InteractorNotFoundException(int status, InteractorError error, HttpHeaders headers, byte[] rawBody) {
		super(status, error, headers, rawBody);
	}

}
