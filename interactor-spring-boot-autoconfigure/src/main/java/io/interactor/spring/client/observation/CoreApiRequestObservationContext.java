package io.interactor.spring.client.observation;

import io.micrometer.observation.Observation;
import org.jspecify.annotations.Nullable;

/**
 * Context of the {@code interactor.client.request} observation: one HTTP exchange with the Core API (one attempt),
 * stopped when the response headers arrived, the exchange failed or it was cancelled.
 *
 * @since 0.1.0
 */
public class CoreApiRequestObservationContext extends Observation.Context {

	private final String method;

	private final @Nullable String endpoint;

	private final @Nullable String namespace;

	private @Nullable Integer statusCode;

	private boolean cancelled;

	private @Nullable Long rateLimitRemaining;

	/**
	 * Create a context.
	 * @param method the HTTP method
	 * @param endpoint the path template, or {@code null} for a request made without one
	 * @param namespace the {@code X-Namespace} of the request, or {@code null}
	 */
	public CoreApiRequestObservationContext(String method, @Nullable String endpoint, @Nullable String namespace) {
		this.method = method;
		this.endpoint = endpoint;
		this.namespace = namespace;
	}

	/**
	 * The HTTP method.
	 * @return the method
	 */
	public String getMethod() {
		return this.method;
	}

	/**
	 * The path template.
	 * @return the template, or {@code null}
	 */
	public @Nullable String getEndpoint() {
		return this.endpoint;
	}

	/**
	 * The namespace of the request.
	 * @return the namespace, or {@code null}
	 */
	public @Nullable String getNamespace() {
		return this.namespace;
	}

	/**
	 * The HTTP status the server sent.
	 * @return the status, or {@code null} when no response arrived
	 */
	public @Nullable Integer getStatusCode() {
		return this.statusCode;
	}

	/**
	 * Set the HTTP status the server sent.
	 * @param statusCode the status
	 */
	public void setStatusCode(@Nullable Integer statusCode) {
		this.statusCode = statusCode;
	}

	/**
	 * Whether the exchange was cancelled before its response arrived.
	 * @return {@code true} if cancelled
	 */
	public boolean isCancelled() {
		return this.cancelled;
	}

	/**
	 * Mark the exchange as cancelled.
	 * @param cancelled whether it was cancelled
	 */
	public void setCancelled(boolean cancelled) {
		this.cancelled = cancelled;
	}

	/**
	 * The {@code X-RateLimit-Remaining} of the response.
	 * @return the requests left in the current window, or {@code null} when the response had no such header
	 */
	public @Nullable Long getRateLimitRemaining() {
		return this.rateLimitRemaining;
	}

	/**
	 * Set the {@code X-RateLimit-Remaining} of the response.
	 * @param rateLimitRemaining the requests left, or {@code null}
	 */
	public void setRateLimitRemaining(@Nullable Long rateLimitRemaining) {
		this.rateLimitRemaining = rateLimitRemaining;
	}

}
