package io.interactor.spring.test;

import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * A request received by a {@link MockInteractorServer}, as recorded in its request log.
 *
 * @param method the HTTP method, upper case
 * @param path the request path without the query string, including the base path (for example
 * {@code /core/api/v1/assistants})
 * @param query the raw query string, or {@code null} when there is none
 * @param headers the request headers; names are lower case
 * @param body the request body as text (empty when there was none)
 * @since 0.1.0
 */
public record RecordedRequest(String method, String path, @Nullable String query, Map<String, List<String>> headers,
		String body) {

	/**
	 * The first value of a header.
	 * @param name the header name, in any case
	 * @return the value, or {@code null} when the header was not sent
	 */
	public @Nullable String header(String name) {
		List<String> values = this.headers.get(name.toLowerCase(java.util.Locale.ROOT));
		return (values != null && !values.isEmpty()) ? values.get(0) : null;
	}

}
