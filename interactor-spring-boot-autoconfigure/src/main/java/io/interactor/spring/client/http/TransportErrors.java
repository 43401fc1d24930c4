package io.interactor.spring.client.http;

import java.io.IOException;
import java.util.concurrent.TimeoutException;

import io.interactor.spring.client.error.InteractorNetworkException;

import org.springframework.web.reactive.function.client.WebClientRequestException;

/**
 * Recognises I/O failures (no usable response) and turns them into {@link InteractorNetworkException}s.
 *
 * @since 0.1.0
 */
public final class TransportErrors {

	private TransportErrors() {
	}

	/**
	 * Whether {@code ex} means no usable response arrived: connection refused or reset, timeouts.
	 * @param ex the error
	 * @return whether it is a transport error
	 */
	public static boolean isTransportError(Throwable ex) {
		return ex instanceof WebClientRequestException || ex instanceof IOException
				|| ex instanceof TimeoutException;
	}

	/**
	 * Wrap a transport error.
	 * @param message what was attempted; must not contain secrets
	 * @param ex the transport error
	 * @return the exception to throw
	 */
	public static InteractorNetworkException toNetworkException(String message, Throwable ex) {
		Throwable cause = (ex instanceof WebClientRequestException && ex.getCause() != null) ? ex.getCause() : ex;
		String reason = cause.getClass().getSimpleName();
		return new InteractorNetworkException(message + " (" + reason + ")", cause);
	}

}
