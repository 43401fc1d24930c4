package io.interactor.spring.test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import io.netty.channel.Channel;
import io.netty.handler.codec.http.QueryStringDecoder;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;
import reactor.netty.http.server.HttpServerRequest;
import reactor.netty.http.server.HttpServerResponse;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.util.Assert;
import org.springframework.web.util.UriTemplate;

/**
 * An in-process fake of the Interactor platform over real HTTP on {@code 127.0.0.1}, for tests. It serves the
 * Account Server's token endpoint under {@link #accountServerUrl()} and the Core API under {@link #coreApiUrl()}
 * the way the client calls them:
 * <ul>
 * <li>tokens for the configured client id and secret, sent as JSON, as a form or with HTTP Basic;</li>
 * <li>credentials and OAuth connect flows, assistants, rooms and messages, tools and tool results, data sources
 * (with sync), workflows and their instances, and webhooks (with secret rotation), kept in memory separately for each
 * {@code X-Namespace} (requests without one use the namespace {@code default}), with {@code page}/{@code per_page}
 * paging and {@code meta}, the platform's error body with a request id, {@code Idempotency-Key} replay (same key
 * and body: the first response again; same key, other body: {@code 409}) and {@code X-RateLimit-*} headers;</li>
 * <li>a user message posted to a room makes the room's assistant reply (see {@link ReplyGenerator}); the reply is
 * streamed on {@code /rooms/{id}/stream} as {@code message.delta} events then {@code message.complete}, with event
 * ids, {@code Last-Event-ID} resume and heartbeat comments. A stream starts with the room's whole history, so a
 * test may open it after sending a message.</li>
 * <li>workflow instances run their workflow's states: they move on along plain transitions, halt in a
 * {@code halting} state until input arrives ({@code POST /workflow-instances/{id}/input}), follow the transition a
 * triggered event names, complete in a {@code terminal} state and can be cancelled; each change is written to the
 * instance's thread and streamed on {@code /workflow-instances/{id}/stream} ({@code workflow.started},
 * {@code workflow.state_changed}, {@code workflow.halted}, {@code workflow.completed}, ...).</li>
 * <li>an OAuth flow's authorization URL leads straight back to its {@code redirect_uri} with a code and the flow's
 * state, as if the user consented; the callback with that state creates an active credential.</li>
 * <li>webhook deliveries: every message added to a room (user, assistant and tool messages) produces
 * {@code room.message.created}, each change of a workflow instance produces the matching
 * {@code workflow.instance.*} event ({@code started}, {@code state_changed}, {@code halted}, {@code completed},
 * {@code cancelled}), a completed OAuth flow produces {@code credential.connected}, and
 * {@link #trigger(String, String, Map)} produces any event. Each event
 * is posted, signed with the subscription's secret, to the webhooks created through the API in its namespace and to
 * those configured on the mock ({@link #webhook(String, String, String...)}) whose event filter matches; a
 * non-{@code 2xx} answer is retried on a short schedule (see {@link Builder#webhookRetryDelays(Duration...)}), and
 * every attempt is kept in {@link #webhookDeliveries()}.</li>
 * </ul>
 * Tests steer it through {@link #seed(String)}, {@link #failNext(int, String, String)}, {@link #requests()},
 * {@link #trigger(String, String, Map)} and {@link #reset()}. Create one with {@link #start()} or {@link #builder()} and close it when done.
 *
 * @since 0.1.0
 */
public final class MockInteractorServer implements AutoCloseable {

	/** Base path of the Account Server API on the mock. */
	public static final String ACCOUNT_BASE_PATH = "/account/api/v1";

	/** Base path of the Core API on the mock. */
	public static final String CORE_BASE_PATH = "/core/api/v1";

	private static final String IDEMPOTENCY_KEY = "Idempotency-Key";

	private final JsonMapper json = JsonMapper.builder().build();

	private final Builder settings;

