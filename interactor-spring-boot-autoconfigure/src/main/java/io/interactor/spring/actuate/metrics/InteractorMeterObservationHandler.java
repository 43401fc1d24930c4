package io.interactor.spring.actuate.metrics;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import io.interactor.spring.client.observation.CoreApiCallObservationContext;
import io.interactor.spring.client.observation.CoreApiRequestObservationContext;
import io.interactor.spring.client.observation.EventStreamObservationContext;
import io.interactor.spring.client.observation.InteractorClientObservationDocumentation.HighCardinalityKeyNames;
import io.interactor.spring.client.observation.InteractorClientObservationDocumentation.LowCardinalityKeyNames;
import io.interactor.spring.client.observation.InteractorClientTags;
import io.interactor.spring.client.observation.TokenRequestObservationContext;
import io.interactor.spring.webhook.dispatch.WebhookDeliveryObservationContext;
import io.interactor.spring.webhook.dispatch.WebhookObservationDocumentation;
import io.micrometer.common.KeyValue;
import io.micrometer.common.docs.KeyName;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.observation.MeterObservationHandler;
import io.micrometer.observation.Observation;
import org.jspecify.annotations.Nullable;

/**
 * Records the Interactor meters from the starter's observations. Meter names follow Micrometer's dotted convention,
 * so the Prometheus registry renders them as {@code interactor_requests_total},
 * {@code interactor_request_duration_seconds}, {@code interactor_webhook_received_total}, ...:
 * <ul>
 * <li>{@code interactor.requests} (counter) and {@code interactor.request.duration} (timer), from
 * {@code interactor.client.request}: {@code endpoint}, {@code method}, {@code status}, {@code outcome};</li>
 * <li>{@code interactor.errors} (counter), from failed {@code interactor.client.call} and
 * {@code interactor.client.stream} observations: {@code type}, {@code code};</li>
 * <li>{@code interactor.token.refresh} (counter), from {@code interactor.client.token}: {@code status} =
 * {@code success} | {@code failure};</li>
 * <li>{@code interactor.token.expiry} (gauge, seconds until the last token obtained expires);</li>
 * <li>{@code interactor.rate-limit.remaining} (gauge, last {@code X-RateLimit-Remaining} of an attempt);</li>
 * <li>{@code interactor.sse.connections.active} (gauge): {@code type}; {@code interactor.sse.disconnects}
 * (counter): {@code type}, {@code reason}, from {@code interactor.client.stream};</li>
 * <li>{@code interactor.webhook.received} (counter): {@code event}, {@code status};
 * {@code interactor.webhook.processing.duration} (timer, deliveries that reached their handlers): {@code event},
 * from {@code interactor.webhook.delivery}.</li>
 * </ul>
 * Tag values are the observations' low-cardinality key values, so a custom observation convention changes them too.
 * With {@code namespaceTag} the counters and timers also carry a {@code namespace} tag taken from the high-cardinality
 * key value; it is off by default because every namespace (usually one per end user) becomes its own time series.
 * The gauges never carry it.
 * <p>
 * As a {@link MeterObservationHandler}, Spring Boot groups it with its default meter handler, and only the first
 * handler of the group that supports a context handles it: registered before Spring Boot's, it keeps these
 * observations from producing a second set of timers, while tracing handlers still see them.
 *
 * @since 0.1.0
 */
public final class InteractorMeterObservationHandler implements MeterObservationHandler<Observation.Context> {

	/** Buckets suggested by the SDK for request latency, also serving the p99 > 5 s alert. */
	private static final Duration[] REQUEST_SLOS = { Duration.ofMillis(10), Duration.ofMillis(50),
			Duration.ofMillis(100), Duration.ofMillis(250), Duration.ofMillis(500), Duration.ofSeconds(1),
			Duration.ofMillis(2500), Duration.ofSeconds(5) };

	/** Buckets suggested for webhook processing: the sender times out after a few seconds. */
	private static final Duration[] WEBHOOK_SLOS = { Duration.ofMillis(10), Duration.ofMillis(50),
			Duration.ofMillis(100), Duration.ofMillis(500), Duration.ofSeconds(1), Duration.ofSeconds(2),
			Duration.ofSeconds(5) };

	private final MeterRegistry registry;

	private final boolean namespaceTag;

	private final Clock clock;

