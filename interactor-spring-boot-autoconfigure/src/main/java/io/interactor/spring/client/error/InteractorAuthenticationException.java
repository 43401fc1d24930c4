package io.interactor.spring.client.error;

import org.springframework.http.HttpHeaders;

/**
 * 401 Unauthorized, or the token endpoint refused the credentials (status 400 or 401 with codes such as {@code invalid_client} or {@code invalid_scope}).
 *
 * @since 0.1.0
 */
public class InteractorAuthenticationException extends InteractorApiException {

	private static final long serialVersionUID = 1L;

	public InteractorAuthenticationException(int status, InteractorError error, HttpHeaders headers, byte[] rawBody) {
		super(status, error, headers, rawBody);
	}

}
