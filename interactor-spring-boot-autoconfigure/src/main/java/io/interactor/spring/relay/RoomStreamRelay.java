package io.interactor.spring.relay;

import java.time.Duration;

import io.interactor.spring.client.ReactiveInteractorClient;
import io.interactor.spring.client.error.InteractorApiException;
import io.interactor.spring.client.error.InteractorNotFoundException;
import io.interactor.spring.client.stream.StreamEvent;
import io.interactor.spring.client.stream.StreamEventTypes;
import io.interactor.spring.client.stream.StreamSettings;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.http.codec.ServerSentEvent;
import org.springframework.util.Assert;

/**
 * Relays a room's event stream to a browser as server-sent events, for a controller of the application:
 * <pre class="code">
 * &#64;GetMapping(path = "/rooms/{roomId}/events", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
 * Flux&lt;ServerSentEvent&lt;JsonNode&gt;&gt; events(&#64;PathVariable String roomId,
 *         &#64;RequestHeader(name = "Last-Event-ID", required = false) String lastEventId, Principal user) {
 *     return this.relay.relay(namespaceOf(user), roomId, lastEventId);
 * }
 * </pre>
 * The browser talks to the application only: the Interactor token stays on the server. The namespace is the
 * caller's choice on the server side (from the authenticated user, say); never take it, or a room id, from the
 * request without checking that the user may read that room.
 * <p>
 * <b>What is forwarded.</b> Every event of the room's stream ({@code message.delta}, {@code message.complete},
 * {@code tool_call.*}, status and {@code error} events, and any event the platform adds) becomes one
 * {@link ServerSentEvent} with the same {@code event} name and {@code id}, and the event's JSON data as its data
 * (an event without data is forwarded without data). Heartbeats ({@code heartbeat}, {@code ping}) become SSE
 * comments, and the relay writes a comment of its own every keep-alive interval (15 s by default): browsers and
 * proxies keep an idle connection open, and the web server notices a browser that went away at the next write.
 * <p>
 * <b>Resuming.</b> A browser's {@code EventSource} reconnects by itself and sends the id of the last event it
 * received as {@code Last-Event-ID}; passed to {@link #relay}, it is sent upstream as {@code Last-Event-ID}, so the
 * platform replays what the browser missed. A value that cannot be a header value (control characters, longer than
 * {@value #MAX_LAST_EVENT_ID_LENGTH} characters) is ignored: the stream then starts afresh. Upstream drops are
 * reconnected by the client itself ({@link StreamSettings}), invisibly to the browser.
 * <p>
 * <b>Cancellation.</b> Cancelling the returned {@link Flux} (Spring MVC and WebFlux do when the browser disconnects,
 * or the async request times out) closes the upstream HTTP connection.
 * <p>
 * <b>Errors.</b> When the upstream stream fails for good (the room does not exist, reconnects were exhausted,
 * access was refused), the relay ends with one last {@code error} event whose data is
 * {@code {"error":{"code":"...","message":"..."}}} with a fixed, safe message (never a token, an id or content)
 * and completes normally, so no error page ends up in the middle of an event stream. The failure itself is logged
 * at WARN without content. Codes: {@value #NOT_FOUND} (the room does not exist) and {@value #UNAVAILABLE}
 * (anything else).
 * <p>
 * <b>Threading.</b> Nothing blocks: events are emitted on the HTTP client's I/O threads and keep-alive comments on
 * the scheduler of the {@link StreamSettings}. Each call of {@link #relay} opens its own upstream connection when
 * subscribed; the relay itself holds no state and is safe to share.
 *
 * @since 0.1.0
 */
public final class RoomStreamRelay {

	/** The default interval after which an idle relay writes a keep-alive comment. */
	public static final Duration DEFAULT_KEEP_ALIVE = Duration.ofSeconds(15);

	/** The longest {@code Last-Event-ID} passed upstream; a longer one is ignored. */
	public static final int MAX_LAST_EVENT_ID_LENGTH = 1024;

	/** Code of the final error event when the room does not exist. */
	public static final String NOT_FOUND = "not_found";

	/** Code of the final error event for any other failure of the upstream stream. */
	public static final String UNAVAILABLE = "stream_unavailable";

	private static final Log logger = LogFactory.getLog(RoomStreamRelay.class);

	private static final String KEEP_ALIVE_COMMENT = "keep-alive";

	private final ReactiveInteractorClient client;

	private final StreamSettings settings;

	private final Duration keepAlive;

	/**
	 * Create a relay with the default {@link StreamSettings} and keep-alive interval.
	 * @param client the client opening the room streams
	 */
	public RoomStreamRelay(ReactiveInteractorClient client) {
		this(client, StreamSettings.defaults());
	}