	private final PlatformState state = new PlatformState();

	private final TokenEndpoint tokens;

	private final List<Route> accountRoutes;

	private final List<Route> coreRoutes;

	private final List<Fault> faults = new CopyOnWriteArrayList<>();

	private final List<RecordedRequest> requestLog = new CopyOnWriteArrayList<>();

	private final Map<String, StoredResponse> idempotentResponses = new ConcurrentHashMap<>();

	private final Sinks.Empty<Void> closing = Sinks.empty();

	private final AtomicLong rateLimitWindow = new AtomicLong();

	private final AtomicInteger rateLimitUsed = new AtomicInteger();

	private volatile ReplyGenerator replyGenerator;

	private final WebhookSender webhooks;

	private final DisposableServer server;

	private MockInteractorServer(Builder settings) {
		this.settings = settings;
		this.replyGenerator = settings.replyGenerator;
		this.tokens = new TokenEndpoint(this.json, settings.clientId, settings.clientSecret,
				settings.tokenExpiresIn.toSeconds());
		this.accountRoutes = List.of(Route.of("POST", "/oauth/token", this.tokens::token));
		this.webhooks = new WebhookSender(this.json, this.state, settings.webhookRetryDelays);
		settings.webhooks.forEach((webhook) -> this.webhooks.subscribe(webhook.url(), webhook.secret(),
				webhook.events()));
		this.coreRoutes = new GenACoreApiRoutes(this.json, this.state, () -> this.replyGenerator,
				settings.heartbeatInterval, this.closing.asMono(), this.webhooks::publish, settings.replyChunkInterval)
			.routes();
		this.server = HttpServer.create().host("127.0.0.1").port(settings.port).handle(this::handle).bindNow();
	}

	/**
	 * Start a mock on a random free port with the default settings.
	 * @return the running mock
	 */
	public static MockInteractorServer start() {
		return builder().start();
	}

	/**
	 * A builder to choose the port, the client credentials and the behaviour before starting.
	 * @return a new builder
	 */
	public static Builder builder() {
		return new Builder();
	}

	/**
	 * The port the mock listens on.
	 * @return the port on {@code 127.0.0.1}
	 */
	public int port() {
		return this.server.port();
	}

	/**
	 * The root URL of the mock.
	 * @return {@code http://127.0.0.1:<port>}
	 */
	public String baseUrl() {
		return "http://127.0.0.1:" + port();
	}

	/**
	 * The Account Server base URL to configure the client with.
	 * @return {@code http://127.0.0.1:<port>/account/api/v1}
	 */
	public String accountServerUrl() {
		return baseUrl() + ACCOUNT_BASE_PATH;
	}

	/**
	 * The Core API base URL to configure the client with.
	 * @return {@code http://127.0.0.1:<port>/core/api/v1}
	 */
	public String coreApiUrl() {
		return baseUrl() + CORE_BASE_PATH;
	}

	/**
	 * The client id the token endpoint accepts.
	 * @return the client id
	 */
	public String clientId() {
		return this.settings.clientId;
	}

	/**
	 * The client secret the token endpoint accepts.
	 * @return the client secret
	 */
	public String clientSecret() {
		return this.settings.clientSecret;
	}

	/**
	 * How many token requests arrived (successful or not) since start or the last {@link #reset()}.
	 * @return the number of token requests
	 */
	public int tokenRequestCount() {
		return this.tokens.requestCount();
	}

	/**
	 * Change the {@code expires_in} of tokens issued from now on.
	 * @param expiresIn the token lifetime, in whole seconds
	 * @return this mock
	 */
	public MockInteractorServer tokenExpiresIn(Duration expiresIn) {
		this.tokens.expiresIn(expiresIn.toSeconds());
		return this;
	}

