package io.interactor.spring.client.http;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;

import io.interactor.spring.actuate.metrics.InteractorMetricTags;
import io.interactor.spring.actuate.metrics.InteractorMetrics;
import reactor.core.publisher.Mono;

import org.springframework.web.reactive.function.client.ClientRequest;
import org.springframework.web.reactive.function.client.ClientResponse;
import org.springframework.web.reactive.function.client.ExchangeFilterFunction;
import org.springframework.web.reactive.function.client.ExchangeFunction;

/**
 * Reports every HTTP exchange with the Core API to {@link InteractorMetrics}: endpoint (the path template from
 * {@link CoreApiClient#URI_TEMPLATE_ATTRIBUTE}, never the expanded path), method, status, outcome and the time until
 * the response headers arrived. It is the innermost filter, so each retry attempt and the repeat after a 401 are
 * counted with the status the server really sent; Spring's {@code http.client.requests} observation counts the
 * logical call.
 */
public final class RequestMetricsFilter implements ExchangeFilterFunction {

	private final InteractorMetrics metrics;

	/**
	 * Create a filter.
	 * @param metrics where exchanges are reported
	 */
	public RequestMetricsFilter(InteractorMetrics metrics) {
		this.metrics = metrics;
	}

	@Override
	public Mono<ClientResponse> filter(ClientRequest request, ExchangeFunction next) {
		return Mono.defer(() -> {
			long start = System.nanoTime();
			// Exactly one of response, error and cancel is recorded, whichever comes first.
			AtomicBoolean recorded = new AtomicBoolean();
			return next.exchange(request).doOnNext((response) -> {
				int status = response.statusCode().value();
				record(request, recorded, start, Integer.toString(status), InteractorMetricTags.outcome(status));
			})
				.doOnError((ex) -> record(request, recorded, start, InteractorMetricTags.IO_ERROR, "UNKNOWN"))
				.doOnCancel(() -> record(request, recorded, start, InteractorMetricTags.CANCELLED, "UNKNOWN"));
		});
	}

	private void record(ClientRequest request, AtomicBoolean recorded, long start, String status, String outcome) {
		if (recorded.compareAndSet(false, true)) {
			this.metrics.requestCompleted(request.method().name(),
					InteractorMetricTags.endpoint(request.attribute(CoreApiClient.URI_TEMPLATE_ATTRIBUTE).orElse(null)),
					status, outcome, Duration.ofNanos(System.nanoTime() - start),
					request.headers().getFirst(CoreApiClient.NAMESPACE_HEADER));
		}
	}

}
