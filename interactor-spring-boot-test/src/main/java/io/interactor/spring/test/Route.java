package io.interactor.spring.test;

import java.util.Map;

import org.jspecify.annotations.Nullable;

import org.springframework.web.util.UriTemplate;

/**
 * One row of a route table: a method and a path template relative to a base path, and what answers it.
 */
record Route(String method, UriTemplate template, Handler handler) {

	static Route of(String method, String template, Handler handler) {
		return new Route(method, new UriTemplate(template), handler);
	}

	@Nullable Map<String, String> match(String method, String relativePath) {
		if (!this.method.equals(method) || !this.template.matches(relativePath)) {
			return null;
		}
		return this.template.match(relativePath);
	}

	@FunctionalInterface
	interface Handler {

		MockResponse handle(MockExchange exchange);

	}

}