	/**
	 * Replace how assistants reply to user messages from now on.
	 * @param replyGenerator the reply generator
	 * @return this mock
	 */
	public MockInteractorServer replyGenerator(ReplyGenerator replyGenerator) {
		Assert.notNull(replyGenerator, "'replyGenerator' must not be null");
		this.replyGenerator = replyGenerator;
		return this;
	}

	/**
	 * Create state in a namespace.
	 * @param namespace the namespace, as sent in {@code X-Namespace}
	 * @return a seed for that namespace
	 */
	public Seed seed(String namespace) {
		return new Seed(this, namespace);
	}

	/**
	 * Make the next requests that match a method and a path go wrong; choose how on the returned spec.
	 * @param times how many matching requests the fault applies to
	 * @param method the HTTP method, such as {@code POST}
	 * @param pathTemplate the path relative to the Core API or Account Server base, with optional
	 * {@code {variables}}, such as {@code /rooms/{roomId}/messages} or {@code /oauth/token}
	 * @return the spec that registers the fault
	 */
	public FaultSpec failNext(int times, String method, String pathTemplate) {
		return new FaultSpec(method, pathTemplate, times, this.faults::add);
	}

	/**
	 * All requests received since start or the last {@link #reset()}, oldest first.
	 * @return a snapshot of the request log
	 */
	public List<RecordedRequest> requests() {
		return List.copyOf(this.requestLog);
	}

	/**
	 * The received requests that match a method and a path template relative to either base path.
	 * @param method the HTTP method
	 * @param pathTemplate the relative path template, such as {@code /assistants/{id}}
	 * @return the matching requests, oldest first
	 */
	public List<RecordedRequest> requests(String method, String pathTemplate) {
		UriTemplate template = new UriTemplate(pathTemplate);
		List<RecordedRequest> matching = new ArrayList<>();
		for (RecordedRequest request : this.requestLog) {
			String relative = relativePath(request.path());
			if (request.method().equalsIgnoreCase(method) && relative != null && template.matches(relative)) {
				matching.add(request);
			}
		}
		return matching;
	}

	/**
	 * Deliver webhook events to a URL from now on, in every namespace, in addition to the webhooks created through
	 * the API. Survives {@link #reset()}.
	 * @param url the receiver's URL, such as {@code http://127.0.0.1:8080/webhooks/interactor}
	 * @param secret the secret to sign deliveries with
	 * @param events the event types to deliver; {@code *} and wildcards such as {@code room.*} are allowed; none
	 * means all
	 * @return this mock
	 */
	public MockInteractorServer webhook(String url, String secret, String... events) {
		WebhookSubscription subscription = new WebhookSubscription(url, secret, events);
		this.webhooks.subscribe(subscription.url(), subscription.secret(), subscription.events());
		return this;
	}

	/**
	 * Deliver an event of any type to the webhooks of the namespace {@code default} and those configured on the mock.
	 * @param eventType the event type, such as {@code credential.expired}
	 * @param data the envelope's {@code data}, converted to JSON
	 * @return this mock
	 * @see #trigger(String, String, Map)
	 */
	public MockInteractorServer trigger(String eventType, Map<String, ?> data) {
		return trigger("default", eventType, data);
	}

	/**
	 * Deliver an event of any type, as if the platform produced it in a namespace: it goes to that namespace's
	 * webhooks created through the API and to those configured on the mock, whose filters match. The call returns
	 * at once; the deliveries happen in the background.
	 * @param namespace the namespace, as in the envelope's {@code namespace}
	 * @param eventType the event type, such as {@code credential.expired}
	 * @param data the envelope's {@code data}, converted to JSON
	 * @return this mock
	 */
	public MockInteractorServer trigger(String namespace, String eventType, Map<String, ?> data) {
		Assert.hasText(namespace, "'namespace' must not be empty");
		Assert.hasText(eventType, "'eventType' must not be empty");
		this.webhooks.publish(namespace, eventType, this.json.valueToTree(data));
		return this;
	}

