package io.interactor.spring.client.error;

/**
 * No usable response was received (connection refused, reset, timed out), after the configured retries.
 *
 * @since 0.1.0
 */
public class InteractorNetworkException extends InteractorException {

	private static final long serialVersionUID = 1L;

	public InteractorNetworkException(String message, Throwable cause) {
		super(message, cause);
	}

}
