package io.interactor.spring.client.error;

import org.jspecify.annotations.Nullable;

/**
 * Root of every exception the Interactor client throws. Unchecked, like Spring's own data-access and web-client
 * exceptions.
 *
 * @since 0.1.0
 */
public class InteractorException extends RuntimeException {

	private static final long serialVersionUID = 1L;

	public InteractorException(String message) {
		super(message);
	}

	public InteractorException(String message, @Nullable Throwable cause) {
		super(message, cause);
	}

}
