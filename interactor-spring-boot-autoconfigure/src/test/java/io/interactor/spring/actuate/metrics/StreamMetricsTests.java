package io.interactor.spring.actuate.metrics;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import io.interactor.spring.client.ReactiveInteractorClient;
import io.interactor.spring.client.stream.StreamSettings;
import io.interactor.spring.test.PeerRequests;
import io.interactor.spring.test.ReceivedRequests;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import mockwebserver3.MockResponse;
import mockwebserver3.MockResponseBody;
import mockwebserver3.MockWebServer;
import okio.BufferedSink;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;

import static io.interactor.spring.test.PeerRequests.noRetryClientBuilder;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Event stream metrics against a real HTTP peer: the active connection gauge and the disconnect counter by reason.
 */
class StreamMetricsTests {

	private static final String NS = "user_123";

	private static final Duration TIMEOUT = Duration.ofSeconds(10);

	private static final StreamSettings FAST = StreamSettings.defaults()
		.withBackoff(Duration.ofMillis(10), Duration.ofMillis(50))
		.withJitter(0)
		.withMaxAttempts(2);

	/** Released after each test so that stalled response bodies let their server threads go. */
	private final CountDownLatch testDone = new CountDownLatch(1);

	private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

	private MockWebServer server;

	private ReceivedRequests received;

	private ReactiveInteractorClient client;

	@BeforeEach
	void start() throws Exception {
		this.server = PeerRequests.start(PeerRequests.notFound());
		this.received = new ReceivedRequests(this.server);
		this.client = noRetryClientBuilder(this.server)
			.observationRegistry(ClientMetricsTests.observing(new InteractorMeterObservationHandler(this.registry)))
			.build();
	}

	@AfterEach
	void stop() {
		this.testDone.countDown();
		this.server.close();
	}

	@Test
	void openConnectionIsCountedUntilTheSubscriberCancels() {
		assertThat(active("room")).isZero();
		this.server.enqueue(streaming(new StallingBody("id: 1\ndata: {\"type\":\"ping\"}\n\n")));
		StepVerifier.create(this.client.rooms().stream(NS, "room_1", FAST).take(1))
			.assertNext((event) -> assertThat(active("room")).isEqualTo(1))
			.expectComplete()
			.verify(TIMEOUT);
		await().atMost(TIMEOUT).until(() -> active("room") == 0);
		assertThat(disconnects("room", "client_close")).isEqualTo(1);
		assertThat(active("workflow")).isZero();
		ClientMetricsTests.assertNoTagContains(this.registry, "room_1", NS);
	}

	@Test
	void missedHeartbeatIsCountedAsATimeoutDisconnect() {
		// A first stream warms up token, connection pool and JIT: a cold first connection could take longer than
		// the short heartbeat timeout below and time out before its first event.
		this.server.enqueue(sse("id: 0\ndata: {\"type\":\"warm\"}\n\n"));
		StepVerifier.create(this.client.rooms().stream(NS, "room_0", FAST).take(1))
			.expectNextCount(1)
			.expectComplete()
			.verify(TIMEOUT);
		this.server.enqueue(streaming(new StallingBody("id: 1\ndata: {\"type\":\"a\"}\n\n")));
		this.server.enqueue(sse("id: 2\ndata: {\"type\":\"b\"}\n\n"));
		StepVerifier
			.create(this.client.rooms().stream(NS, "room_1", FAST.withHeartbeatTimeout(Duration.ofMillis(500))).take(2))
			.expectNextCount(2)
			.expectComplete()
			.verify(TIMEOUT);
		await().atMost(TIMEOUT).until(() -> active("room") == 0);
		assertThat(disconnects("room", "timeout")).isEqualTo(1);
	}

	@Test
	void serverClosingTheStreamIsCountedAsAServerClose() {
		this.server.enqueue(sse("id: 7\ndata: {\"state\":\"review\"}\n\n"));
		this.server.enqueue(sse("id: 8\ndata: {\"state\":\"done\"}\n\n"));
		StepVerifier.create(this.client.workflowInstances().stream(NS, "wfi_1", FAST).take(2))
			.expectNextCount(2)
			.expectComplete()
			.verify(TIMEOUT);
		await().atMost(TIMEOUT).until(() -> active("workflow") == 0);
		assertThat(disconnects("workflow", "server_close")).isGreaterThanOrEqualTo(1);
		assertThat(this.registry.get("interactor.requests")
			.tags("endpoint", "/workflow-instances/{instanceId}/stream", "status", "200")
			.counter()
			.count()).isEqualTo(2);
		ClientMetricsTests.assertNoTagContains(this.registry, "wfi_1", NS);
	}

	@Test
	void refusedConnectionIsNoDisconnectButAnError() {
		StepVerifier.create(this.client.rooms().stream(NS, "room_missing", FAST)).expectError().verify(TIMEOUT);
		assertThat(active("room")).isZero();
		assertThat(this.registry.find("interactor.sse.disconnects").counters()).isEmpty();
		assertThat(this.registry.get("interactor.errors").tags("type", "not_found").counter().count()).isEqualTo(1);
	}

	private double active(String type) {
		return this.registry.get("interactor.sse.connections.active").tags("type", type).gauge().value();
	}

	private double disconnects(String type, String reason) {
		return this.registry.get("interactor.sse.disconnects").tags("type", type, "reason", reason).counter().count();
	}

	private static MockResponse streaming(MockResponseBody body) {
		return new MockResponse.Builder().setHeader("Content-Type", "text/event-stream")
			.body(body)
			.removeHeader("Content-Length")
			.setHeader("Connection", "close")
			.build();
	}

	private static MockResponse sse(String body) {
		return new MockResponse.Builder().setHeader("Content-Type", "text/event-stream").body(body).build();
	}

	/** Writes some events, then stays silent (connection open) until the test ends. */
	private final class StallingBody implements MockResponseBody {

		private final String events;

		StallingBody(String events) {
			this.events = events;
		}

		@Override
		public long getContentLength() {
			return -1;
		}

		@Override
		public void writeTo(BufferedSink sink) throws IOException {
			sink.writeUtf8(this.events);
			sink.flush();
			try {
				StreamMetricsTests.this.testDone.await(30, TimeUnit.SECONDS);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}

	}

}
