package io.interactor.spring.client.http;

import java.time.Clock;
import java.time.Duration;
import java.util.Set;
import java.util.function.DoubleSupplier;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.web.reactive.function.client.ClientRequest;
import org.springframework.web.reactive.function.client.ClientResponse;
import org.springframework.web.reactive.function.client.ExchangeFilterFunction;
import org.springframework.web.reactive.function.client.ExchangeFunction;

/**
 * Retries transient failures ({@link RetryPolicy#RETRYABLE_STATUSES} and I/O errors) with exponential back-off and
 * jitter, honouring {@code Retry-After} up to a cap. Non-idempotent methods (POST, PATCH) are retried only when the
 * request carries an {@code Idempotency-Key}, so the server can deduplicate the attempts; the same request, and so
 * the same key, is sent on every attempt.
 * <p>
 * When the retries are exhausted the last response is passed on (for error mapping), or the last I/O error is
 * raised. Waits run on the given {@link Scheduler}, so tests can use virtual time.
 *
 * @since 0.1.0
 */
public final class RetryExchangeFilter implements ExchangeFilterFunction {

	private static final Log logger = LogFactory.getLog(RetryExchangeFilter.class);

	/** Header that makes a POST safe to retry. */
	public static final String IDEMPOTENCY_KEY_HEADER = "Idempotency-Key";

	private static final Set<HttpMethod> IDEMPOTENT_METHODS = Set.of(HttpMethod.GET, HttpMethod.HEAD,
			HttpMethod.OPTIONS, HttpMethod.PUT, HttpMethod.DELETE, HttpMethod.TRACE);

	private final RetryPolicy policy;

	private final boolean retryAllMethods;

	private final Clock clock;

	private final Scheduler scheduler;

	private final DoubleSupplier random;

	/**
	 * Create a filter.
	 * @param policy the retry policy
	 * @param retryAllMethods whether every method is safe to repeat at this endpoint (the token endpoint)
	 * @param clock the clock an HTTP-date {@code Retry-After} is measured against
	 * @param scheduler where the waits run
	 * @param random source of jitter in [0, 1)
	 */
	public RetryExchangeFilter(RetryPolicy policy, boolean retryAllMethods, Clock clock, Scheduler scheduler,
			DoubleSupplier random) {
		this.policy = policy;
		this.retryAllMethods = retryAllMethods;
		this.clock = clock;
		this.scheduler = scheduler;
		this.random = random;
	}

	@Override
	public Mono<ClientResponse> filter(ClientRequest request, ExchangeFunction next) {
		if (this.policy.maxRetries() == 0 || !isRepeatable(request)) {
			return next.exchange(request);
		}
		return attempt(request, next, 0);
	}

	private boolean isRepeatable(ClientRequest request) {
		return this.retryAllMethods || IDEMPOTENT_METHODS.contains(request.method())
				|| request.headers().containsHeader(IDEMPOTENCY_KEY_HEADER);
	}

	private Mono<ClientResponse> attempt(ClientRequest request, ExchangeFunction next, int retry) {
		boolean canRetry = retry < this.policy.maxRetries();
		return next.exchange(request).materialize().flatMap((signal) -> {
			Throwable error = signal.getThrowable();
			if (error != null) {
				if (canRetry && TransportErrors.isTransportError(error)) {
					Duration delay = this.policy.backoff(retry, this.random.getAsDouble());
					log(request, error.getClass().getSimpleName(), delay, retry);
					return Mono.delay(delay, this.scheduler).then(attempt(request, next, retry + 1));
				}
				return Mono.error(error);
			}
			ClientResponse response = signal.get();
			if (response == null) {
				return Mono.empty();
			}
			int status = response.statusCode().value();
			if (canRetry && this.policy.isRetryable(status)) {
				Duration delay = delayFor(response.headers().asHttpHeaders(), retry);
				log(request, "status " + status, delay, retry);
				return response.releaseBody()
					.then(Mono.delay(delay, this.scheduler))
					.then(attempt(request, next, retry + 1));
			}
			return Mono.just(response);
		});
	}

	private Duration delayFor(HttpHeaders headers, int retry) {
		Duration retryAfter = RetryAfter.parse(headers.getFirst(HttpHeaders.RETRY_AFTER), this.clock);
		return (retryAfter != null) ? this.policy.capRetryAfter(retryAfter)
				: this.policy.backoff(retry, this.random.getAsDouble());
	}

	private void log(ClientRequest request, String reason, Duration delay, int retry) {
		if (logger.isDebugEnabled()) {
			logger.debug("Retrying " + request.method() + " " + describe(request) + " after " + reason + " in "
					+ delay.toMillis() + " ms (retry " + (retry + 1) + " of " + this.policy.maxRetries() + ")");
		}
	}

	/**
	 * How a request is named in log lines: its path template when it has one, else its path, never the query.
	 * @param request the request
	 * @return the template or path
	 */
	public static String describe(ClientRequest request) {
		@Nullable Object template = request.attribute(CoreApiClient.URI_TEMPLATE_ATTRIBUTE).orElse(null);
		return (template != null) ? template.toString() : request.url().getPath();
	}

}
