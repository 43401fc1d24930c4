package io.interactor.spring.client.observation;

import io.micrometer.observation.Observation;
import org.jspecify.annotations.Nullable;

/**
 * Context of the {@code interactor.client.call} observation: one Core API call as its caller sees it, retries
 * included. {@link #getError()} is the failure the caller received, if any.
 *
 * @since 0.1.0
 */
public class CoreApiCallObservationContext extends Observation.Context {

	private final String method;

	private final String endpoint;

	private final @Nullable String namespace;

	/**
	 * Create a context.
	 * @param method the HTTP method
	 * @param endpoint the path template, e.g. {@code /rooms/{roomId}}
	 * @param namespace the {@code X-Namespace} of the call, or {@code null}
	 */
	public CoreApiCallObservationContext(String method, String endpoint, @Nullable String namespace) {
		this.method = method;
		this.endpoint = endpoint;
		this.namespace = namespace;
	}

	/**
	 * The HTTP method.
	 * @return the method, e.g. {@code GET}
	 */
	public String getMethod() {
		return this.method;
	}

	/**
	 * The path template of the call.
	 * @return the template, e.g. {@code /rooms/{roomId}}
	 */
	public String getEndpoint() {
		return this.endpoint;
	}

	/**
	 * The namespace the call was made for.
	 * @return the namespace, or {@code null}
	 */
	public @Nullable String getNamespace() {
		return this.namespace;
	}

}
