package io.interactor.spring.client.stream;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import io.interactor.spring.client.InteractorClient;
import io.interactor.spring.client.ReactiveInteractorClient;
import io.interactor.spring.client.auth.AccessToken;
import io.interactor.spring.client.auth.AccessTokenProvider;
import io.interactor.spring.client.error.InteractorNotFoundException;
import io.interactor.spring.client.error.InteractorServerException;
import io.interactor.spring.client.error.InteractorStreamException;
import io.interactor.spring.test.PeerRequests;
import io.interactor.spring.test.ReceivedRequests;
import mockwebserver3.MockResponse;
import mockwebserver3.MockResponseBody;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.SocketEffect;
import okio.BufferedSink;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

import static io.interactor.spring.test.PeerRequests.blockingClient;
import static io.interactor.spring.test.PeerRequests.json;
import static io.interactor.spring.test.PeerRequests.noRetryClientBuilder;
import static io.interactor.spring.test.PeerRequests.reactiveClient;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.awaitility.Awaitility.await;

/**
 * Server-sent event streams against a real HTTP peer: parsing, reconnect with {@code Last-Event-ID} and a fresh
 * token, the heartbeat watchdog, giving up, and closing the connection on cancel.
 */
class EventStreamTest {

	private static final String NS = "user_123";

	private static final Duration TIMEOUT = Duration.ofSeconds(10);

	/** Short waits, so that reconnects happen within the test; no jitter, so they are predictable. */
	private static final StreamSettings FAST = StreamSettings.defaults()
		.withBackoff(Duration.ofMillis(10), Duration.ofMillis(50))
		.withJitter(0)
		.withMaxAttempts(2);

	/** Released after each test so that stalled response bodies let their server threads go. */
	private final CountDownLatch testDone = new CountDownLatch(1);

	private MockWebServer server;

	private ReceivedRequests received;

	@BeforeEach
	void start() throws Exception {
		this.server = PeerRequests.start(PeerRequests.notFound());
		this.received = new ReceivedRequests(this.server);
	}

	@AfterEach
	void stop() {
		this.testDone.countDown();
		this.server.close();
	}

	@Test
	void eventsAreParsedInOrderAndAuthenticatedByHeader() {
		this.server.enqueue(sse("""
				: connected

				id: 1
				event: message_delta
				data: {"id":"msg_1","delta":"Hel"}

				id: 2
				data: {"type":"message.delta",
				data: "content":"lo"}

				event: custom.unknown
				data: plain text

				event: heartbeat
				data: {"timestamp":1}

				"""));
		StepVerifier.create(reactiveClient(this.server).rooms().stream(NS, "room_1", FAST).take(4))
			.assertNext((event) -> {
				assertThat(event.event()).isEqualTo("message_delta");
				assertThat(event.id()).isEqualTo("1");
				assertThat(event.type()).isEqualTo("message_delta");
				assertThat(event.textDelta()).hasValue("Hel");
				assertThat(event.receivedAt()).isNotNull();
			})
			.assertNext((event) -> {
				// A frame without event: is a "message"; data lines are joined; data.type wins as the type.
				assertThat(event.event()).isEqualTo("message");
				assertThat(event.type()).isEqualTo(StreamEventTypes.MESSAGE_DELTA);
				assertThat(event.textDelta()).hasValue("lo");
			})
			.assertNext((event) -> {
				assertThat(event.type()).isEqualTo("custom.unknown");
				assertThat(event.data().asString()).isEqualTo("plain text");
			})
			.assertNext((event) -> assertThat(event.isHeartbeat()).isTrue())
			.expectComplete()
			.verify(TIMEOUT);
		RecordedRequest request = this.received.all().get(0);
		assertThat(request.getTarget()).isEqualTo("/api/v1/rooms/room_1/stream");
		assertThat(request.getHeaders().get("Accept")).isEqualTo("text/event-stream");
		assertThat(request.getHeaders().get("Authorization")).isEqualTo("Bearer token-1");
		assertThat(request.getHeaders().get("X-Namespace")).isEqualTo(NS);
		assertThat(request.getHeaders().get("Last-Event-ID")).isNull();
	}

