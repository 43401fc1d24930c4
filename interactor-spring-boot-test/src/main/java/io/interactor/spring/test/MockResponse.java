package io.interactor.spring.test;

import java.util.LinkedHashMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;

/**
 * What a route answers: a status with a text body, or an event stream.
 */
record MockResponse(int status, Map<String, String> headers, String body, @Nullable Flux<String> events) {

	static MockResponse json(int status, String body) {
		Map<String, String> headers = new LinkedHashMap<>();
		headers.put("Content-Type", "application/json");
		return new MockResponse(status, headers, body, null);
	}

	static MockResponse noContent() {
		return new MockResponse(204, new LinkedHashMap<>(), "", null);
	}

	static MockResponse eventStream(Flux<String> events) {
		Map<String, String> headers = new LinkedHashMap<>();
		headers.put("Content-Type", "text/event-stream");
		headers.put("Cache-Control", "no-cache");
		return new MockResponse(200, headers, "", events);
	}

	MockResponse withHeader(String name, String value) {
		Map<String, String> copy = new LinkedHashMap<>(this.headers);
		copy.put(name, value);
		return new MockResponse(this.status, copy, this.body, this.events);
	}

}
