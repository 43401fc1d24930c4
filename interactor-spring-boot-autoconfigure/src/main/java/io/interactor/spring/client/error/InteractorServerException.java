package io.interactor.spring.client.error;

import org.springframework.http.HttpHeaders;

/**
 * 5xx: the platform failed; thrown after the configured retries for 502, 503 and 504.
 *
 * @since 0.1.0
 */
public class InteractorServerException extends InteractorApiException {

	private static final long serialVersionUID = 1L;

	public InteractorServerException(int status, InteractorError error, HttpHeaders headers, byte[] rawBody) {
		super(status, error, headers, rawBody);
	}

}