	/**
	 * Create a relay with the default keep-alive interval.
	 * @param client the client opening the room streams
	 * @param settings how the upstream streams reconnect and watch for silence
	 */
	public RoomStreamRelay(ReactiveInteractorClient client, StreamSettings settings) {
		this(client, settings, DEFAULT_KEEP_ALIVE);
	}

	/**
	 * Create a relay.
	 * @param client the client opening the room streams
	 * @param settings how the upstream streams reconnect and watch for silence; keep-alive comments run on its
	 * scheduler
	 * @param keepAlive how long the relay may stay silent before it writes a keep-alive comment; positive
	 */
	public RoomStreamRelay(ReactiveInteractorClient client, StreamSettings settings, Duration keepAlive) {
		Assert.notNull(client, "client must not be null");
		Assert.notNull(settings, "settings must not be null");
		Assert.isTrue(keepAlive != null && !keepAlive.isNegative() && !keepAlive.isZero(),
				"keepAlive must be positive");
		this.client = client;
		this.settings = settings;
		this.keepAlive = keepAlive;
	}

	/**
	 * The events of a room as server-sent events, from the event after {@code lastEventId} on. Nothing happens
	 * until the returned {@link Flux} is subscribed; cancel it to close the upstream connection.
	 * @param namespace the namespace whose room is relayed, chosen by the server side (never trusted from the
	 * request as is)
	 * @param roomId the room id
	 * @param lastEventId the browser's {@code Last-Event-ID} header, or {@code null} for a new stream
	 * @return the events, keep-alive comments and, after a failure, one final {@code error} event; completes only
	 * after that error event, or when the subscriber cancels
	 */
	public Flux<ServerSentEvent<JsonNode>> relay(String namespace, String roomId, @Nullable String lastEventId) {
		Flux<ServerSentEvent<JsonNode>> events = this.client.rooms()
			.stream(namespace, roomId, this.settings, usableLastEventId(lastEventId))
			.map(RoomStreamRelay::toServerSentEvent)
			.onErrorResume((ex) -> Flux.just(finalError(ex)));
		return withKeepAlive(events);
	}

	/** Merges a keep-alive comment every interval into the events, until the events end. */
	private Flux<ServerSentEvent<JsonNode>> withKeepAlive(Flux<ServerSentEvent<JsonNode>> events) {
		return events.publish((shared) -> Flux.merge(shared,
				Flux.interval(this.keepAlive, this.keepAlive, this.settings.scheduler())
					.map((tick) -> keepAliveComment())
					.takeUntilOther(shared.then())));
	}

	private static ServerSentEvent<JsonNode> toServerSentEvent(StreamEvent event) {
		if (event.isHeartbeat()) {
			return ServerSentEvent.<JsonNode>builder().comment(event.event()).build();
		}
		ServerSentEvent.Builder<JsonNode> builder = ServerSentEvent.<JsonNode>builder().event(event.event());
		if (event.id() != null) {
			builder.id(event.id());
		}
		if (!event.data().isMissingNode()) {
			builder.data(event.data());
		}
		return builder.build();
	}

	private static ServerSentEvent<JsonNode> keepAliveComment() {
		return ServerSentEvent.<JsonNode>builder().comment(KEEP_ALIVE_COMMENT).build();
	}

	private static ServerSentEvent<JsonNode> finalError(Throwable failure) {
		boolean notFound = failure instanceof InteractorNotFoundException;
		String code = notFound ? NOT_FOUND : UNAVAILABLE;
		String message = notFound ? "The room does not exist." : "The room's event stream is unavailable.";
		// The type and status only: the client's messages hold no secrets, but this relay logs no more than it needs.
		if (logger.isWarnEnabled()) {
			logger.warn("Relay of an Interactor room stream ended with " + failure.getClass().getName()
					+ ((failure instanceof InteractorApiException api) ? " (status " + api.status() + ")" : ""));
		}
		ObjectNode error = JsonNodeFactory.instance.objectNode();
		error.putObject("error").put("code", code).put("message", message);
		return ServerSentEvent.<JsonNode>builder().event(StreamEventTypes.ERROR).data(error).build();
	}

	private static @Nullable String usableLastEventId(@Nullable String lastEventId) {
		if (lastEventId == null || lastEventId.isEmpty() || lastEventId.length() > MAX_LAST_EVENT_ID_LENGTH) {
			return null;
		}
		for (int i = 0; i < lastEventId.length(); i++) {
			char c = lastEventId.charAt(i);
			if (c < 0x20 || c == 0x7f) {
				return null;
			}
		}
		return lastEventId;
	}

}
