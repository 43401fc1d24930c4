package io.interactor.spring.client.error;

import org.springframework.http.HttpHeaders;

/**
 * 410 Gone: the API version or endpoint has been sunset.
 *
 * @since 0.1.0
 */
public class InteractorGoneException extends InteractorApiException {

	private static final long serialVersionUID = 1L;

	public InteractorGoneException(int status, InteractorError error, HttpHeaders headers, byte[] rawBody) {
		super(status, error, headers, rawBody);
	}

}
