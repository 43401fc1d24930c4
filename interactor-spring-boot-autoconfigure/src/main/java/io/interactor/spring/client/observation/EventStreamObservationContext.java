package io.interactor.spring.client.observation;

import io.micrometer.observation.Observation;
import org.jspecify.annotations.Nullable;

/**
 * Context of the {@code interactor.client.stream} observation: one event stream connection attempt, started when
 * connecting and stopped when the connection ends. The event {@link #OPENED} is signalled when the server accepted
 * the connection; {@link #getReason()} says why it ended. {@link #getError()} is set when the connection failed
 * (refused, error status, I/O error), not when the heartbeat watchdog or the subscriber closed it.
 *
 * @since 0.1.0
 */
public class EventStreamObservationContext extends Observation.Context {

	/** Signalled once the server accepted the connection (a 2xx status), before the first event. */
	public static final Observation.Event OPENED = Observation.Event.of("interactor.client.stream.opened",
			"stream opened");

	/** {@link #getReason() Reason}: no event or heartbeat within the heartbeat timeout. */
	public static final String TIMEOUT = "timeout";

	/** {@link #getReason() Reason}: the connection failed. */
	public static final String ERROR = "error";

	/** {@link #getReason() Reason}: the server ended the stream. */
	public static final String SERVER_CLOSE = "server_close";

	/** {@link #getReason() Reason}: the subscriber cancelled. */
	public static final String CLIENT_CLOSE = "client_close";

	private final String endpoint;

	private final @Nullable String namespace;

	private volatile boolean opened;

	private volatile @Nullable String reason;

	/**
	 * Create a context.
	 * @param endpoint the stream's path template
	 * @param namespace the namespace of the stream, or {@code null}
	 */
	public EventStreamObservationContext(String endpoint, @Nullable String namespace) {
		this.endpoint = endpoint;
		this.namespace = namespace;
	}

	/**
	 * The stream's path template.
	 * @return the template, e.g. {@code /rooms/{roomId}/stream}
	 */
	public String getEndpoint() {
		return this.endpoint;
	}

	/**
	 * The namespace of the stream.
	 * @return the namespace, or {@code null}
	 */
	public @Nullable String getNamespace() {
		return this.namespace;
	}

	/**
	 * Whether the server accepted the connection.
	 * @return {@code true} once {@link #OPENED} was signalled
	 */
	public boolean isOpened() {
		return this.opened;
	}

	/**
	 * Mark the connection as accepted by the server.
	 * @param opened whether it was accepted
	 */
	public void setOpened(boolean opened) {
		this.opened = opened;
	}

	/**
	 * Why the connection ended.
	 * @return {@link #TIMEOUT}, {@link #ERROR}, {@link #SERVER_CLOSE} or {@link #CLIENT_CLOSE}; {@code null} while
	 * it is open
	 */
	public @Nullable String getReason() {
		return this.reason;
	}

	/**
	 * Set why the connection ended.
	 * @param reason the reason
	 */
	public void setReason(@Nullable String reason) {
		this.reason = reason;
	}

}
