package io.interactor.spring.client.http;

import java.io.IOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.UnknownHostException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;

import io.interactor.spring.client.InteractorClient;
import io.interactor.spring.client.ReactiveInteractorClient;
import io.interactor.spring.client.auth.AccessToken;
import io.interactor.spring.client.auth.AccessTokenProvider;
import io.interactor.spring.client.core.RequestOptions;
import io.interactor.spring.client.error.InteractorException;
import io.interactor.spring.client.error.InteractorNetworkException;
import io.interactor.spring.client.error.InteractorStreamException;
import io.interactor.spring.client.error.InteractorTimeoutException;
import io.interactor.spring.client.resource.CreateAssistantRequest;
import io.interactor.spring.client.resource.SubmitToolResultRequest;
import io.interactor.spring.client.stream.EventStream;
import io.interactor.spring.client.stream.StreamEvent;
import io.interactor.spring.client.stream.StreamSettings;
import io.interactor.spring.client.support.RawHttpServer;
import io.interactor.spring.client.support.RawHttpServer.Action;
import io.interactor.spring.client.observation.CoreApiRequestObservationContext;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationHandler;
import io.micrometer.observation.ObservationRegistry;
import io.netty.handler.timeout.ReadTimeoutException;
import io.netty.resolver.AddressResolver;
import io.netty.resolver.AddressResolverGroup;
import io.netty.resolver.InetNameResolver;
import io.netty.resolver.InetSocketAddressResolver;
import io.netty.util.concurrent.EventExecutor;
import io.netty.util.concurrent.Promise;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClient;
import reactor.netty.http.client.PrematureCloseException;
import reactor.test.StepVerifier;

import org.springframework.http.client.reactive.ReactorClientHttpConnector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.awaitility.Awaitility.await;

/**
 * Transport faults at every point of an exchange, against a raw HTTP peer on 127.0.0.1 with exact control over the
 * bytes it sends: connection refused, host name not resolved, reset before the response, close right after the
 * headers, close in the middle of the body, and a body that stalls past the response timeout. Each fault meets a
 * GET, a POST with an {@code Idempotency-Key}, a POST without one and the connect of an event stream; each case
 * states how many requests are made and what the caller gets.
 * <p>
 * Server-side faults hit the first connection only, the next one answers normally: a retried call then succeeds. A
 * refused connection and an unresolvable name fail every attempt; attempts are counted by their
 * {@code interactor.client.request} observations, since no server sees them.
 */
class TransportFaultRetryTests {

	private static final String NS = "user_123";

	private static final String BODY = "{\"data\":{\"id\":\"asst_1\"}}";

	/** Retries, if any, happen at once. */
	private static final RetryPolicy RETRY_3 = new RetryPolicy(3, Duration.ZERO, Duration.ZERO, Duration.ZERO);

	private static final Duration RESPONSE_TIMEOUT = Duration.ofMillis(500);

	/** Two reconnects after short waits; the heartbeat watchdog fires before the connection's own timeout. */
	private static final StreamSettings STREAM = StreamSettings.defaults()
		.withBackoff(Duration.ofMillis(10), Duration.ofMillis(20))
		.withJitter(0)
		.withMaxAttempts(2)
		.withHeartbeatTimeout(RESPONSE_TIMEOUT);

	private static final String JSON_HEAD = "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n"
			+ "Content-Length: 24\r\nConnection: close\r\n\r\n";

	private static final String SSE_HEAD = "HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\n"
			+ "Cache-Control: no-cache\r\nConnection: close\r\n\r\n";

	/** A complete JSON answer; exactly the 24 bytes the faulty answers announce. */
	private static final Action JSON_OK = Action.writeAndClose(JSON_HEAD + BODY);

	private static final Action SSE_OK = Action
		.writeAndStall(SSE_HEAD + "id: 1\nevent: message\ndata: {\"type\":\"room.message.created\"}\n\n");

	/** Counts HTTP attempts: each one is an {@code interactor.client.request} observation. */
	private final AtomicInteger attempts = new AtomicInteger();

