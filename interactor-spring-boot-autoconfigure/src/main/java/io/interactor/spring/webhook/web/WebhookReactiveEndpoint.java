package io.interactor.spring.webhook.web;

import io.interactor.spring.webhook.dispatch.WebhookBody;
import io.interactor.spring.webhook.dispatch.WebhookDispatcher;
import io.interactor.spring.webhook.dispatch.WebhookOutcome;
import io.micrometer.observation.Observation;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;
import reactor.util.context.ContextView;

import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpHeaders;
import org.springframework.web.reactive.function.BodyExtractors;
import org.springframework.web.reactive.function.server.RequestPredicates;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;

/**
 * The webhook endpoint for reactive (WebFlux) applications: collects the body buffers into a {@link WebhookBody} of
 * the dispatcher, which holds it to the dispatcher's cap (a larger declared {@code Content-Length} is refused before
 * reading, a longer stream is cancelled as soon as it exceeds the cap), and runs the blocking dispatcher on a
 * scheduler off the event loop ({@link Schedulers#boundedElastic()} by default). The route only matches while handlers are registered.
 *
 * @since 0.1.0
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
		HttpHeaders headers = request.headers().asHttpHeaders();
		return Mono.defer(() -> {
			WebhookBody body = this.dispatcher.newBody(request.headers().contentLength().orElse(-1));
			Mono<WebhookBody> read = body.isTooLarge() ? Mono.just(body)
					: request.body(BodyExtractors.toDataBuffers())
						.map((buffer) -> append(body, buffer))
						// cancels the rest of the stream as soon as the body is over the cap
						.takeUntil((withinCap) -> !withinCap)
						.then(Mono.just(body));
			return read.flatMap((collected) -> Mono
				.deferContextual((context) -> Mono.fromCallable(() -> dispatch(context, headers, collected)))
				.subscribeOn(this.scheduler));
		}).<ServerResponse>map(WebhookReactiveResponse::new);
	}

	/**
	 * Run the dispatcher with the request's observation (which WebFlux keeps in the Reactor context, not in a
	 * thread local) current on this worker thread, so that the delivery observation becomes its child.
	 */
	private WebhookOutcome dispatch(ContextView context, HttpHeaders headers, WebhookBody body) {
		Observation parent = context.getOrDefault(OBSERVATION_KEY, null);
		if (parent == null) {
			return this.dispatcher.dispatch(headers, body);
		}
		try (Observation.Scope scope = parent.openScope()) {
			return this.dispatcher.dispatch(headers, body);
		}
	}

	private static boolean append(WebhookBody body, DataBuffer buffer) {
		try (DataBuffer.ByteBufferIterator chunks = buffer.readableByteBuffers()) {
			while (chunks.hasNext()) {
				if (!body.append(chunks.next())) {
					return false;
				}
			}
			return true;
		}
		finally {
			DataBufferUtils.release(buffer);
		}
	}

}
