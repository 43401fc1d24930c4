package io.interactor.spring.client.stream;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

import io.interactor.spring.client.error.InteractorApiException;
import io.interactor.spring.client.error.InteractorException;
import io.interactor.spring.client.error.InteractorStreamException;
import io.interactor.spring.client.http.ApiRequest;
import io.interactor.spring.client.http.CoreApiClient;
import io.interactor.spring.client.observation.DefaultEventStreamObservationConvention;
import io.interactor.spring.client.observation.EventStreamObservationContext;
import io.interactor.spring.client.observation.EventStreamObservationConvention;
import io.interactor.spring.client.observation.InteractorClientObservationDocumentation;
import io.interactor.spring.client.observation.ReactorObservations;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.MissingNode;
import tools.jackson.databind.node.StringNode;

import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;

/**
 * Keeps a server-sent event stream open: re-opens the connection when it drops, ends, fails with a retryable
 * status or stays silent longer than the heartbeat timeout, with exponential back-off and jitter (after the
 * reconnection time the server set with {@code retry:}, if any, at most {@link StreamSettings#maxBackoff()}),
 * sending {@code Last-Event-ID} once an id was seen. The body is read as a browser reads it
 * ({@link EventStreamParser}): a malformed line is ignored, never the end of the stream. The attempt counter
 * restarts whenever the server sends something (an event, a comment); when
 * {@link StreamSettings#maxAttempts()} reconnects in a row fail, the stream errors with an
 * {@link InteractorStreamException}. Statuses that a reconnect cannot fix (403, 404, other 4xx) end the stream at
 * once with their {@link InteractorApiException}.
 * <p>
 * Each connection attempt is observed as {@code interactor.client.stream} ({@link EventStreamObservationContext}):
 * started when connecting, signalled {@link EventStreamObservationContext#OPENED} when the server accepted it, and
 * stopped with the reason it ended.
 *
 * @since 0.1.0
 */
public final class EventStreamConnector {

	private static final Log logger = LogFactory.getLog(EventStreamConnector.class);

	private final CoreApiClient api;

	private final Clock clock;

	private static final EventStreamObservationConvention DEFAULT_CONVENTION = //
			new DefaultEventStreamObservationConvention();

	private final ObservationRegistry observationRegistry;

	private final @Nullable EventStreamObservationConvention observationConvention;

	/**
	 * Create a connector that observes its connections in the registry of {@code api}.
	 * @param api opens the connections
	 * @param clock stamps {@link StreamEvent#receivedAt()}
	 */
	public EventStreamConnector(CoreApiClient api, Clock clock) {
		this(api, clock, api.observationRegistry(), null);
	}

	/**
	 * Create a connector.
	 * @param api opens the connections
	 * @param clock stamps {@link StreamEvent#receivedAt()}
	 * @param observationRegistry where connections are observed ({@link ObservationRegistry#NOOP} for none)
	 * @param observationConvention the convention of the {@code interactor.client.stream} observation, or
	 * {@code null} for {@link DefaultEventStreamObservationConvention}
	 * @since 0.1.0
	 */
	public EventStreamConnector(CoreApiClient api, Clock clock, ObservationRegistry observationRegistry,
			@Nullable EventStreamObservationConvention observationConvention) {
		this.api = api;
		this.clock = clock;
		this.observationRegistry = observationRegistry;
		this.observationConvention = observationConvention;
	}

	/**
	 * Connect on subscription; cancel the subscription to close the connection.
	 * @param request the GET request of the stream
	 * @param settings reconnect and watchdog settings
	 * @return the events, in the order received; never completes by itself
	 */
	public Flux<StreamEvent> connect(ApiRequest request, StreamSettings settings) {
		return connect(request, settings, null);
	}

	/**
	 * Connect on subscription, resuming after a known event; cancel the subscription to close the connection.
	 * @param request the GET request of the stream
	 * @param settings reconnect and watchdog settings
	 * @param lastEventId the id of the last event the caller already has, sent as {@code Last-Event-ID} on the
	 * first connection (and on reconnects until the server sends an id of its own); {@code null} or empty to start
	 * where the server starts a new stream
	 * @return the events, in the order received; never completes by itself
	 * @since 0.1.0
	 */
	public Flux<StreamEvent> connect(ApiRequest request, StreamSettings settings, @Nullable String lastEventId) {
		String resumeFrom = (lastEventId != null) ? lastEventId : "";
		String endpoint = request.pathTemplate();
		// The connection's own read timeout stays above the watchdog so that the watchdog decides.
		Duration readTimeout = settings.heartbeatTimeout().multipliedBy(2);
		return Flux.defer(() -> {
			// Both outlive a connection: the next one resumes after the last id, and waits as the server asked.
			AtomicReference<String> lastId = new AtomicReference<>(resumeFrom);
			AtomicReference<@Nullable Duration> reconnectionTime = new AtomicReference<>();
			return Flux.deferContextual((contextView) -> {
				Connection connection = new Connection(request, ReactorObservations.parent(contextView,
						this.observationRegistry));
				EventStreamParser parser = new EventStreamParser(lastId.get());
				String resumeAfter = lastId.get().isEmpty() ? null : lastId.get();
				return this.api.openEventStream(request, resumeAfter, readTimeout, connection::opened)
					// Before the watchdog: only failures of the connection itself are its errors.
					.doOnError(connection::failed)
					// Any bytes count as activity, comments included: the watchdog sits before parsing.
					.timeout(settings.heartbeatTimeout(), null, settings.scheduler())
					.onErrorMap(TimeoutException.class,
							(ex) -> new HeartbeatMissedException(endpoint, settings.heartbeatTimeout()))
					// After the watchdog's mapping, so that a missed heartbeat is told apart from a cancel.
					.doOnError((ex) -> connection.closed((ex instanceof HeartbeatMissedException)
							? EventStreamObservationContext.TIMEOUT : EventStreamObservationContext.ERROR))
					.doOnComplete(() -> connection.closed(EventStreamObservationContext.SERVER_CLOSE))
					.doOnCancel(() -> connection.closed(EventStreamObservationContext.CLIENT_CLOSE))
					.map((buffer) -> {
						List<MessageEvent> events = parser.parse(buffer);
						lastId.set(parser.lastEventId());
						if (parser.reconnectionTime() != null) {
							reconnectionTime.set(parser.reconnectionTime());
						}
						return events;
					})
					.doOnDiscard(DataBuffer.class, DataBufferUtils::release)
					.contextWrite((context) -> ReactorObservations.withObservation(context, connection.observation));
			})
				// A stream has no natural end: the server closing it is a drop to recover from.
				.concatWith(Flux.error(() -> new InteractorException("Interactor event stream " + endpoint
						+ " was closed by the server")))
				.retryWhen(retry(endpoint, settings, reconnectionTime::get))
				// Unbounded demand upstream keeps a slow consumer from looking like a silent server.
				.onBackpressureBuffer()
				// Every chunk restarted the attempt count, events or not (a comment is a sign of life too).
				.concatMapIterable((events) -> events)
				.map(this::toStreamEvent)
				// Whatever the failure, a subscriber sees an InteractorException only.
				.onErrorMap((ex) -> !(ex instanceof InteractorException),
						(ex) -> new InteractorStreamException(endpoint, 0, ex));
		});
	}

