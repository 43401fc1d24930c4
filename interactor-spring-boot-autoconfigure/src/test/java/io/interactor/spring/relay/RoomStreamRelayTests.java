package io.interactor.spring.relay;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import io.interactor.spring.client.stream.StreamSettings;
import io.interactor.spring.test.PeerRequests;
import io.interactor.spring.test.ReceivedRequests;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;
import tools.jackson.databind.node.StringNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * {@link RoomStreamRelay} against a real upstream HTTP peer, without a web server in front: how events, heartbeats
 * and failures become server-sent events, which {@code Last-Event-ID} goes upstream, and keep-alive comments.
 */
class RoomStreamRelayTests {

	private static final String NS = "user_42";

	private static final Duration TIMEOUT = Duration.ofSeconds(10);

	/** Fast reconnects without jitter, one attempt: failures surface within the test. */
	private static final StreamSettings FAST = StreamSettings.defaults()
		.withBackoff(Duration.ofMillis(10), Duration.ofMillis(50))
		.withJitter(0)
		.withMaxAttempts(1);

	private final List<UpstreamStream> upstreams = new ArrayList<>();

	private final CountDownLatch testDone = new CountDownLatch(1);

	// Answers the queued responses in order; each test's client asks for one room's stream only.
	private MockWebServer server;

	private ReceivedRequests requests;

	@BeforeEach
	void start() throws Exception {
		this.server = PeerRequests.start(PeerRequests.notFound());
		this.requests = new ReceivedRequests(this.server);
	}

	@AfterEach
	void stop() {
		this.upstreams.forEach(UpstreamStream::stop);
		this.testDone.countDown();
		this.server.close();
	}

	@Test
	void eventsWithoutJsonOrDataArePassedOnAsTheyCame() {
		upstream("""
				id: 7
				event: custom.note
				data: plain text

				event: done
				data

				""");
		StepVerifier.create(relay(RoomStreamRelay.DEFAULT_KEEP_ALIVE).relay(NS, "room_1", null)
			.filter((event) -> !RoomStreamRelay.KEEP_ALIVE_COMMENT.equals(event.comment()))
			.take(3))
			.assertNext((event) -> {
				assertThat(event.event()).isEqualTo("custom.note");
				assertThat(event.id()).isEqualTo("7");
				assertThat(event.data()).isEqualTo(StringNode.valueOf("plain text"));
			})
			.assertNext((event) -> {
				assertThat(event.event()).isEqualTo("done");
				assertThat(event.data()).isNull();
			})
			.assertNext((event) -> {
				assertThat(event.comment()).isEqualTo("heartbeat");
				assertThat(event.event()).isNull();
			})
			.expectComplete()
			.verify(TIMEOUT);
	}

	@Test
	void lastEventIdThatCannotBeAHeaderValueIsNotSentUpstream() {
		upstream("id: 1\nevent: message.delta\ndata: {\"content\":\"a\"}\n\n");
		StepVerifier.create(relay(RoomStreamRelay.DEFAULT_KEEP_ALIVE).relay(NS, "room_1", "5\r\nX-Injected: 1")
			.filter((event) -> event.comment() == null)
			.take(1))
			.expectNextCount(1)
			.expectComplete()
			.verify(TIMEOUT);
		RecordedRequest request = this.requests.all().get(0);
		assertThat(request.getTarget()).isEqualTo("/api/v1/rooms/room_1/stream");
		assertThat(request.getHeaders().get("Last-Event-ID")).isNull();
		assertThat(request.getHeaders().get("X-Injected")).isNull();
	}

	@Test
	void relayOpensWithAKeepAliveCommentBeforeTheUpstreamAnswers() {
		// The upstream does not answer before the test ends: only the relay's own comment can arrive.
		this.server.setDispatcher(new Dispatcher() {

			@Override
			public MockResponse dispatch(RecordedRequest request) throws InterruptedException {
				RoomStreamRelayTests.this.testDone.await(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
				return PeerRequests.json(503, "{}");
			}

		});
		StepVerifier.create(relay(RoomStreamRelay.DEFAULT_KEEP_ALIVE).relay(NS, "room_1", null).take(1))
			.assertNext((event) -> assertThat(event.comment()).isEqualTo(RoomStreamRelay.KEEP_ALIVE_COMMENT))
			.expectComplete()
			.verify(TIMEOUT);
	}

	@Test
	void relayWritesKeepAliveCommentsEveryInterval() {
		upstream("id: 1\nevent: message.delta\ndata: {\"content\":\"a\"}\n\n");
		StepVerifier.create(relay(Duration.ofMillis(50)).relay(NS, "room_1", null)
			.filter((event) -> RoomStreamRelay.KEEP_ALIVE_COMMENT.equals(event.comment()))
			.take(3))
			.expectNextCount(3)
			.expectComplete()
			.verify(TIMEOUT);
	}

	@Test
	void exhaustedReconnectsEndWithAnUnavailableErrorEventThatNamesNoRoom() {
		for (int i = 0; i < 2; i++) {
			this.server.enqueue(
					PeerRequests.json(503, "{\"error\":{\"code\":\"unavailable\",\"message\":\"secret detail\"}}"));
		}
		StepVerifier.create(relay(RoomStreamRelay.DEFAULT_KEEP_ALIVE).relay(NS, "room_1", null)
			.filter((event) -> event.comment() == null))
			.assertNext((event) -> {
				assertThat(event.event()).isEqualTo("error");
				assertThat(event.data().path("error").path("code").asString())
					.isEqualTo(RoomStreamRelay.UNAVAILABLE);
				assertThat(event.data().toString()).doesNotContain("room_1", NS, "secret detail");
			})
			.expectComplete()
			.verify(TIMEOUT);
		assertThat(this.requests.all()).extracting(RecordedRequest::getTarget)
			.containsExactly("/api/v1/rooms/room_1/stream", "/api/v1/rooms/room_1/stream");
	}

	@Test
	void keepAliveMustBePositive() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new RoomStreamRelay(PeerRequests.reactiveClient(this.server), FAST, Duration.ZERO))
			.withMessageContaining("keepAlive");
	}

	private RoomStreamRelay relay(Duration keepAlive) {
		return new RoomStreamRelay(PeerRequests.reactiveClient(this.server), FAST, keepAlive);
	}

	private void upstream(String events) {
		UpstreamStream upstream = new UpstreamStream(events);
		this.upstreams.add(upstream);
		this.server.enqueue(upstream.response());
	}

}