	private final AtomicReference<@Nullable Instant> tokenExpiresAt = new AtomicReference<>();

	private final AtomicBoolean tokenGaugeRegistered = new AtomicBoolean();

	private final AtomicLong rateLimitRemaining = new AtomicLong();

	private final AtomicBoolean rateLimitGaugeRegistered = new AtomicBoolean();

	private final Map<String, AtomicInteger> activeStreams = new ConcurrentHashMap<>();

	/**
	 * Create a handler without the {@code namespace} tag.
	 * @param registry where the meters are registered
	 */
	public InteractorMeterObservationHandler(MeterRegistry registry) {
		this(registry, false, Clock.systemUTC());
	}

	/**
	 * Create a handler.
	 * @param registry where the meters are registered
	 * @param namespaceTag whether counters and timers carry a {@code namespace} tag
	 * @param clock the clock the token expiry gauge measures against
	 */
	public InteractorMeterObservationHandler(MeterRegistry registry, boolean namespaceTag, Clock clock) {
		this.registry = registry;
		this.namespaceTag = namespaceTag;
		this.clock = clock;
		// Both stream types are visible at 0 from the start, so a dashboard shows them before the first stream.
		activeStreams("room");
		activeStreams("workflow");
	}

	@Override
	public boolean supportsContext(Observation.Context context) {
		return context instanceof CoreApiRequestObservationContext || context instanceof CoreApiCallObservationContext
				|| context instanceof TokenRequestObservationContext
				|| context instanceof EventStreamObservationContext
				|| context instanceof WebhookDeliveryObservationContext;
	}

	@Override
	public void onStart(Observation.Context context) {
		if (context instanceof CoreApiRequestObservationContext
				|| context instanceof WebhookDeliveryObservationContext) {
			context.put(Timer.Sample.class, Timer.start(this.registry));
		}
	}

	@Override
	public void onEvent(Observation.Event event, Observation.Context context) {
		if (context instanceof EventStreamObservationContext
				&& EventStreamObservationContext.OPENED.getName().equals(event.getName())) {
			activeStreams(value(context, LowCardinalityKeyNames.STREAM_TYPE)).incrementAndGet();
		}
	}

	@Override
	public void onStop(Observation.Context context) {
		if (context instanceof CoreApiRequestObservationContext request) {
			requestCompleted(request);
		}
		else if (context instanceof CoreApiCallObservationContext) {
			errorRaised(context);
		}
		else if (context instanceof TokenRequestObservationContext token) {
			tokenRequested(token);
		}
		else if (context instanceof EventStreamObservationContext stream) {
			streamEnded(stream);
		}
		else if (context instanceof WebhookDeliveryObservationContext delivery) {
			webhookReceived(delivery);
		}
	}

	private void requestCompleted(CoreApiRequestObservationContext context) {
		Tags tags = withNamespace(Tags.of("endpoint", value(context, LowCardinalityKeyNames.ENDPOINT), "method",
				value(context, LowCardinalityKeyNames.METHOD), "status", value(context, LowCardinalityKeyNames.STATUS),
				"outcome", value(context, LowCardinalityKeyNames.OUTCOME)), context);
		Counter.builder("interactor.requests")
			.description("Core API HTTP exchanges, each attempt counted")
			.tags(tags)
			.register(this.registry)
			.increment();
		stopSample(context, Timer.builder("interactor.request.duration")
			.description("Time until the Core API response headers arrived, per attempt")
			.tags(tags)
			.serviceLevelObjectives(REQUEST_SLOS));
		Long remaining = context.getRateLimitRemaining();
		if (remaining != null) {
			rateLimitRemaining(remaining);
		}
	}

	private void errorRaised(Observation.Context context) {
		if (context.getError() == null) {
			return;
		}
		Counter.builder("interactor.errors")
			.description("Interactor calls that failed for their caller, after retries")
			.tags(withNamespace(Tags.of("type", value(context, LowCardinalityKeyNames.ERROR_TYPE), "code",
					value(context, LowCardinalityKeyNames.ERROR_CODE)), context))
			.register(this.registry)
			.increment();
	}

