package io.interactor.spring.client.error;

/**
 * No connection or no response data within the allowed time (the connect or response timeout), after the
 * configured retries. A timeout while the response was being read is one too: the server may have processed the
 * request.
 *
 * @since 0.1.0
 */
public class InteractorTimeoutException extends InteractorNetworkException {

	private static final long serialVersionUID = 1L;

	public InteractorTimeoutException(String message, Throwable cause) {
		super(message, cause);
	}

}
