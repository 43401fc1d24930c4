package io.interactor.spring.client.error;

/**
 * No complete response was received (connection refused, host name not resolved, reset, closed before or in the
 * middle of the response body, timed out), after the retries the call allows. The cause is the transport failure;
 * {@link InteractorTimeoutException} marks a timeout.
 *
 * @since 0.1.0
 */
public class InteractorNetworkException extends InteractorException {

	private static final long serialVersionUID = 1L;

	public InteractorNetworkException(String message, Throwable cause) {
		super(message, cause);
	}

}
