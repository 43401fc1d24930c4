package io.interactor.spring.webhook.web;

import java.nio.charset.StandardCharsets;

import io.interactor.spring.webhook.dispatch.WebhookDispatcher;
import io.interactor.spring.webhook.dispatch.WebhookOutcome.Result;
import io.interactor.spring.webhook.dispatch.WebhookOutcome;
import io.micrometer.observation.Observation;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;
import reactor.util.context.ContextView;

import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.BodyExtractors;
import org.springframework.web.reactive.function.server.RequestPredicates;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;

/**
 * The webhook endpoint for reactive (WebFlux) applications: joins the body buffers up to the dispatcher's cap (a
 * larger declared {@code Content-Length} is rejected before reading, a longer stream is cancelled as soon as it
 * exceeds the cap) and runs the blocking dispatcher on a scheduler off the event loop
 * ({@link Schedulers#boundedElastic()} by default). The route only matches while handlers are registered.
 */
public final class WebhookReactiveEndpoint {

	private final String path;

	/** The Reactor context key of the current observation, as Micrometer and Spring WebFlux use it. */
	private static final String OBSERVATION_KEY = "micrometer.observation";

	private final WebhookDispatcher dispatcher;

	private final Scheduler scheduler;

	/**
	 * Create the endpoint, running handlers on {@link Schedulers#boundedElastic()}.
	 * @param path the path to serve {@code POST} requests at
	 * @param dispatcher the dispatcher
	 */
	public WebhookReactiveEndpoint(String path, WebhookDispatcher dispatcher) {
		this(path, dispatcher, Schedulers.boundedElastic());
	}

	/**
	 * Create the endpoint.
	 * @param path the path to serve {@code POST} requests at
	 * @param dispatcher the dispatcher
	 * @param scheduler where the (blocking) dispatcher runs
	 */
	public WebhookReactiveEndpoint(String path, WebhookDispatcher dispatcher, Scheduler scheduler) {
		this.path = path;
		this.dispatcher = dispatcher;
		this.scheduler = scheduler;
	}

	/**
	 * The router function to register as a bean.
	 * @return the router function
	 */
	public RouterFunction<ServerResponse> routerFunction() {
		return RouterFunctions.route(RequestPredicates.POST(this.path).and((request) -> this.dispatcher.hasHandlers()),
				this::handle);
	}

	Mono<ServerResponse> handle(ServerRequest request) {
		long max = this.dispatcher.getMaxPayloadBytes();
		if (request.headers().contentLength().orElse(-1) > max) {
			return respond(WebhookOutcome.of(Result.PAYLOAD_TOO_LARGE));
		}
		HttpHeaders headers = request.headers().asHttpHeaders();
		int limit = (int) Math.min(max, Integer.MAX_VALUE - 1);
		return DataBufferUtils.join(request.body(BodyExtractors.toDataBuffers()), limit)
			.map(WebhookReactiveEndpoint::toBytes)
			.defaultIfEmpty(new byte[0])
			.flatMap((body) -> Mono
				.deferContextual((context) -> Mono.fromCallable(() -> dispatch(context, headers, body)))
				.subscribeOn(this.scheduler))
			.onErrorResume(DataBufferLimitException.class,
					(ex) -> Mono.just(WebhookOutcome.of(Result.PAYLOAD_TOO_LARGE)))
			.flatMap(WebhookReactiveEndpoint::respond);
	}

	/**
	 * Run the dispatcher with the request's observation (which WebFlux keeps in the Reactor context, not in a
	 * thread local) current on this worker thread, so that the delivery observation becomes its child.
	 */
	private WebhookOutcome dispatch(ContextView context, HttpHeaders headers, byte[] body) {
		Observation parent = context.getOrDefault(OBSERVATION_KEY, null);
		if (parent == null) {
			return this.dispatcher.dispatch(headers, body);
		}
		try (Observation.Scope scope = parent.openScope()) {
			return this.dispatcher.dispatch(headers, body);
		}
	}

	private static byte[] toBytes(DataBuffer buffer) {
		try {
			byte[] bytes = new byte[buffer.readableByteCount()];
			buffer.read(bytes);
			return bytes;
		}
		finally {
			DataBufferUtils.release(buffer);
		}
	}

	private static Mono<ServerResponse> respond(WebhookOutcome outcome) {
		ServerResponse.BodyBuilder builder = ServerResponse.status(outcome.status())
			.contentType(MediaType.APPLICATION_JSON);
		if (outcome.retryAfterSeconds() != null) {
			builder.header(HttpHeaders.RETRY_AFTER, Long.toString(outcome.retryAfterSeconds()));
		}
		return builder.bodyValue(outcome.body().getBytes(StandardCharsets.UTF_8));
	}

}
