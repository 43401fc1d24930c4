package io.interactor.spring.test;

import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * A request as a route sees it: the path variables of its template, the query, the headers and the body text.
 */
record MockExchange(String method, String relativePath, Map<String, String> variables,
		Map<String, List<String>> query, RecordedRequest request) {

	String variable(String name) {
		String value = this.variables.get(name);
		if (value == null) {
			throw new IllegalStateException("No path variable " + name);
		}
		return value;
	}

	@Nullable String queryParam(String name) {
		List<String> values = this.query.get(name);
		return (values != null && !values.isEmpty()) ? values.get(0) : null;
	}

	int intQueryParam(String name, int defaultValue) {
		String value = queryParam(name);
		if (value == null || value.isBlank()) {
			return defaultValue;
		}
		try {
			return Integer.parseInt(value.trim());
		}
		catch (NumberFormatException ex) {
			throw MockApiException.validation(name + " must be a number");
		}
	}

	@Nullable String header(String name) {
		return this.request.header(name);
	}

	String namespace() {
		String namespace = header("X-Namespace");
		if (namespace == null || namespace.isBlank()) {
			namespace = queryParam("namespace");
		}
		return (namespace != null && !namespace.isBlank()) ? namespace : "default";
	}

}
