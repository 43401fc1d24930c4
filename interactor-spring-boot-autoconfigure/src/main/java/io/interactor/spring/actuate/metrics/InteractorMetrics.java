package io.interactor.spring.actuate.metrics;

import java.time.Duration;
import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * What the Interactor client and webhook endpoint report for metrics. The core code talks only to this interface, so
 * it needs no metrics library; {@link #noop()} is the default and {@link MicrometerInteractorMetrics} publishes to
 * Micrometer.
 * <p>
 * Every tag value passed in is already bounded (see {@link InteractorMetricTags}): endpoints are URI templates,
 * event types outside the catalog are {@code other}, error codes outside the documented ones are {@code other}.
 * The only unbounded value is the {@code namespace}, which implementations must use as a tag only when the user
 * opted in. Implementations must be thread-safe and must not throw.
 */
public interface InteractorMetrics {

	/**
	 * Metrics that record nothing.
	 * @return the no-op instance
	 */
	static InteractorMetrics noop() {
		return NoopInteractorMetrics.INSTANCE;
	}

	/**
	 * One HTTP exchange with the Core API finished (every attempt, retries included).
	 * @param method the HTTP method
	 * @param endpoint the path template, e.g. {@code /rooms/{roomId}/messages}
	 * @param status the HTTP status code, {@code IO_ERROR} or {@code CANCELLED}
	 * @param outcome {@code SUCCESS}, {@code CLIENT_ERROR}, {@code SERVER_ERROR}, ... or {@code UNKNOWN}
	 * @param duration the time until the response headers arrived
	 * @param namespace the {@code X-Namespace} of the call, if any
	 */
	default void requestCompleted(String method, String endpoint, String status, String outcome, Duration duration,
			@Nullable String namespace) {
	}

	/**
	 * A Core API call failed for its caller, after retries.
	 * @param type the error kind, e.g. {@code auth}, {@code rate_limit}, {@code server}, {@code network}
	 * @param code the server's error code when documented, else {@code other} or {@code none}
	 * @param namespace the namespace of the call, if any
	 */
	default void errorRaised(String type, String code, @Nullable String namespace) {
	}

	/**
	 * A new access token was obtained.
	 * @param expiresAt when it expires
	 */
	default void tokenRefreshed(Instant expiresAt) {
	}

	/**
	 * Obtaining an access token failed.
	 */
	default void tokenRefreshFailed() {
	}

	/**
	 * A response carried {@code X-RateLimit-Remaining}.
	 * @param remaining the requests left in the current window
	 */
	default void rateLimitRemaining(long remaining) {
	}

	/**
	 * A server-sent event stream connection was established.
	 * @param type {@code room}, {@code workflow} or {@code other}
	 * @param namespace the namespace of the stream
	 */
	default void streamConnected(String type, @Nullable String namespace) {
	}

	/**
	 * An established server-sent event stream connection ended.
	 * @param type {@code room}, {@code workflow} or {@code other}
	 * @param reason {@code timeout} (no heartbeat), {@code error}, {@code server_close} or {@code client_close}
	 * @param namespace the namespace of the stream
	 */
	default void streamDisconnected(String type, String reason, @Nullable String namespace) {
	}

	/**
	 * A webhook delivery was answered.
	 * @param event the event type when it is in the catalog, {@code other} when not, {@code unknown} when the
	 * delivery was rejected before its type could be read
	 * @param status {@code processed}, {@code duplicate}, {@code ignored}, {@code invalid_signature},
	 * {@code invalid_timestamp}, {@code invalid_payload}, {@code too_large}, {@code in_progress}, {@code failed} or
	 * {@code store_unavailable}
	 * @param processingTime the time the delivery took when handlers ran, else {@code null}
	 * @param namespace the namespace of the event, if any
	 */
	default void webhookReceived(String event, String status, @Nullable Duration processingTime,
			@Nullable String namespace) {
	}

}