	private void tokenRequested(TokenRequestObservationContext context) {
		Instant expiresAt = context.getExpiresAt();
		if (context.getError() == null && expiresAt != null) {
			this.tokenExpiresAt.set(expiresAt);
			if (this.tokenGaugeRegistered.compareAndSet(false, true)) {
				Gauge.builder("interactor.token.expiry", this, InteractorMeterObservationHandler::secondsToTokenExpiry)
					.description("Seconds until the current access token expires")
					.baseUnit("seconds")
					.strongReference(true)
					.register(this.registry);
			}
		}
		Counter.builder("interactor.token.refresh")
			.description("Access token requests to the Account Server")
			.tag("status", value(context, LowCardinalityKeyNames.TOKEN_STATUS))
			.register(this.registry)
			.increment();
	}

	private double secondsToTokenExpiry() {
		Instant expiresAt = this.tokenExpiresAt.get();
		if (expiresAt == null) {
			return Double.NaN;
		}
		return Math.max(0, Duration.between(this.clock.instant(), expiresAt).toMillis() / 1000.0);
	}

	private void rateLimitRemaining(long remaining) {
		this.rateLimitRemaining.set(remaining);
		// Registered on the first value: before it, "unknown" is more honest than a 0 that would fire alerts.
		if (this.rateLimitGaugeRegistered.compareAndSet(false, true)) {
			Gauge.builder("interactor.rate-limit.remaining", this.rateLimitRemaining, AtomicLong::get)
				.description("Requests left in the current rate-limit window (last X-RateLimit-Remaining)")
				.strongReference(true)
				.register(this.registry);
		}
	}

	private void streamEnded(EventStreamObservationContext context) {
		// An attempt that never connected (refused, error status) is no disconnect, but may be an error.
		if (context.isOpened()) {
			String type = value(context, LowCardinalityKeyNames.STREAM_TYPE);
			activeStreams(type).decrementAndGet();
			Counter.builder("interactor.sse.disconnects")
				.description("Established event stream connections that ended")
				.tags(withNamespace(Tags.of("type", type, "reason", value(context, LowCardinalityKeyNames.REASON)),
						context))
				.register(this.registry)
				.increment();
		}
		errorRaised(context);
	}

	private AtomicInteger activeStreams(String type) {
		return this.activeStreams.computeIfAbsent(type, (key) -> {
			AtomicInteger count = new AtomicInteger();
			Gauge.builder("interactor.sse.connections.active", count, AtomicInteger::get)
				.description("Open event stream connections")
				.tag("type", key)
				.strongReference(true)
				.register(this.registry);
			return count;
		});
	}

	private void webhookReceived(WebhookDeliveryObservationContext context) {
		String event = value(context, WebhookObservationDocumentation.LowCardinalityKeyNames.EVENT);
		Counter.builder("interactor.webhook.received")
			.description("Webhook deliveries by outcome")
			.tags(withNamespace(Tags.of("event", event, "status",
					value(context, WebhookObservationDocumentation.LowCardinalityKeyNames.STATUS)), context))
			.register(this.registry)
			.increment();
		// Only deliveries that reached their handlers are timed: rejections answer at once and would hide slow
		// handlers (the sender's timeout risk) in the distribution.
		if (context.isHandlersInvoked()) {
			stopSample(context, Timer.builder("interactor.webhook.processing.duration")
				.description("Time to answer webhook deliveries that reached their handlers")
				.tags(withNamespace(Tags.of("event", event), context))
				.serviceLevelObjectives(WEBHOOK_SLOS));
		}
	}

	private void stopSample(Observation.Context context, Timer.Builder timer) {
		Timer.Sample sample = context.get(Timer.Sample.class);
		if (sample != null) {
			sample.stop(timer.register(this.registry));
		}
	}

	private Tags withNamespace(Tags tags, Observation.Context context) {
		if (!this.namespaceTag) {
			return tags;
		}
		// Both vocabularies name the key "namespace".
		KeyValue namespace = context.getHighCardinalityKeyValue(HighCardinalityKeyNames.NAMESPACE.asString());
		return tags.and("namespace", (namespace != null) ? namespace.getValue() : InteractorClientTags.NONE);
	}

	/** The value of a low-cardinality key, {@code none} when a custom convention left it out. */
	private static String value(Observation.Context context, KeyName key) {
		KeyValue keyValue = context.getLowCardinalityKeyValue(key.asString());
		return (keyValue != null) ? keyValue.getValue() : InteractorClientTags.NONE;
	}

	@Override
	public String toString() {
		return "InteractorMeterObservationHandler{namespaceTag=" + this.namespaceTag + "}";
	}

}
