package io.interactor.spring.test;

import java.time.Duration;
import java.util.function.Consumer;

import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;
import org.springframework.web.util.UriTemplate;

/**
 * Chooses what goes wrong with the next requests that match a method and path template, created by
 * {@link MockInteractorServer#failNext(int, String, String)}. Each terminal method registers the fault; faults are
 * consumed in registration order and cleared by {@link MockInteractorServer#reset()}.
 *
 * @since 0.1.0
 */
public final class FaultSpec {

	private final String method;

	private final UriTemplate path;

	private final int times;

	private final Consumer<Fault> registry;

	FaultSpec(String method, String pathTemplate, int times, Consumer<Fault> registry) {
		Assert.hasText(method, "'method' must not be empty");
		Assert.isTrue(pathTemplate.startsWith("/"), "'pathTemplate' must start with '/'");
		Assert.isTrue(times > 0, "'times' must be positive");
		this.method = method.toUpperCase(java.util.Locale.ROOT);
		this.path = new UriTemplate(pathTemplate);
		this.times = times;
		this.registry = registry;
	}

	/**
	 * Answer with an error status and the platform's error body.
	 * @param status the HTTP status, for example {@code 503}
	 */
	public void respondWithStatus(int status) {
		respondWithStatus(status, null);
	}

	/**
	 * Answer with an error status, the platform's error body and a {@code Retry-After} header.
	 * @param status the HTTP status, for example {@code 429}
	 * @param retryAfter the value of {@code Retry-After} in whole seconds, or {@code null} to omit it
	 */
	public void respondWithStatus(int status, @Nullable Duration retryAfter) {
		Assert.isTrue(status >= 400 && status <= 599, "'status' must be an error status");
		register(Fault.Kind.STATUS, status, retryAfter, Duration.ZERO);
	}

	/**
	 * Handle the request normally, but only after a delay.
	 * @param delay how long to wait before answering
	 */
	public void delay(Duration delay) {
		Assert.isTrue(!delay.isNegative(), "'delay' must not be negative");
		register(Fault.Kind.DELAY, 0, null, delay);
	}

	/**
	 * Close the connection without sending any response.
	 */
	public void dropConnection() {
		register(Fault.Kind.DROP_CONNECTION, 0, null, Duration.ZERO);
	}

	/**
	 * Handle the request normally, but close the connection after the status, the headers (with the full
	 * {@code Content-Length}) and half of the body. On an event stream: close it after the first event.
	 */
	public void cutBodyShort() {
		register(Fault.Kind.CUT_BODY, 0, null, Duration.ZERO);
	}

	private void register(Fault.Kind kind, int status, @Nullable Duration retryAfter, Duration delay) {
		this.registry.accept(new Fault(this.method, this.path, this.times, kind, status, retryAfter, delay));
	}

}