	/**
	 * Every webhook delivery attempt since start or the last {@link #reset()}, in the order they completed.
	 * @return a snapshot of the delivery log
	 */
	public List<WebhookAttempt> webhookDeliveries() {
		return this.webhooks.log();
	}

	/**
	 * Forget all state, pending faults, the request log, stored idempotent responses, the webhook delivery log and
	 * the token request count. Issued tokens stay valid, and the reply generator and the webhooks configured on the
	 * mock stay as they are.
	 */
	public void reset() {
		this.state.clear();
		this.faults.clear();
		this.requestLog.clear();
		this.idempotentResponses.clear();
		this.webhooks.clearLog();
		this.tokens.reset();
	}

	/**
	 * Stop the mock: open event streams end, pending webhook deliveries are dropped and the port is released.
	 */
	@Override
	public void close() {
		this.closing.tryEmitEmpty();
		this.webhooks.close();
		this.server.disposeNow(Duration.ofSeconds(5));
	}

	String seedCreate(String namespace, String collectionPath, Map<String, Object> body) {
		String text = this.json.writeValueAsString(body);
		Map<String, List<String>> headers = Map.of("x-namespace", List.of(namespace));
		RecordedRequest request = new RecordedRequest("POST", CORE_BASE_PATH + collectionPath, null, headers, text);
		MockResponse response = dispatch(this.coreRoutes, request, collectionPath);
		JsonNode root = this.json.readTree(response.body());
		if (response.status() >= 300) {
			throw new IllegalArgumentException("The mock rejected the seed: " + root.path("error").path("message"));
		}
		return root.path("data").path("id").asString();
	}

	private Mono<Void> handle(HttpServerRequest request, HttpServerResponse response) {
		return request.receive()
			.aggregate()
			.asString(StandardCharsets.UTF_8)
			.defaultIfEmpty("")
			.flatMap((body) -> respond(record(request, body), response));
	}

	private RecordedRequest record(HttpServerRequest request, String body) {
		String uri = request.uri();
		int question = uri.indexOf('?');
		String path = (question >= 0) ? uri.substring(0, question) : uri;
		String query = (question >= 0) ? uri.substring(question + 1) : null;
		Map<String, List<String>> headers = new LinkedHashMap<>();
		request.requestHeaders()
			.forEach((header) -> headers.computeIfAbsent(header.getKey().toLowerCase(Locale.ROOT),
					(key) -> new ArrayList<>())
				.add(header.getValue()));
		RecordedRequest recorded = new RecordedRequest(request.method().name(), path, query, headers, body);
		this.requestLog.add(recorded);
		return recorded;
	}

	private Mono<Void> respond(RecordedRequest request, HttpServerResponse response) {
		String relative = relativePath(request.path());
		Fault fault = (relative != null) ? claimFault(request.method(), relative) : null;
		if (fault != null && fault.kind() == Fault.Kind.DROP_CONNECTION) {
			return dispose(response);
		}
		if (fault != null && fault.kind() == Fault.Kind.STATUS) {
			MockResponse error = error(fault.status(), codeFor(fault.status()), "Injected failure");
			if (fault.retryAfter() != null) {
				error = error.withHeader("Retry-After", Long.toString(fault.retryAfter().toSeconds()));
			}
			return write(response, decorate(error), false);
		}
		Mono<MockResponse> answer = Mono.fromSupplier(() -> decorate(answer(request, relative)));
		if (fault != null && fault.kind() == Fault.Kind.DELAY) {
			answer = Mono.delay(fault.delay()).then(answer);
		}
		boolean cut = fault != null && fault.kind() == Fault.Kind.CUT_BODY;
		return answer.flatMap((mock) -> write(response, mock, cut));
	}