	private final ObservationRegistry observations = ObservationRegistry.create();

	private RawHttpServer server;

	@BeforeEach
	void start() throws IOException {
		this.observations.observationConfig().observationHandler(new ObservationHandler<>() {

			@Override
			public boolean supportsContext(Observation.Context context) {
				return context instanceof CoreApiRequestObservationContext;
			}

			@Override
			public void onStart(Observation.Context context) {
				TransportFaultRetryTests.this.attempts.incrementAndGet();
			}

		});
		this.server = new RawHttpServer(JSON_OK);
	}

	@AfterEach
	void stop() {
		this.server.close();
	}

	enum Fault {

		CONNECTION_REFUSED(false), DNS_FAILURE(false), RESET_BEFORE_HEADERS(true), CLOSE_AFTER_HEADERS(true),
		CLOSE_MID_BODY(true), READ_TIMEOUT(true);

		/** Whether the fault happens on a connection that stood: the request may have reached the server. */
		final boolean afterConnect;

		Fault(boolean afterConnect) {
			this.afterConnect = afterConnect;
		}

		Action action(boolean stream) {
			String head = stream ? SSE_HEAD : JSON_HEAD;
			String partial = stream ? "data: {\"type\":\"room.mess" : "{\"data\":{\"id\"";
			return switch (this) {
				case RESET_BEFORE_HEADERS -> Action.reset();
				case CLOSE_AFTER_HEADERS -> Action.writeAndClose(head);
				case CLOSE_MID_BODY -> Action.writeAndClose(head + partial);
				case READ_TIMEOUT -> Action.writeAndStall(head + partial);
				default -> throw new IllegalStateException(this + " has no server side");
			};
		}

	}

	enum Call {

		GET, POST_WITH_KEY, POST_WITHOUT_KEY, STREAM_CONNECT;

		/** Whether this call may be repeated after the request may have reached the server. */
		boolean repeatable() {
			return this != POST_WITHOUT_KEY;
		}

	}

	static Stream<Arguments> matrix() {
		return Stream.of(Fault.values()).flatMap((fault) -> Stream.of(Call.values()).map((call) -> Arguments.of(fault, call)));
	}

	@ParameterizedTest(name = "{0} x {1}")
	@MethodSource("matrix")
	void everyFaultIsRetriedAsItsCallAllows(Fault fault, Call call) throws Exception {
		ReactiveInteractorClient.Builder builder = clientBuilder(baseUrl(fault));
		if (fault == Fault.DNS_FAILURE) {
			builder.clientConnector(new ReactorClientHttpConnector(
					HttpClient.create().resolver(NxdomainResolverGroup.INSTANCE).responseTimeout(RESPONSE_TIMEOUT)));
		}
		InteractorClient client = new InteractorClient(builder.build());
		if (fault.afterConnect) {
			this.server.enqueue(fault.action(call == Call.STREAM_CONNECT));
			if (call == Call.STREAM_CONNECT) {
				this.server.enqueue(SSE_OK);
			}
		}
		Throwable failure = catchThrowable(() -> perform(client, call));
		int attempts = attempts();
		if (!fault.afterConnect) {
			// Nothing was sent: every call is retried, a POST without a key too, until the retries run out.
			int expected = (call == Call.STREAM_CONNECT) ? 1 + STREAM.maxAttempts() : 1 + RETRY_3.maxRetries();
			assertThat(attempts).isEqualTo(expected);
			Class<? extends Throwable> cause = (fault == Fault.CONNECTION_REFUSED) ? ConnectException.class
					: UnknownHostException.class;
			if (call == Call.STREAM_CONNECT) {
				assertThat(failure).isInstanceOf(InteractorStreamException.class)
					.cause()
					.isInstanceOf(InteractorNetworkException.class)
					.cause()
					.isInstanceOf(cause);
			}
			else {
				assertThat(failure).isInstanceOf(InteractorNetworkException.class).cause().isInstanceOf(cause);
			}
			return;
		}
		if (call.repeatable()) {
			// Retried like a failure before the headers: the second connection answers.
			assertThat(failure).isNull();
			assertThat(this.server.requests()).hasSize(2);
			assertThat(attempts).isEqualTo(2);
			if (call == Call.POST_WITH_KEY) {
				assertThat(this.server.requests()).extracting((request) -> request.header("Idempotency-Key"))
					.containsExactly("order-42", "order-42");
			}
		}
		else {
			// The server may have acted on it: never sent twice.
			assertThat(this.server.requests()).hasSize(1);
			assertThat(attempts).isEqualTo(1);
			assertThat(this.server.requests().get(0).header("Idempotency-Key")).isNull();
			assertThat(failure)
				.isInstanceOf((fault == Fault.READ_TIMEOUT) ? InteractorTimeoutException.class
						: InteractorNetworkException.class)
				.hasMessageContaining("POST /rooms/{roomId}/tool-results");
		}
	}