	@Test
	void droppedConnectionIsReopenedWithLastEventIdAndAFreshToken() {
		AtomicInteger tokens = new AtomicInteger();
		ReactiveInteractorClient client = noRetryClientBuilder(this.server)
			.tokenProvider(new CountingTokenProvider(tokens))
			.build();
		this.server
			.enqueue(dropping(new DroppingBody("id: 7\nevent: state_changed\ndata: {\"state\":\"review\"}\n\n")));
		this.server.enqueue(sse("id: 8\nevent: completed\ndata: {\"status\":\"completed\"}\n\n"));
		StepVerifier.create(client.workflowInstances().stream(NS, "wfi_1", FAST).take(2))
			.assertNext((event) -> assertThat(event.workflowState()).hasValue("review"))
			.assertNext((event) -> assertThat(event.isWorkflowFinished()).isTrue())
			.expectComplete()
			.verify(TIMEOUT);
		List<RecordedRequest> requests = this.received.all();
		assertThat(requests).hasSize(2);
		assertThat(requests.get(0).getHeaders().get("Authorization")).isEqualTo("Bearer token-1");
		assertThat(requests.get(1).getHeaders().get("Authorization")).isEqualTo("Bearer token-2");
		assertThat(requests.get(1).getHeaders().get("Last-Event-ID")).isEqualTo("7");
	}

	@Test
	void givenLastEventIdIsSentUntilTheServerSendsAnIdOfItsOwn() {
		this.server.enqueue(dropping(new DroppingBody(": nothing new yet\n\n")));
		this.server.enqueue(sse("event: message.delta\ndata: {\"content\":\"a\"}\n\n"
				+ "id: 42\nevent: message.delta\ndata: {\"content\":\"b\"}\n\n"));
		StepVerifier.create(reactiveClient(this.server).rooms().stream(NS, "room_1", FAST, "41").take(2))
			// An event without id: carries the id the stream resumed from.
			.assertNext((event) -> assertThat(event.id()).isEqualTo("41"))
			.assertNext((event) -> assertThat(event.id()).isEqualTo("42"))
			.expectComplete()
			.verify(TIMEOUT);
		assertThat(this.received.all()).extracting((request) -> request.getHeaders().get("Last-Event-ID"))
			.containsExactly("41", "41");
	}

