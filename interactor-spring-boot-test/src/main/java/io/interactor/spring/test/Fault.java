package io.interactor.spring.test;

import java.time.Duration;

import org.jspecify.annotations.Nullable;

import org.springframework.web.util.UriTemplate;

/**
 * A fault injected for the next {@code remaining} requests matching a method and path template.
 */
final class Fault {

	enum Kind {

		STATUS, DELAY, DROP_CONNECTION, CUT_BODY

	}

	private final String method;

	private final UriTemplate path;

	private final Kind kind;

	private final int status;

	private final @Nullable Duration retryAfter;

	private final Duration delay;

	private int remaining;

	Fault(String method, UriTemplate path, int times, Kind kind, int status, @Nullable Duration retryAfter,
			Duration delay) {
		this.method = method;
		this.path = path;
		this.remaining = times;
		this.kind = kind;
		this.status = status;
		this.retryAfter = retryAfter;
		this.delay = delay;
	}

	/**
	 * Consume one use of this fault when it matches the request.
	 * @return whether the fault applies to this request
	 */
	synchronized boolean claim(String method, String relativePath) {
		if (this.remaining <= 0 || !this.method.equals(method) || !this.path.matches(relativePath)) {
			return false;
		}
		this.remaining--;
		return true;
	}

	Kind kind() {
		return this.kind;
	}

	int status() {
		return this.status;
	}

	@Nullable Duration retryAfter() {
		return this.retryAfter;
	}

	Duration delay() {
		return this.delay;
	}

}