	@Test
	void bodyCutShortIsRetriedUntilTheRetriesRunOutThenNetworkException() {
		Action cut = Action.writeAndClose(JSON_HEAD + "{\"data\":{\"id\"");
		this.server.enqueue(cut, cut, cut, cut, JSON_OK);
		InteractorClient client = new InteractorClient(clientBuilder(this.server.url("/api/v1")).build());
		assertThatExceptionOfType(InteractorNetworkException.class)
			.isThrownBy(() -> client.assistants().get(NS, "asst_1"))
			.withMessageContaining("GET /assistants/{assistantId}")
			.withCauseInstanceOf(PrematureCloseException.class);
		assertThat(this.server.requests()).hasSize(4);
	}

	@Test
	void bodyStallingPastTheResponseTimeoutIsRetriedThenTimeoutException() {
		Action stall = Action.writeAndStall(JSON_HEAD + "{\"data\":{\"id\"");
		this.server.enqueue(stall, stall);
		InteractorClient client = new InteractorClient(
				clientBuilder(this.server.url("/api/v1")).retryPolicy(new RetryPolicy(1, Duration.ZERO,
						Duration.ZERO, Duration.ZERO)).build());
		assertThatExceptionOfType(InteractorTimeoutException.class)
			.isThrownBy(() -> client.assistants().get(NS, "asst_1"))
			.withCauseInstanceOf(ReadTimeoutException.class);
		assertThat(this.server.requests()).hasSize(2);
	}

	@Test
	void reactiveCallsSignalOnlyInteractorExceptions() {
		Action cut = Action.writeAndClose(JSON_HEAD + "{\"data\":{\"id\"");
		Action stall = Action.writeAndStall(JSON_HEAD + "{\"data\":{\"id\"");
		this.server.enqueue(cut, stall);
		ReactiveInteractorClient client = clientBuilder(this.server.url("/api/v1")).retryPolicy(RetryPolicy.NONE)
			.build();
		StepVerifier.create(client.assistants().get(NS, "asst_1"))
			.expectErrorSatisfies((ex) -> assertThat(ex).isInstanceOf(InteractorNetworkException.class)
				.hasCauseInstanceOf(PrematureCloseException.class))
			.verify(Duration.ofSeconds(10));
		StepVerifier.create(client.assistants().get(NS, "asst_1"))
			.expectErrorSatisfies((ex) -> assertThat(ex).isInstanceOf(InteractorTimeoutException.class)
				.hasCauseInstanceOf(ReadTimeoutException.class))
			.verify(Duration.ofSeconds(10));
	}

	@Test
	void malformedJsonInA2xxBodyIsATypedExceptionAndNotRetried() {
		String notJson = "{\"data\":{\"id\"::::::::::}";
		this.server.enqueue(Action.writeAndClose("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n"
				+ "Content-Length: " + notJson.length() + "\r\nConnection: close\r\n\r\n" + notJson));
		InteractorClient client = new InteractorClient(clientBuilder(this.server.url("/api/v1")).build());
		assertThatExceptionOfType(InteractorException.class).isThrownBy(() -> client.assistants().get(NS, "asst_1"))
			.withMessageContaining("not JSON")
			.withMessageNotContaining("::::");
		// The bytes arrived complete: reading them again cannot help.
		assertThat(this.server.requests()).hasSize(1);
	}