	@Test
	void lastEventIdThatCannotBeAHeaderValueIsRejectedBeforeAnyRequest() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> reactiveClient(this.server).rooms().stream(NS, "room_1", FAST, "41\r\nX-Injected: 1"))
			.withMessageContaining("lastEventId");
		assertThat(this.received.all()).isEmpty();
	}

	@Test
	void blockingStreamResumesAfterTheGivenLastEventId() {
		EndlessBody body = new EndlessBody("id: 42\nevent: message.delta\ndata: {\"content\":\"a\"}\n\n",
				this.testDone);
		this.server.enqueue(streaming(body));
		try (EventStream events = blockingClient(this.server).rooms().stream(NS, "room_1", FAST, "41")) {
			assertThat(events.next().id()).isEqualTo("42");
		}
		assertThat(this.received.all().get(0).getHeaders().get("Last-Event-ID")).isEqualTo("41");
	}

	@Test
	void silenceBeyondTheHeartbeatTimeoutForcesAReconnect() {
		this.server.enqueue(streaming(
				new StallingBody("id: 1\ndata: {\"type\":\"message.delta\",\"content\":\"a\"}\n\n", this.testDone)));
		this.server.enqueue(sse("id: 2\ndata: {\"type\":\"message.delta\",\"content\":\"b\"}\n\n"));
		StreamSettings settings = FAST.withHeartbeatTimeout(Duration.ofMillis(300));
		StepVerifier.create(reactiveClient(this.server).rooms().stream(NS, "room_1", settings).take(2))
			.assertNext((event) -> assertThat(event.id()).isEqualTo("1"))
			.assertNext((event) -> assertThat(event.id()).isEqualTo("2"))
			.expectComplete()
			.verify(TIMEOUT);
		assertThat(this.received.all()).hasSize(2);
		assertThat(this.received.all().get(1).getHeaders().get("Last-Event-ID")).isEqualTo("1");
	}

	@Test
	void exhaustedReconnectAttemptsFailWithAStreamException() {
		for (int i = 0; i < 3; i++) {
			this.server.enqueue(json(503, "{\"error\":{\"code\":\"unavailable\",\"message\":\"later\"}}"));
		}
		StepVerifier.create(reactiveClient(this.server).rooms().stream(NS, "room_1", FAST))
			.expectErrorSatisfies((ex) -> {
				assertThat(ex).isInstanceOf(InteractorStreamException.class)
					.hasCauseInstanceOf(InteractorServerException.class)
					.hasMessageContaining("/rooms/{roomId}/stream")
					.hasMessageNotContaining("room_1");
				assertThat(((InteractorStreamException) ex).attempts()).isEqualTo(2);
			})
			.verify(TIMEOUT);
		assertThat(this.received.all()).hasSize(3);
	}

	@Test
	void statusesAReconnectCannotFixEndTheStreamAtOnce() {
		StepVerifier.create(reactiveClient(this.server).rooms().stream(NS, "room_x", FAST))
			.expectError(InteractorNotFoundException.class)
			.verify(TIMEOUT);
		assertThat(this.received.all()).hasSize(1);
	}

	@Test
	void cancellingTheSubscriptionClosesTheConnection() {
		EndlessBody body = new EndlessBody("id: 1\ndata: {\"type\":\"ping\"}\n\n", this.testDone);
		this.server.enqueue(streaming(body));
		StepVerifier.create(reactiveClient(this.server).rooms().stream(NS, "room_1", FAST).take(1))
			.expectNextCount(1)
			.expectComplete()
			.verify(TIMEOUT);
		await().atMost(TIMEOUT).until(() -> body.clientClosed.getCount() == 0);
		assertThat(this.received.all()).hasSize(1);
	}

	@Test
	void closingABlockingEventStreamClosesTheConnection() {
		EndlessBody body = new EndlessBody("id: 1\nevent: message\ndata: {\"id\":\"m1\",\"content\":\"hi\"}\n\n",
				this.testDone);
		this.server.enqueue(streaming(body));
		InteractorClient client = blockingClient(this.server);
		try (EventStream events = client.rooms().stream(NS, "room_1", FAST)) {
			assertThat(events.hasNext()).isTrue();
			assertThat(events.next().completedMessage()).hasValueSatisfying(
					(message) -> assertThat(message.get("content").asString()).isEqualTo("hi"));
		}
		await().atMost(TIMEOUT).until(() -> body.clientClosed.getCount() == 0);
	}

	/** A response whose body is written as it goes and ends when the connection closes. */
	private static MockResponse streaming(MockResponseBody body) {
		return new MockResponse.Builder().setHeader("Content-Type", "text/event-stream")
			.body(body)
			.removeHeader("Content-Length")
			.setHeader("Connection", "close")
			.build();
	}

	/** A streamed response after which the server closes the socket, as a crashed or restarted server would. */
	private static MockResponse dropping(MockResponseBody body) {
		return new MockResponse.Builder(streaming(body)).onResponseEnd(new SocketEffect.CloseSocket()).build();
	}

	private static MockResponse sse(String body) {
		return new MockResponse.Builder().setHeader("Content-Type", "text/event-stream").body(body).build();
	}

	/** Hands out a new token on every request, as a provider does after expiry or invalidation. */
	private record CountingTokenProvider(AtomicInteger count) implements AccessTokenProvider {

		@Override
		public Mono<AccessToken> getToken() {
			return Mono.fromSupplier(() -> new AccessToken("token-" + this.count.incrementAndGet(), Instant.now(),
					Instant.now().plusSeconds(900), null));
		}

		@Override
		public void invalidate(AccessToken token) {
		}

	}

	/** Writes some events, then the server drops the connection (the client cannot tell it from a crash). */
	private record DroppingBody(String events) implements MockResponseBody {

		@Override
		public long getContentLength() {
			return -1;
		}

		@Override
		public void writeTo(BufferedSink sink) throws IOException {
			sink.writeUtf8(this.events);
			sink.flush();
			// The response's onResponseEnd effect then closes the socket.
		}

	}

	/** Writes some events, then stays silent (connection open) until the test ends. */
	private record StallingBody(String events, CountDownLatch testDone) implements MockResponseBody {

		@Override
		public long getContentLength() {
			return -1;
		}

		@Override
		public void writeTo(BufferedSink sink) throws IOException {
			sink.writeUtf8(this.events);
			sink.flush();
			try {
				this.testDone.await(30, TimeUnit.SECONDS);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}

	}

	/** Writes an event, then keep-alive comments until the client closes the connection. */
	private static final class EndlessBody implements MockResponseBody {

		final CountDownLatch clientClosed = new CountDownLatch(1);

		private final String first;

		private final CountDownLatch testDone;

		EndlessBody(String first, CountDownLatch testDone) {
			this.first = first;
			this.testDone = testDone;
		}

		@Override
		public long getContentLength() {
			return -1;
		}

		@Override
		public void writeTo(BufferedSink sink) throws IOException {
			try {
				sink.writeUtf8(this.first);
				sink.flush();
				// Paced by a timed wait on the end of the test; a write fails once the client has closed.
				while (!this.testDone.await(20, TimeUnit.MILLISECONDS)) {
					sink.writeUtf8(": keep-alive\n\n");
					sink.flush();
				}
			}
			catch (IOException ex) {
				this.clientClosed.countDown();
				throw ex;
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}

	}

}