	private Retry retry(String endpoint, StreamSettings settings, Supplier<@Nullable Duration> reconnectionTime) {
		return Retry.backoff(settings.maxAttempts(), settings.initialBackoff())
			.maxBackoff(settings.maxBackoff())
			.jitter(settings.jitter())
			.scheduler(settings.scheduler())
			.transientErrors(true)
			.filter(EventStreamConnector::isRetryable)
			// The server's "retry:" comes before the back-off, as in a browser; no longer than the longest back-off.
			.doBeforeRetryAsync((signal) -> serverDelay(reconnectionTime.get(), settings))
			.doBeforeRetry((signal) -> {
				if (logger.isDebugEnabled()) {
					logger.debug("Reconnecting Interactor event stream " + endpoint + " (attempt "
							+ (signal.totalRetriesInARow() + 1) + "): " + signal.failure().getMessage());
				}
			})
			.onRetryExhaustedThrow((spec, signal) -> new InteractorStreamException(endpoint,
					signal.totalRetriesInARow(), signal.failure()));
	}

	private static Mono<Void> serverDelay(@Nullable Duration reconnectionTime, StreamSettings settings) {
		if (reconnectionTime == null || reconnectionTime.isZero()) {
			return Mono.empty();
		}
		Duration delay = (reconnectionTime.compareTo(settings.maxBackoff()) > 0) ? settings.maxBackoff()
				: reconnectionTime;
		return Mono.delay(delay, settings.scheduler()).then();
	}

	private static boolean isRetryable(Throwable failure) {
		if (failure instanceof InteractorApiException api) {
			int status = api.status();
			return status == 401 || status == 408 || status == 429 || status >= 500;
		}
		// Network errors, drops, closes and missed heartbeats; not bugs such as a failing decoder.
		return failure instanceof InteractorException;
	}

	private StreamEvent toStreamEvent(MessageEvent event) {
		String name = event.type();
		JsonNode data = parse(event.data());
		JsonNode type = data.isObject() ? data.get("type") : null;
		String id = event.lastEventId().isEmpty() ? null : event.lastEventId();
		return new StreamEvent(name, id, (type != null && type.isString()) ? type.asString() : name, data,
				this.clock.instant());
	}

	private JsonNode parse(String data) {
		if (data.isEmpty()) {
			return MissingNode.getInstance();
		}
		try {
			return this.api.jsonMapper().readTree(data);
		}
		catch (JacksonException ex) {
			// Plain-text data is legal SSE: pass it on as a string.
			return StringNode.valueOf(data);
		}
	}

	/**
	 * One connection attempt, observed from connecting until it ends; it counts as opened once the server accepted
	 * it. The observation is stopped once, by the first end signal.
	 */
	private final class Connection {

		private final EventStreamObservationContext context;

		private final Observation observation;

		private final AtomicBoolean closed = new AtomicBoolean();

		Connection(ApiRequest request, @Nullable Observation parent) {
			this.context = new EventStreamObservationContext(request.pathTemplate(), request.namespace());
			ObservationRegistry registry = EventStreamConnector.this.observationRegistry;
			this.observation = InteractorClientObservationDocumentation.EVENT_STREAM.observation(
					EventStreamConnector.this.observationConvention, DEFAULT_CONVENTION, () -> this.context,
					registry);
			if (parent != null) {
				this.observation.parentObservation(parent);
			}
			this.observation.start();
		}

		void opened() {
			if (!this.closed.get() && !this.context.isOpened()) {
				this.context.setOpened(true);
				this.observation.event(EventStreamObservationContext.OPENED);
			}
		}

		void failed(Throwable failure) {
			if (!this.closed.get()) {
				this.observation.error(failure);
			}
		}

		void closed(String reason) {
			if (this.closed.compareAndSet(false, true)) {
				this.context.setReason(reason);
				this.observation.stop();
			}
		}

	}

	/** The stream stayed silent longer than the heartbeat timeout. */
	static final class HeartbeatMissedException extends InteractorException {

		private static final long serialVersionUID = 1L;

		HeartbeatMissedException(String endpoint, Duration timeout) {
			super("No event or heartbeat on Interactor event stream " + endpoint + " for " + timeout);
		}

	}

}