	@Test
	void dataOfTheWrongShapeIsATypedException() {
		String wrongShape = "{\"data\":[1,2,3]}";
		this.server.enqueue(Action.writeAndClose("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n"
				+ "Content-Length: " + wrongShape.length() + "\r\nConnection: close\r\n\r\n" + wrongShape));
		InteractorClient client = new InteractorClient(clientBuilder(this.server.url("/api/v1")).build());
		assertThatExceptionOfType(InteractorException.class).isThrownBy(() -> client.assistants().get(NS, "asst_1"))
			.withMessageContaining("Assistant");
	}

	@Test
	void tokenResponseCutShortIsRetriedLikeAnyOther() {
		String token = "{\"access_token\":\"token-1\",\"expires_in\":900}";
		String head = "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: " + token.length()
				+ "\r\nConnection: close\r\n\r\n";
		this.server.enqueue(Action.writeAndClose(head + token.substring(0, 10)), Action.writeAndClose(head + token),
				JSON_OK);
		InteractorClient client = new InteractorClient(credentialsClientBuilder().build());
		assertThat(client.assistants().get(NS, "asst_1").id()).isEqualTo("asst_1");
		assertThat(this.server.requests()).extracting(RawHttpServer.Request::requestLine)
			.containsExactly("POST /auth/oauth/token HTTP/1.1", "POST /auth/oauth/token HTTP/1.1",
					"GET /api/v1/assistants/asst_1 HTTP/1.1");
		assertThat(this.server.requests().get(2).header("Authorization")).isEqualTo("Bearer token-1");
	}

	@Test
	void tokenEndpointFailingEveryAttemptFailsTheCallOnceWithoutReachingTheCoreApi() {
		Action cut = Action.writeAndClose(JSON_HEAD + "{\"data\":{\"id\"");
		for (int i = 0; i < 20; i++) {
			this.server.enqueue(cut);
		}
		InteractorClient client = new InteractorClient(credentialsClientBuilder().build());
		assertThatExceptionOfType(InteractorNetworkException.class)
			.isThrownBy(() -> client.assistants().get(NS, "asst_1"))
			.withMessageContaining("token")
			.withCauseInstanceOf(PrematureCloseException.class);
		// The token request is retried; the call is not retried on top of it (that would be 16 token requests).
		assertThat(this.server.requests()).hasSize(1 + RETRY_3.maxRetries())
			.allSatisfy((request) -> assertThat(request.requestLine()).startsWith("POST /auth/oauth/token"));
	}

	@Test
	void malformedTokenResponseIsATypedExceptionAndNotRetried() {
		String notJson = "{\"access_token\":";
		this.server.enqueue(Action.writeAndClose("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n"
				+ "Content-Length: " + notJson.length() + "\r\nConnection: close\r\n\r\n" + notJson));
		InteractorClient client = new InteractorClient(credentialsClientBuilder().build());
		assertThatExceptionOfType(InteractorException.class).isThrownBy(() -> client.assistants().get(NS, "asst_1"))
			.withMessageContaining("token endpoint");
		assertThat(this.server.requests()).hasSize(1);
	}

	@Test
	void interruptedBlockingCallIsCancelledAndThrowsAnInteractorException() throws Exception {
		this.server.enqueue(Action.writeAndStall(JSON_HEAD + "{\"data\":{\"id\""));
		InteractorClient client = new InteractorClient(
				clientBuilder(this.server.url("/api/v1")).responseTimeout(Duration.ofSeconds(30)).build());
		AtomicReference<Throwable> failure = new AtomicReference<>();
		AtomicBoolean interruptKept = new AtomicBoolean();
		Thread caller = new Thread(() -> {
			try {
				client.assistants().get(NS, "asst_1");
			}
			catch (RuntimeException ex) {
				failure.set(ex);
				interruptKept.set(Thread.currentThread().isInterrupted());
			}
		});
		caller.start();
		await().atMost(Duration.ofSeconds(10)).until(() -> this.server.requests().size() == 1);
		caller.interrupt();
		caller.join(Duration.ofSeconds(10).toMillis());
		assertThat(caller.isAlive()).isFalse();
		assertThat(failure.get()).isInstanceOf(InteractorException.class)
			.hasCauseInstanceOf(InterruptedException.class);
		assertThat(interruptKept).isTrue();
		// Cancelled, not left running: the connection is closed and nothing is retried.
		await().atMost(Duration.ofSeconds(10)).until(() -> this.server.openConnections() == 0);
		assertThat(this.server.requests()).hasSize(1);
	}

