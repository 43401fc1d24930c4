package io.interactor.spring.client.http;

import java.time.Clock;
import java.time.Duration;
import java.util.Set;
import java.util.function.DoubleSupplier;
import java.util.function.Function;

import io.interactor.spring.client.error.InteractorException;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;
import reactor.util.retry.Retry;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.web.reactive.function.client.ClientResponse;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * Runs one logical HTTP call and retries it as a whole: sending the request, receiving the response headers and
 * reading the body are one attempt, so a connection that drops or stalls after the headers, in the middle of the
 * body, is retried exactly like one that fails before them. Each attempt is a new exchange through the
 * {@link WebClient}'s filters (a fresh token, its own {@code interactor.client.request} observation) with the same
 * headers, so an {@code Idempotency-Key} is identical on every attempt.
 * <p>
 * What is retried, with exponential back-off and jitter ({@link RetryPolicy}):
 * <ul>
 * <li>a status of {@link RetryPolicy#RETRYABLE_STATUSES}, waiting as {@code Retry-After} says (capped) plus jitter
 * when the server sent one ({@link RetryPolicy#retryAfterDelay}), if the request is {@linkplain #isRepeatable
 * repeatable};</li>
 * <li>an I/O failure anywhere in the exchange (reset, close before or after the headers or mid-body, read
 * timeout), if the request is repeatable;</li>
 * <li>a failure to establish the connection (connection refused, host name not resolved, connect timeout, no
 * route), for every request, repeatable or not: no byte of the request has left the machine, so the server cannot
 * have acted on it ({@link TransportErrors#isBeforeRequestSent}).</li>
 * </ul>
 * A POST or PATCH without an {@code Idempotency-Key} is otherwise never repeated: once the connection was
 * established the request may have reached the server, and a repeat could act twice.
 * <p>
 * When the retries are exhausted, or the failure is not retryable, the call fails with an
 * {@link InteractorException}: the error mapped from the last response, an
 * {@link io.interactor.spring.client.error.InteractorNetworkException} (an
 * {@link io.interactor.spring.client.error.InteractorTimeoutException} for a timeout) for I/O, and a plain
 * {@code InteractorException} for anything else, so that no raw transport or decoding exception escapes. Waits run
 * on the given {@link Scheduler}, so tests can use virtual time.
 *
 * @since 0.1.0
 */
public final class ExchangeRetry {

	private static final Log logger = LogFactory.getLog(ExchangeRetry.class);

	private static final Set<HttpMethod> IDEMPOTENT_METHODS = Set.of(HttpMethod.GET, HttpMethod.HEAD,
			HttpMethod.OPTIONS, HttpMethod.PUT, HttpMethod.DELETE, HttpMethod.TRACE);

	private static final ExchangeRetry NONE = new ExchangeRetry(RetryPolicy.NONE, Clock.systemUTC(),
			Schedulers.parallel(), () -> 0);

	private final RetryPolicy policy;

	private final Clock clock;

	private final Scheduler scheduler;

	private final DoubleSupplier random;

	/**
	 * Create a retry.
	 * @param policy how often and how long to wait
	 * @param clock the clock an HTTP-date {@code Retry-After} is measured against
	 * @param scheduler where the waits run
	 * @param random source of jitter in [0, 1)
	 */
	public ExchangeRetry(RetryPolicy policy, Clock clock, Scheduler scheduler, DoubleSupplier random) {
		this.policy = policy;
		this.clock = clock;
		this.scheduler = scheduler;
		this.random = random;
	}

	/**
	 * A retry that makes one attempt only, still mapping failures to {@link InteractorException}s.
	 * @return the retry
	 */
	public static ExchangeRetry none() {
		return NONE;
	}

	/**
	 * The policy of this retry.
	 * @return the policy
	 */
	public RetryPolicy policy() {
		return this.policy;
	}

	/**
	 * Whether a request may be sent more than once after it may have reached the server: idempotent methods (GET,
	 * HEAD, OPTIONS, PUT, DELETE, TRACE) always, other methods (POST, PATCH) only with an {@code Idempotency-Key}
	 * that lets the server recognise the repeat.
	 * @param method the method
	 * @param hasIdempotencyKey whether the request carries an {@code Idempotency-Key}
	 * @return whether the request is repeatable
	 */
	public static boolean isRepeatable(HttpMethod method, boolean hasIdempotencyKey) {
		return hasIdempotencyKey || IDEMPOTENT_METHODS.contains(method);
	}

	/**
	 * Exchange {@code request} and read its response with {@code reader}, retrying the whole as described above.
	 * @param <T> the result type
	 * @param request the request, ready to exchange; exchanged once per attempt
	 * @param reader reads a response: its result, or an error (an error status mapped to its
	 * {@link io.interactor.spring.client.error.InteractorApiException})
	 * @param repeatable whether the request may be repeated after it may have reached the server (see
	 * {@link #isRepeatable})
	 * @param description names the call in logs and exception messages, e.g. {@code "Interactor request GET
	 * /assistants/{assistantId}"}; must not contain ids or secrets
	 * @return the result of the first successful attempt
	 */
	public <T> Mono<T> exchange(WebClient.RequestHeadersSpec<?> request,
			Function<ClientResponse, ? extends Mono<T>> reader, boolean repeatable, String description) {
		Mono<T> attempt = Mono.defer(() -> request.exchangeToMono((response) -> read(response, reader)));
		return retry(attempt, repeatable, description);
	}

	// InteractorExceptions that an attempt signals (a token that could not be obtained, an error status) end the
	// call as they are, except an error status marked retryable by read(...).
	private <T> Mono<T> retry(Mono<T> attempt, boolean repeatable, String description) {
		Mono<T> retried = (this.policy.maxRetries() == 0) ? attempt
				: attempt.retryWhen(Retry.from((signals) -> signals.concatMap((signal) -> {
					Duration delay = delayBeforeRetry(signal.failure(), signal.totalRetries(), repeatable);
					if (delay == null) {
						return Mono.error(signal.failure());
					}
					log(description, signal.failure(), delay, signal.totalRetries());
					return Mono.delay(delay, this.scheduler);
				})));
		return retried.onErrorMap(RetryableStatusException.class, Throwable::getCause)
			.onErrorMap(TransportErrors::isTransportError,
					(ex) -> TransportErrors.toNetworkException(description + " failed", ex))
			.onErrorMap((ex) -> !(ex instanceof InteractorException), (ex) -> new InteractorException(
					description + " failed (" + ex.getClass().getSimpleName() + ")", ex));
	}

	private @Nullable Duration delayBeforeRetry(Throwable failure, long retry, boolean repeatable) {
		if (retry >= this.policy.maxRetries()) {
			return null;
		}
		if (failure instanceof RetryableStatusException status) {
			return repeatable ? delayFor(status.retryAfter, retry) : null;
		}
		if (TransportErrors.isTransportError(failure)
				&& (repeatable || TransportErrors.isBeforeRequestSent(failure))) {
			return this.policy.backoff((int) retry, this.random.getAsDouble());
		}
		return null;
	}

	private <T> Mono<T> read(ClientResponse response, Function<ClientResponse, ? extends Mono<T>> reader) {
		int status = response.statusCode().value();
		Mono<T> result = reader.apply(response);
		if (!this.policy.isRetryable(status)) {
			return result;
		}
		String retryAfter = response.headers().asHttpHeaders().getFirst(HttpHeaders.RETRY_AFTER);
		// Only the error the response was mapped to is retryable, not one of the reader's own failures.
		return result.onErrorMap(InteractorException.class,
				(ex) -> new RetryableStatusException(ex, status, retryAfter));
	}

	private Duration delayFor(@Nullable String retryAfterHeader, long retry) {
		Duration retryAfter = RetryAfter.parse(retryAfterHeader, this.clock);
		// Jitter on top of Retry-After too: callers rejected by one burst must not all return at the same instant.
		return (retryAfter != null) ? this.policy.retryAfterDelay(retryAfter, this.random.getAsDouble())
				: this.policy.backoff((int) retry, this.random.getAsDouble());
	}

	private void log(String description, Throwable failure, Duration delay, long retry) {
		if (logger.isDebugEnabled()) {
			String reason = (failure instanceof RetryableStatusException retryable) ? "status " + retryable.status
					: TransportErrors.unwrap(failure).getClass().getSimpleName();
			logger.debug("Retrying " + description + " after " + reason + " in " + delay.toMillis() + " ms (retry "
					+ (retry + 1) + " of " + this.policy.maxRetries() + ")");
		}
	}

	/** Carries the error of a response with a retryable status, and its {@code Retry-After}, to the retry. */
	private static final class RetryableStatusException extends RuntimeException {

		private static final long serialVersionUID = 1L;

		private final int status;

		private final @Nullable String retryAfter;

		RetryableStatusException(InteractorException error, int status, @Nullable String retryAfter) {
			super(error.getMessage(), error, false, false);
			this.status = status;
			this.retryAfter = retryAfter;
		}

	}

}
