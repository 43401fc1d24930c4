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

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import org.jspecify.annotations.Nullable;

/**
 * {@link InteractorMetrics} published to a Micrometer {@link MeterRegistry}. Meter names follow Micrometer's dotted
 * convention, so the Prometheus registry renders them as {@code interactor_requests_total},
 * {@code interactor_request_duration_seconds}, {@code interactor_webhook_received_total}, ...:
 * <ul>
 * <li>{@code interactor.requests} (counter) and {@code interactor.request.duration} (timer): {@code endpoint},
 * {@code method}, {@code status}, {@code outcome};</li>
 * <li>{@code interactor.errors} (counter): {@code type}, {@code code};</li>
 * <li>{@code interactor.token.refresh} (counter): {@code status} = {@code success} | {@code failure};</li>
 * <li>{@code interactor.token.expiry} (gauge, seconds until the current token expires);</li>
 * <li>{@code interactor.rate-limit.remaining} (gauge, last {@code X-RateLimit-Remaining});</li>
 * <li>{@code interactor.sse.connections.active} (gauge): {@code type}; {@code interactor.sse.disconnects}
 * (counter): {@code type}, {@code reason};</li>
 * <li>{@code interactor.webhook.received} (counter): {@code event}, {@code status};
 * {@code interactor.webhook.processing.duration} (timer): {@code event}.</li>
 * </ul>
 * With {@code namespaceTag} the counters and timers also carry a {@code namespace} tag; it is off by default because
 * every namespace (usually one per end user) becomes its own time series. The gauges never carry it.
 */
public final class MicrometerInteractorMetrics implements InteractorMetrics {

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
	 * Create metrics without the {@code namespace} tag.
	 * @param registry where the meters are registered
	 */
	public MicrometerInteractorMetrics(MeterRegistry registry) {
		this(registry, false, Clock.systemUTC());
	}

	/**
	 * Create metrics.
	 * @param registry where the meters are registered
	 * @param namespaceTag whether counters and timers carry a {@code namespace} tag
	 * @param clock the clock the token expiry gauge measures against
	 */
	public MicrometerInteractorMetrics(MeterRegistry registry, boolean namespaceTag, Clock clock) {
		this.registry = registry;
		this.namespaceTag = namespaceTag;
		this.clock = clock;
		// Both stream types are visible at 0 from the start, so a dashboard shows them before the first stream.
		activeStreams("room");
		activeStreams("workflow");
	}

	@Override
	public void requestCompleted(String method, String endpoint, String status, String outcome, Duration duration,
			@Nullable String namespace) {
		Tags tags = withNamespace(
				Tags.of("endpoint", endpoint, "method", method, "status", status, "outcome", outcome), namespace);
		Counter.builder("interactor.requests")
			.description("Core API HTTP exchanges, each attempt counted")
			.tags(tags)
			.register(this.registry)
			.increment();
		Timer.builder("interactor.request.duration")
			.description("Time until the Core API response headers arrived, per attempt")
			.tags(tags)
			.serviceLevelObjectives(REQUEST_SLOS)
			.register(this.registry)
			.record(duration);
	}

	@Override
	public void errorRaised(String type, String code, @Nullable String namespace) {
		Counter.builder("interactor.errors")
			.description("Interactor calls that failed for their caller, after retries")
			.tags(withNamespace(Tags.of("type", type, "code", code), namespace))
			.register(this.registry)
			.increment();
	}

	@Override
	public void tokenRefreshed(Instant expiresAt) {
		this.tokenExpiresAt.set(expiresAt);
		if (this.tokenGaugeRegistered.compareAndSet(false, true)) {
			Gauge.builder("interactor.token.expiry", this, MicrometerInteractorMetrics::secondsToTokenExpiry)
				.description("Seconds until the current access token expires")
				.baseUnit("seconds")
				.strongReference(true)
				.register(this.registry);
		}
		tokenRefreshCounter("success");
	}

	@Override
	public void tokenRefreshFailed() {
		tokenRefreshCounter("failure");
	}

	private void tokenRefreshCounter(String status) {
		Counter.builder("interactor.token.refresh")
			.description("Access token requests to the Account Server")
			.tag("status", status)
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

	@Override
	public void rateLimitRemaining(long remaining) {
		this.rateLimitRemaining.set(remaining);
		// Registered on the first value: before it, "unknown" is more honest than a 0 that would fire alerts.
		if (this.rateLimitGaugeRegistered.compareAndSet(false, true)) {
			Gauge.builder("interactor.rate-limit.remaining", this.rateLimitRemaining, AtomicLong::get)
				.description("Requests left in the current rate-limit window (last X-RateLimit-Remaining)")
				.strongReference(true)
				.register(this.registry);
		}
	}

	@Override
	public void streamConnected(String type, @Nullable String namespace) {
		activeStreams(type).incrementAndGet();
	}

	@Override
	public void streamDisconnected(String type, String reason, @Nullable String namespace) {
		activeStreams(type).decrementAndGet();
		Counter.builder("interactor.sse.disconnects")
			.description("Established event stream connections that ended")
			.tags(withNamespace(Tags.of("type", type, "reason", reason), namespace))
			.register(this.registry)
			.increment();
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

	@Override
	public void webhookReceived(String event, String status, @Nullable Duration processingTime,
			@Nullable String namespace) {
		Counter.builder("interactor.webhook.received")
			.description("Webhook deliveries by outcome")
			.tags(withNamespace(Tags.of("event", event, "status", status), namespace))
			.register(this.registry)
			.increment();
		if (processingTime != null) {
			Timer.builder("interactor.webhook.processing.duration")
				.description("Time to answer webhook deliveries that reached their handlers")
				.tags(withNamespace(Tags.of("event", event), namespace))
				.serviceLevelObjectives(WEBHOOK_SLOS)
				.register(this.registry)
				.record(processingTime);
		}
	}

	private Tags withNamespace(Tags tags, @Nullable String namespace) {
		return this.namespaceTag ? tags.and("namespace", (namespace != null) ? namespace : InteractorMetricTags.NONE)
				: tags;
	}

	@Override
	public String toString() {
		return "MicrometerInteractorMetrics{namespaceTag=" + this.namespaceTag + "}";
	}

}