	private void perform(InteractorClient client, Call call) {
		switch (call) {
			case GET -> assertThat(client.assistants().get(NS, "asst_1").id()).isEqualTo("asst_1");
			case POST_WITH_KEY -> assertThat(client.assistants()
				.create(NS, CreateAssistantRequest.of("support", "gpt-4o", "Be kind"),
						RequestOptions.idempotencyKey("order-42"))
				.id()).isEqualTo("asst_1");
			case POST_WITHOUT_KEY -> client.rooms()
				.submitToolResult(NS, "room_1", new SubmitToolResultRequest("call_1", Map.of("ok", true)));
			case STREAM_CONNECT -> {
				try (EventStream events = client.rooms().stream(NS, "room_1", STREAM)) {
					StreamEvent first = events.next();
					assertThat(first.id()).isEqualTo("1");
				}
			}
		}
	}

	private int attempts() {
		return this.attempts.get();
	}

	private String baseUrl(Fault fault) throws IOException {
		return switch (fault) {
			case CONNECTION_REFUSED -> "http://127.0.0.1:" + closedPort() + "/api/v1";
			// Reserved never to resolve (RFC 6761); answered by NxdomainResolverGroup, so no query leaves the machine.
			case DNS_FAILURE -> "http://nonexistent.invalid/api/v1";
			default -> this.server.url("/api/v1");
		};
	}

	private static int closedPort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

	private ReactiveInteractorClient.Builder clientBuilder(String coreApiUrl) {
		return baseBuilder(coreApiUrl).tokenProvider(new StaticTokenProvider());
	}

	private ReactiveInteractorClient.Builder baseBuilder(String coreApiUrl) {
		return ReactiveInteractorClient.builder()
			.coreApiUrl(coreApiUrl)
			.responseTimeout(RESPONSE_TIMEOUT)
			.retryPolicy(RETRY_3)
			.jitter(() -> 0)
			.observationRegistry(this.observations);
	}

	private ReactiveInteractorClient.Builder credentialsClientBuilder() {
		return baseBuilder(this.server.url("/api/v1")).credentials("client_test", "secret_do_not_leak_7f3a")
			.accountServerUrl(this.server.url("/auth"));
	}

	/**
	 * A resolver answering every name as a DNS server answers a name that does not exist, in the form Netty's own
	 * resolvers fail with ({@link UnknownHostException}): tests send no query to the machine's name server.
	 */
	static final class NxdomainResolverGroup extends AddressResolverGroup<InetSocketAddress> {

		static final NxdomainResolverGroup INSTANCE = new NxdomainResolverGroup();

		@Override
		protected AddressResolver<InetSocketAddress> newResolver(EventExecutor executor) {
			return new InetSocketAddressResolver(executor, new InetNameResolver(executor) {

				@Override
				protected void doResolve(String host, Promise<InetAddress> promise) {
					promise.setFailure(new UnknownHostException(host));
				}

				@Override
				protected void doResolveAll(String host, Promise<List<InetAddress>> promise) {
					promise.setFailure(new UnknownHostException(host));
				}

			});
		}

	}

	/** The Core API is what is under test here: a token is always at hand. */
	static final class StaticTokenProvider implements AccessTokenProvider {

		private final AccessToken token = new AccessToken("token-1", Instant.now(),
				Instant.now().plus(Duration.ofHours(1)), null);

		@Override
		public Mono<AccessToken> getToken() {
			return Mono.just(this.token);
		}

		@Override
		public void invalidate(AccessToken token) {
		}

	}

}
