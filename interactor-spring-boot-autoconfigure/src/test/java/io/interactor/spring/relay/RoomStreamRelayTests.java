package io.interactor.spring.relay;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import io.interactor.spring.client.stream.StreamSettings;
import io.interactor.spring.client.testsupport.MockCoreApi;
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

	private MockCoreApi api;

	@BeforeEach
	void start() throws Exception {
		this.api = new MockCoreApi();
	}

	@AfterEach
	void stop() {
		this.upstreams.forEach(UpstreamStream::stop);
		this.api.close();
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
		StepVerifier.create(relay(RoomStreamRelay.DEFAULT_KEEP_ALIVE).relay(NS, "room_1", null).take(3))
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
		StepVerifier.create(relay(RoomStreamRelay.DEFAULT_KEEP_ALIVE).relay(NS, "room_1", "5\r\nX-Injected: 1").take(1))
			.expectNextCount(1)
			.expectComplete()
			.verify(TIMEOUT);
		assertThat(this.api.coreRequests().get(0).getHeaders().get("Last-Event-ID")).isNull();
		assertThat(this.api.coreRequests().get(0).getHeaders().get("X-Injected")).isNull();
	}

	@Test
	void idleRelayWritesKeepAliveComments() {
		upstream("id: 1\nevent: message.delta\ndata: {\"content\":\"a\"}\n\n");
		StepVerifier.create(relay(Duration.ofMillis(50)).relay(NS, "room_1", null)
			.filter((event) -> "keep-alive".equals(event.comment()))
			.take(2))
			.expectNextCount(2)
			.expectComplete()
			.verify(TIMEOUT);
	}

	@Test
	void exhaustedReconnectsEndWithAnUnavailableErrorEventThatNamesNoRoom() {
		for (int i = 0; i < 2; i++) {
			this.api.on("GET", "/rooms/room_1/stream",
					MockCoreApi.json(503, "{\"error\":{\"code\":\"unavailable\",\"message\":\"secret detail\"}}"));
		}
		StepVerifier.create(relay(RoomStreamRelay.DEFAULT_KEEP_ALIVE).relay(NS, "room_1", null))
			.assertNext((event) -> {
				assertThat(event.event()).isEqualTo("error");
				assertThat(event.data().path("error").path("code").asString())
					.isEqualTo(RoomStreamRelay.UNAVAILABLE);
				assertThat(event.data().toString()).doesNotContain("room_1", NS, "secret detail");
			})
			.expectComplete()
			.verify(TIMEOUT);
		assertThat(this.api.coreRequests()).hasSize(2);
	}

	@Test
	void keepAliveMustBePositive() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new RoomStreamRelay(this.api.reactiveClient(), FAST, Duration.ZERO))
			.withMessageContaining("keepAlive");
	}

	private RoomStreamRelay relay(Duration keepAlive) {
		return new RoomStreamRelay(this.api.reactiveClient(), FAST, keepAlive);
	}

	private void upstream(String events) {
		UpstreamStream upstream = new UpstreamStream(events);
		this.upstreams.add(upstream);
		this.api.on("GET", "/rooms/room_1/stream", upstream.response());
	}

}