	private MockResponse answer(RecordedRequest request, @Nullable String relative) {
		if (relative == null) {
			return error(404, "not_found", "No such endpoint");
		}
		if (request.path().startsWith(ACCOUNT_BASE_PATH)) {
			return dispatch(this.accountRoutes, request, relative);
		}
		if (!this.tokens.isValid(request.header("Authorization"))) {
			return error(401, "unauthorized", "Missing or invalid access token");
		}
		String key = request.header(IDEMPOTENCY_KEY);
		if (key == null || !"POST".equals(request.method())) {
			return dispatch(this.coreRoutes, request, relative);
		}
		String namespace = (request.header("X-Namespace") != null) ? request.header("X-Namespace") : "default";
		String fingerprint = fingerprint(request);
		String storeKey = namespace + "\u0000" + key;
		synchronized (this.idempotentResponses) {
			StoredResponse stored = this.idempotentResponses.get(storeKey);
			if (stored != null) {
				if (!stored.fingerprint().equals(fingerprint)) {
					return error(409, "idempotency_key_reused",
							"The Idempotency-Key was already used with a different request");
				}
				return stored.response().withHeader("Idempotent-Replayed", "true");
			}
			MockResponse response = dispatch(this.coreRoutes, request, relative);
			if (response.status() < 300 && response.events() == null) {
				this.idempotentResponses.put(storeKey, new StoredResponse(fingerprint, response));
			}
			return response;
		}
	}

	private MockResponse dispatch(List<Route> routes, RecordedRequest request, String relative) {
		boolean pathKnown = false;
		for (Route route : routes) {
			if (route.template().matches(relative)) {
				pathKnown = true;
			}
			Map<String, String> variables = route.match(request.method(), relative);
			if (variables != null) {
				Map<String, List<String>> query = (request.query() != null)
						? new QueryStringDecoder(request.query(), false).parameters() : Map.of();
				try {
					return route.handler().handle(new MockExchange(request.method(), relative, variables, query, request));
				}
				catch (MockApiException ex) {
					return error(ex.status(), ex.code(), ex.getMessage());
				}
			}
		}
		return pathKnown ? error(405, "method_not_allowed", "Method not allowed")
				: error(404, "not_found", "No such endpoint");
	}

	private @Nullable Fault claimFault(String method, String relative) {
		for (Fault fault : this.faults) {
			if (fault.claim(method, relative)) {
				return fault;
			}
		}
		return null;
	}

	/** Every response carries a request id and the rate-limit headers of the current one-minute window. */
	private MockResponse decorate(MockResponse response) {
		long window = Instant.now().getEpochSecond() / 60;
		if (this.rateLimitWindow.getAndSet(window) != window) {
			this.rateLimitUsed.set(0);
		}
		int remaining = Math.max(0, this.settings.rateLimit - this.rateLimitUsed.incrementAndGet());
		MockResponse decorated = response.withHeader("X-RateLimit-Limit", Integer.toString(this.settings.rateLimit))
			.withHeader("X-RateLimit-Remaining", Integer.toString(remaining))
			.withHeader("X-RateLimit-Reset", Long.toString((window + 1) * 60));
		return decorated.headers().containsKey("X-Request-Id") ? decorated
				: decorated.withHeader("X-Request-Id", PlatformState.newId("req_"));
	}

	private Mono<Void> write(HttpServerResponse response, MockResponse mock, boolean cut) {
		response.status(mock.status());
		mock.headers().forEach(response::header);
		if (mock.events() != null) {
			if (cut) {
				return response.sendString(mock.events().take(2)).then().then(dispose(response));
			}
			return response.sendString(mock.events()).then();
		}
		if (mock.status() == 204) {
			return response.send();
		}
		byte[] body = mock.body().getBytes(StandardCharsets.UTF_8);
		response.header("Content-Length", Integer.toString(body.length));
		if (cut) {
			byte[] half = java.util.Arrays.copyOf(body, body.length / 2);
			return response.sendByteArray(Mono.just(half)).then().then(dispose(response));
		}
		return response.sendByteArray(Mono.just(body)).then();
	}

