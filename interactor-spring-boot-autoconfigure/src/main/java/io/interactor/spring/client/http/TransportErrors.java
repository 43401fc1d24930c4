package io.interactor.spring.client.http;

import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.util.concurrent.TimeoutException;

import io.interactor.spring.client.error.InteractorNetworkException;
import io.interactor.spring.client.error.InteractorTimeoutException;

import org.springframework.web.reactive.function.client.WebClientRequestException;

/**
 * Recognises I/O failures (no usable response) and turns them into {@link InteractorNetworkException}s. Reactor
 * Netty reports some of them with its own unchecked types (a read timeout, an aborted connection); they are
 * recognised by name so that this class does not need Reactor Netty.
 *
 * @since 0.1.0
 */
public final class TransportErrors {

	/** Netty's unchecked channel failures, the read and write timeouts among them. */
	private static final String NETTY_CHANNEL_EXCEPTION = "io.netty.channel.ChannelException";

	/** Netty's read and write timeouts. */
	private static final String NETTY_TIMEOUT_EXCEPTION = "io.netty.handler.timeout.TimeoutException";

	/** Reactor Netty's failure of a connection closed while it was in use. */
	private static final String REACTOR_NETTY_ABORTED_EXCEPTION = "reactor.netty.channel.AbortedException";

	private TransportErrors() {
	}

	/**
	 * Whether {@code ex} means no usable response arrived, at any point of the exchange: connection refused or
	 * reset, closed before, after or in the middle of the response, timeouts.
	 * @param ex the error
	 * @return whether it is a transport error
	 */
	public static boolean isTransportError(Throwable ex) {
		return ex instanceof WebClientRequestException || ex instanceof IOException || ex instanceof TimeoutException
				|| isA(ex, NETTY_CHANNEL_EXCEPTION) || isA(ex, REACTOR_NETTY_ABORTED_EXCEPTION);
	}

	/**
	 * Whether a transport error happened before any byte of the request was sent, so that the server cannot have
	 * seen the request: the connection could not be established (refused, connect timeout, no route to the host)
	 * or the host name could not be resolved. Such a failure is safe to retry for any request, a POST without an
	 * {@code Idempotency-Key} included. A failure once the connection stood (a reset, a close, a read timeout) is
	 * not: the request may have reached the server.
	 * @param ex the error
	 * @return whether the request certainly did not leave the machine
	 */
	public static boolean isBeforeRequestSent(Throwable ex) {
		Throwable cause = unwrap(ex);
		return cause instanceof ConnectException || cause instanceof UnknownHostException
				|| cause instanceof NoRouteToHostException;
	}

	/**
	 * Whether a transport error is a timeout: no connection or no response data within the allowed time.
	 * @param ex the error
	 * @return whether it is a timeout
	 */
	public static boolean isTimeout(Throwable ex) {
		Throwable cause = unwrap(ex);
		return cause instanceof TimeoutException || cause instanceof SocketTimeoutException
				|| isA(cause, NETTY_TIMEOUT_EXCEPTION) || isA(cause, "io.netty.channel.ConnectTimeoutException");
	}

	/**
	 * Wrap a transport error.
	 * @param message what was attempted; must not contain secrets
	 * @param ex the transport error
	 * @return the exception to throw: an {@link InteractorTimeoutException} for a timeout
	 */
	public static InteractorNetworkException toNetworkException(String message, Throwable ex) {
		Throwable cause = unwrap(ex);
		String text = message + " (" + cause.getClass().getSimpleName() + ")";
		return isTimeout(cause) ? new InteractorTimeoutException(text, cause)
				: new InteractorNetworkException(text, cause);
	}

	/**
	 * The failure a {@link WebClientRequestException} reports, or {@code ex} itself.
	 * @param ex the error
	 * @return the underlying failure
	 */
	static Throwable unwrap(Throwable ex) {
		return (ex instanceof WebClientRequestException && ex.getCause() != null) ? ex.getCause() : ex;
	}

	private static boolean isA(Throwable ex, String className) {
		for (Class<?> type = ex.getClass(); type != null; type = type.getSuperclass()) {
			if (type.getName().equals(className)) {
				return true;
			}
		}
		return false;
	}

}
