package io.interactor.spring.client.error;

import org.jspecify.annotations.Nullable;

/**
 * A server-sent event stream could not be kept open: every reconnect attempt failed (connection errors, retryable
 * statuses, missed heartbeats). The cause is the last failure.
 *
 * @since 0.1.0
 */
public class InteractorStreamException extends InteractorException {

	private static final long serialVersionUID = 1L;

	private final String endpoint;

	private final long attempts;

	/**
	 * Create an exception.
	 * @param endpoint the stream's path template, e.g. {@code /rooms/{roomId}/stream}
	 * @param attempts the reconnect attempts made in a row
	 * @param cause the last failure
	 */
	public InteractorStreamException(String endpoint, long attempts, @Nullable Throwable cause) {
		super("Interactor event stream " + endpoint + " failed after " + attempts + " reconnect attempt(s)"
				+ ((cause != null) ? ": " + cause.getMessage() : ""), cause);
		this.endpoint = endpoint;
		this.attempts = attempts;
	}

	/**
	 * The stream's path template.
	 * @return the template, never holding ids
	 */
	public String endpoint() {
		return this.endpoint;
	}

	/**
	 * The reconnect attempts made in a row before giving up.
	 * @return the number of attempts
	 */
	public long attempts() {
		return this.attempts;
	}

}