	/**
	 * Close the connection. The channel is taken before anything is sent: once a send completes, the response's
	 * operations no longer hold it.
	 */
	private static Mono<Void> dispose(HttpServerResponse response) {
		AtomicReference<Channel> channel = new AtomicReference<>();
		response.withConnection((connection) -> channel.set(connection.channel()));
		return Mono.fromRunnable(() -> channel.get().close());
	}

	private MockResponse error(int status, String code, String message) {
		String requestId = PlatformState.newId("req_");
		ObjectNode root = this.json.createObjectNode();
		ObjectNode error = root.putObject("error");
		error.put("code", code);
		error.put("message", message);
		error.putNull("details");
		error.put("request_id", requestId);
		return MockResponse.json(status, this.json.writeValueAsString(root)).withHeader("X-Request-Id", requestId);
	}

	private static String codeFor(int status) {
		return switch (status) {
			case 400 -> "invalid_request";
			case 401 -> "unauthorized";
			case 403 -> "forbidden";
			case 404 -> "not_found";
			case 409 -> "conflict";
			case 422 -> "validation_error";
			case 429 -> "rate_limit_exceeded";
			case 502 -> "bad_gateway";
			case 503 -> "service_unavailable";
			case 504 -> "gateway_timeout";
			default -> (status >= 500) ? "internal_error" : "error";
		};
	}

	private static @Nullable String relativePath(String path) {
		if (path.startsWith(CORE_BASE_PATH)) {
			return path.substring(CORE_BASE_PATH.length());
		}
		if (path.startsWith(ACCOUNT_BASE_PATH)) {
			return path.substring(ACCOUNT_BASE_PATH.length());
		}
		return null;
	}

