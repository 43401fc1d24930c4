package io.interactor.spring.client.http;

import java.util.concurrent.atomic.AtomicBoolean;

import io.interactor.spring.client.observation.CoreApiRequestObservationContext;
import io.interactor.spring.client.observation.CoreApiRequestObservationConvention;
import io.interactor.spring.client.observation.DefaultCoreApiRequestObservationConvention;
import io.interactor.spring.client.observation.InteractorClientObservationDocumentation;
import io.interactor.spring.client.observation.ReactorObservations;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

import org.springframework.web.reactive.function.client.ClientRequest;
import org.springframework.web.reactive.function.client.ClientResponse;
import org.springframework.web.reactive.function.client.ExchangeFilterFunction;
import org.springframework.web.reactive.function.client.ExchangeFunction;

/**
 * Observes every HTTP exchange with the Core API as {@code interactor.client.request}
 * ({@link CoreApiRequestObservationContext}): method, endpoint (the path template from
 * {@link CoreApiClient#URI_TEMPLATE_ATTRIBUTE}, never the expanded path), status and {@code X-RateLimit-Remaining},
 * stopped when the response headers arrived. It is the innermost filter, so each retry attempt and the repeat after
 * a 401 is its own observation with the status the server really sent; its parent is the {@code WebClient}'s
 * observation of the logical call.
 *
 * @since 0.1.0
 */
public final class RequestObservationFilter implements ExchangeFilterFunction {

	private static final CoreApiRequestObservationConvention DEFAULT_CONVENTION = //
			new DefaultCoreApiRequestObservationConvention();

	private final ObservationRegistry registry;

	private final @Nullable CoreApiRequestObservationConvention convention;

	/**
	 * Create a filter with the default convention.
	 * @param registry where exchanges are observed
	 */
	public RequestObservationFilter(ObservationRegistry registry) {
		this(registry, null);
	}

	/**
	 * Create a filter.
	 * @param registry where exchanges are observed
	 * @param convention the convention, or {@code null} for {@link DefaultCoreApiRequestObservationConvention}
	 */
	public RequestObservationFilter(ObservationRegistry registry,
			@Nullable CoreApiRequestObservationConvention convention) {
		this.registry = registry;
		this.convention = convention;
	}

	@Override
	public Mono<ClientResponse> filter(ClientRequest request, ExchangeFunction next) {
		if (this.registry.isNoop()) {
			return next.exchange(request);
		}
		return Mono.deferContextual((contextView) -> {
			CoreApiRequestObservationContext context = new CoreApiRequestObservationContext(request.method().name(),
					request.attribute(CoreApiClient.URI_TEMPLATE_ATTRIBUTE).map(Object::toString).orElse(null),
					request.headers().getFirst(CoreApiClient.NAMESPACE_HEADER));
			Observation observation = InteractorClientObservationDocumentation.CORE_API_REQUEST
				.observation(this.convention, DEFAULT_CONVENTION, () -> context, this.registry);
			Observation parent = ReactorObservations.parent(contextView, this.registry);
			if (parent != null) {
				observation.parentObservation(parent);
			}
			observation.start();
			// Exactly one of response, error and cancel stops the observation, whichever comes first.
			AtomicBoolean stopped = new AtomicBoolean();
			return next.exchange(request).doOnNext((response) -> {
				if (stopped.compareAndSet(false, true)) {
					context.setStatusCode(response.statusCode().value());
					String remaining = response.headers()
						.asHttpHeaders()
						.getFirst(PlatformSignalsFilter.REMAINING_HEADER);
					context.setRateLimitRemaining(PlatformSignalsFilter.parseLong(remaining));
					observation.stop();
				}
			}).doOnError((ex) -> {
				if (stopped.compareAndSet(false, true)) {
					observation.error(ex);
					observation.stop();
				}
			}).doOnCancel(() -> {
				if (stopped.compareAndSet(false, true)) {
					context.setCancelled(true);
					observation.stop();
				}
			});
		});
	}

}