	private static String fingerprint(RecordedRequest request) {
		try {
			java.security.MessageDigest digest = java.security.MessageDigest.getInstance("SHA-256");
			digest.update((request.method() + " " + request.path() + "\n").getBytes(StandardCharsets.UTF_8));
			digest.update(request.body().getBytes(StandardCharsets.UTF_8));
			return HexFormat.of().formatHex(digest.digest());
		}
		catch (java.security.NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private record StoredResponse(String fingerprint, MockResponse response) {

	}

	private record WebhookSubscription(String url, String secret, List<String> events) {

		WebhookSubscription(String url, String secret, String... events) {
			this(url, secret, (events.length > 0) ? List.of(events) : List.of("*"));
		}

		WebhookSubscription {
			Assert.isTrue(url.startsWith("http://") || url.startsWith("https://"), "'url' must be an HTTP URL");
			Assert.hasText(secret, "'secret' must not be empty");
		}

	}

	/**
	 * Settings of a {@link MockInteractorServer} to start.
	 *
	 * @since 0.1.0
	 */
	public static final class Builder {

		private int port;

		private String clientId = "mock-client-id";

		private String clientSecret = "mock-client-secret";

		private Duration tokenExpiresIn = Duration.ofMinutes(15);

		private Duration heartbeatInterval = Duration.ofSeconds(15);

		private ReplyGenerator replyGenerator = ReplyGenerator.echo();

		private Duration replyChunkInterval = Duration.ZERO;

		private int rateLimit = 600;

		private List<Duration> webhookRetryDelays = List.of(Duration.ofMillis(200), Duration.ofMillis(500),
				Duration.ofSeconds(1));

		private final List<WebhookSubscription> webhooks = new ArrayList<>();

		private Builder() {
		}

		/**
		 * Deliver webhook events to a URL, in every namespace (see
		 * {@link MockInteractorServer#webhook(String, String, String...)}).
		 * @param url the receiver's URL
		 * @param secret the secret to sign deliveries with
		 * @param events the event types to deliver; wildcards allowed; none means all
		 * @return this builder
		 */
		public Builder webhook(String url, String secret, String... events) {
			this.webhooks.add(new WebhookSubscription(url, secret, events));
			return this;
		}

		/**
		 * The waits before each retry of a webhook delivery that was not answered with {@code 2xx}; their number is
		 * the number of retries. By default 200 ms, 500 ms and 1 s (four attempts in all).
		 * @param delays the delays, in order; none disables retries
		 * @return this builder
		 */
		public Builder webhookRetryDelays(Duration... delays) {
			for (Duration delay : delays) {
				Assert.isTrue(!delay.isNegative(), "'delays' must not be negative");
			}
			this.webhookRetryDelays = List.of(delays);
			return this;
		}

		/**
		 * The port to listen on; {@code 0} (the default) picks a free one.
		 * @param port the port
		 * @return this builder
		 */
		public Builder port(int port) {
			Assert.isTrue(port >= 0 && port <= 65535, "'port' must be between 0 and 65535");
			this.port = port;
			return this;
		}

		/**
		 * The client credentials the token endpoint accepts; by default {@code mock-client-id} and
		 * {@code mock-client-secret}.
		 * @param clientId the client id
		 * @param clientSecret the client secret
		 * @return this builder
		 */
		public Builder credentials(String clientId, String clientSecret) {
			Assert.hasText(clientId, "'clientId' must not be empty");
			Assert.hasText(clientSecret, "'clientSecret' must not be empty");
			this.clientId = clientId;
			this.clientSecret = clientSecret;
			return this;
		}

		/**
		 * The {@code expires_in} of issued tokens; 15 minutes by default.
		 * @param tokenExpiresIn the token lifetime, in whole seconds
		 * @return this builder
		 */
		public Builder tokenExpiresIn(Duration tokenExpiresIn) {
			this.tokenExpiresIn = tokenExpiresIn;
			return this;
		}

		/**
		 * How often an open event stream sends a heartbeat comment; 15 seconds by default.
		 * @param heartbeatInterval the interval
		 * @return this builder
		 */
		public Builder heartbeatInterval(Duration heartbeatInterval) {
			Assert.isTrue(!heartbeatInterval.isNegative() && !heartbeatInterval.isZero(),
					"'heartbeatInterval' must be positive");
			this.heartbeatInterval = heartbeatInterval;
			return this;
		}

		/**
		 * How assistants reply; {@link ReplyGenerator#echo()} by default.
		 * @param replyGenerator the reply generator
		 * @return this builder
		 */
		public Builder replyGenerator(ReplyGenerator replyGenerator) {
			this.replyGenerator = replyGenerator;
			return this;
		}

		/**
		 * The pause before each streamed piece ({@code message.delta} event) of an assistant reply, so that a reply
		 * grows visibly the way a model's does. With a pause the request that posted the user message is answered
		 * at once and the reply message is stored (and its {@code room.message.created} delivered) after its last
		 * piece. {@link Duration#ZERO} (the default) streams and stores the whole reply before the request is
		 * answered, which keeps tests deterministic.
		 * @param replyChunkInterval the pause between pieces, zero or positive
		 * @return this builder
		 */
		public Builder replyChunkInterval(Duration replyChunkInterval) {
			Assert.isTrue(!replyChunkInterval.isNegative(), "'replyChunkInterval' must not be negative");
			this.replyChunkInterval = replyChunkInterval;
			return this;
		}

		/**
		 * The value of {@code X-RateLimit-Limit} (requests per minute); 600 by default. The mock only reports it; use
		 * {@link MockInteractorServer#failNext(int, String, String)} with status 429 to reject requests.
		 * @param rateLimit the limit
		 * @return this builder
		 */
		public Builder rateLimit(int rateLimit) {
			this.rateLimit = rateLimit;
			return this;
		}

		/**
		 * Start the mock.
		 * @return the running mock
		 */
		public MockInteractorServer start() {
			return new MockInteractorServer(this);
		}

	}

}
