package io.interactor.spring.client.stream;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import io.interactor.spring.test.PeerRequests;
import io.interactor.spring.test.ReceivedRequests;
import mockwebserver3.MockResponse;
import mockwebserver3.MockResponseBody;
import mockwebserver3.MockWebServer;
import mockwebserver3.SocketEffect;
import okio.BufferedSink;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import reactor.core.Disposable;
import reactor.core.scheduler.Scheduler;
import reactor.test.StepVerifier;
import reactor.test.scheduler.VirtualTimeScheduler;

import static io.interactor.spring.test.PeerRequests.reactiveClient;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Room and workflow streams read from a real HTTP peer that writes raw bytes, in separately flushed chunks: the
 * event stream interpretation rules end to end, and malformed input that must never end a stream.
 */
class EventStreamInterpretationTests {

	private static final String NS = "user_123";

	private static final Duration TIMEOUT = Duration.ofSeconds(10);

	private static final StreamSettings FAST = StreamSettings.defaults()
		.withBackoff(Duration.ofMillis(10), Duration.ofMillis(50))
		.withJitter(0)
		.withMaxAttempts(2);

	private static final String DELTA_A = "data: {\"type\":\"message.delta\",\"content\":\"a\"}\n\n";

	private static final String DELTA_B = "data: {\"type\":\"message.delta\",\"content\":\"b\"}\n\n";

	/** Released after each test so that held-open response bodies let their server threads go. */
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

	@ParameterizedTest
	@ValueSource(strings = { "retry: none", "retry:", "retry: 1500.5", "retry: -5", "retry: ١٥٠٠" })
	void malformedRetryIsIgnoredAndTheStreamGoesOn(String retry) {
		this.server.enqueue(held(retry + "\n" + DELTA_A, DELTA_B));
		StepVerifier.create(reactiveClient(this.server).rooms().stream(NS, "room_1", FAST).take(2))
			.assertNext((event) -> assertThat(event.textDelta()).hasValue("a"))
			.assertNext((event) -> assertThat(event.textDelta()).hasValue("b"))
			.expectComplete()
			.verify(TIMEOUT);
		assertThat(this.received.all()).hasSize(1);
	}

	@Test
	void crAndCrlfLineEndsAreReadAlsoWhenSplitBetweenWrites() {
		this.server.enqueue(held("data: {\"type\":\"message.delta\",\r",
				"\ndata: \"content\":\"a\"}\r", "\n\r", "\ndata: {\"type\":\"message.delta\",\"content\":\"b\"}\r\r"));
		StepVerifier.create(reactiveClient(this.server).rooms().stream(NS, "room_1", FAST).take(2))
			.assertNext((event) -> assertThat(event.textDelta()).hasValue("a"))
			.assertNext((event) -> assertThat(event.textDelta()).hasValue("b"))
			.expectComplete()
			.verify(TIMEOUT);
		assertThat(this.received.all()).hasSize(1);
	}

	@Test
	void leadingByteOrderMarkIsIgnored() {
		// The three bytes of the mark arrive in three writes.
		this.server.enqueue(held(new byte[] { (byte) 0xEF }, new byte[] { (byte) 0xBB },
				concat(new byte[] { (byte) 0xBF }, bytes(DELTA_A))));
		StepVerifier.create(reactiveClient(this.server).rooms().stream(NS, "room_1", FAST).take(1))
			.assertNext((event) -> assertThat(event.textDelta()).hasValue("a"))
			.expectComplete()
			.verify(TIMEOUT);
	}

	@Test
	void commentsUnknownFieldsAndFieldsWithoutColonAreHandledAsInABrowser() {
		this.server.enqueue(held(
				": hi\nfoo: bar\nevent\nData: x\ndata:{\"type\":\"message.delta\",\ndata\ndata:  \"content\":\"a\"}\n\n"));
		StepVerifier.create(reactiveClient(this.server).rooms().stream(NS, "room_1", FAST).take(1))
			.assertNext((event) -> {
				assertThat(event.event()).isEqualTo("message");
				// The empty "data" line and the one kept space are part of the JSON text, which stays valid.
				assertThat(event.textDelta()).hasValue("a");
			})
			.expectComplete()
			.verify(TIMEOUT);
	}

	@Test
	void eventWithoutDataIsNotDelivered() {
		this.server.enqueue(held("event: heartbeat\n\n", ": ping\n\n", DELTA_A));
		StepVerifier.create(reactiveClient(this.server).rooms().stream(NS, "room_1", FAST).take(1))
			.assertNext((event) -> assertThat(event.textDelta()).hasValue("a"))
			.expectComplete()
			.verify(TIMEOUT);
	}

	@Test
	void lastEventIdPersistsAcrossEventsAndConnectionsAndIsSentOnReconnect() {
		this.server.enqueue(dropped("id: 7\nevent: state_changed\ndata: {\"state\":\"a\"}\n\n",
						"event: state_changed\ndata: {\"state\":\"b\"}\n\n",
						"id: 8\u0000\nevent: state_changed\ndata: {\"state\":\"c\"}\n\n", "id: 9\n\n"));
		this.server.enqueue(held("event: state_changed\ndata: {\"state\":\"d\"}\n\n"));
		StepVerifier.create(reactiveClient(this.server).workflowInstances().stream(NS, "wfi_1", FAST).take(4))
			.assertNext((event) -> assertThat(event.id()).isEqualTo("7"))
			.assertNext((event) -> assertThat(event.id()).isEqualTo("7"))
			.assertNext((event) -> {
				// An id containing NULL is ignored.
				assertThat(event.workflowState()).hasValue("c");
				assertThat(event.id()).isEqualTo("7");
			})
			.assertNext((event) -> {
				assertThat(event.workflowState()).hasValue("d");
				assertThat(event.id()).isEqualTo("9");
			})
			.expectComplete()
			.verify(TIMEOUT);
		assertThat(this.received.all()).hasSize(2);
		assertThat(this.received.all().get(0).getHeaders().get("Last-Event-ID")).isNull();
		// Set by an event without data, which was never delivered.
		assertThat(this.received.all().get(1).getHeaders().get("Last-Event-ID")).isEqualTo("9");
	}

	@Test
	void emptyIdClearsTheLastEventIdSoThatNoneIsSent() {
		this.server.enqueue(dropped("id: 1\n" + DELTA_A, "id\n\n"));
		this.server.enqueue(held(DELTA_B));
		StepVerifier.create(reactiveClient(this.server).rooms().stream(NS, "room_1", FAST).take(2))
			.assertNext((event) -> assertThat(event.id()).isEqualTo("1"))
			.assertNext((event) -> assertThat(event.id()).isNull())
			.expectComplete()
			.verify(TIMEOUT);
		assertThat(this.received.all()).hasSize(2);
		assertThat(this.received.all().get(1).getHeaders().get("Last-Event-ID")).isNull();
	}

	@Test
	void incompleteEventAtTheEndOfAConnectionIsDiscarded() {
		this.server.enqueue(dropped(DELTA_A, "id: 2\ndata: {\"type\":\"message.delta\",\"content\":\"never\"}\n"));
		this.server.enqueue(held(DELTA_B));
		StepVerifier.create(reactiveClient(this.server).rooms().stream(NS, "room_1", FAST).take(2))
			.assertNext((event) -> assertThat(event.textDelta()).hasValue("a"))
			.assertNext((event) -> {
				assertThat(event.textDelta()).hasValue("b");
				assertThat(event.id()).isNull();
			})
			.expectComplete()
			.verify(TIMEOUT);
		assertThat(this.received.all().get(1).getHeaders().get("Last-Event-ID")).isNull();
	}

	@Test
	void malformedInputNeverEndsTheStream() {
		byte[] garbage = concat(bytes("retry: x\nid: \u0000\nevent\n:\n\n\n"),
				new byte[] { 'd', 'a', 't', 'a', ':', ' ', (byte) 0xFF, (byte) 0xC3, '\n', '\n' },
				bytes("data: {\"unterminated\": \n\n"), bytes("data: " + "[".repeat(5000) + "]".repeat(5000) + "\n\n"),
				bytes("data: " + "x".repeat(1_200_000) + "\n\n"),
				bytes("\u0000\u0001\u0002: control\nretry: 99999999999999999999999\n\n"));
		this.server.enqueue(held(bytes(DELTA_A), garbage, bytes(DELTA_B)));
		StepVerifier.create(reactiveClient(this.server).rooms().stream(NS, "room_1", FAST).take(5))
			.assertNext((event) -> assertThat(event.textDelta()).hasValue("a"))
			.assertNext((event) -> assertThat(event.data().asString()).isEqualTo("\uFFFD\uFFFD"))
			.assertNext((event) -> assertThat(event.data().asString()).isEqualTo("{\"unterminated\": "))
			// Nested beyond what the JSON reader accepts: passed on as text.
			.assertNext((event) -> assertThat(event.data().asString()).hasSize(10000))
			// The event of more than a megabyte is skipped; the stream goes on.
			.assertNext((event) -> assertThat(event.textDelta()).hasValue("b"))
			.expectComplete()
			.verify(TIMEOUT);
		assertThat(this.received.all()).hasSize(1);
	}

	@Test
	void aConnectionThatSentOnlyCommentsStillRestartsTheAttemptCount() {
		// One attempt allowed in a row: each reconnect succeeds and hears from the server, so none is a second one.
		for (int i = 0; i < 3; i++) {
			this.server.enqueue(dropped(": keep-alive\n\n"));
		}
		this.server.enqueue(held(DELTA_A));
		StepVerifier.create(reactiveClient(this.server).rooms().stream(NS, "room_1", FAST.withMaxAttempts(1)).take(1))
			.assertNext((event) -> assertThat(event.textDelta()).hasValue("a"))
			.expectComplete()
			.verify(TIMEOUT);
		assertThat(this.received.all()).hasSize(4);
	}

	@Test
	void serverRetryIsWaitedBeforeTheBackoff() {
		RecordingScheduler scheduler = new RecordingScheduler(VirtualTimeScheduler.create());
		StreamSettings settings = FAST.withBackoff(Duration.ofMillis(10), Duration.ofSeconds(30))
			.withScheduler(scheduler);
		this.server.enqueue(dropped("retry: 5000\n" + DELTA_A));
		this.server.enqueue(held(DELTA_B));
		List<StreamEvent> events = new CopyOnWriteArrayList<>();
		Disposable subscription = reactiveClient(this.server)
			.rooms()
			.stream(NS, "room_1", settings)
			.subscribe(events::add);
		try {
			await().atMost(TIMEOUT).until(() -> scheduler.delays.contains(Duration.ofSeconds(5)));
			// Virtual time alone moves the reconnect: it cannot have started before the wait is over.
			scheduler.virtualTime.advanceTimeBy(Duration.ofMillis(4999));
			assertThat(this.received.all()).hasSize(1);
			assertThat(scheduler.delays).doesNotContain(Duration.ofMillis(10));
			scheduler.virtualTime.advanceTimeBy(Duration.ofMillis(1));
			await().atMost(TIMEOUT).until(() -> scheduler.delays.contains(Duration.ofMillis(10)));
			scheduler.virtualTime.advanceTimeBy(Duration.ofMillis(10));
			await().atMost(TIMEOUT).until(() -> events.size() == 2);
			assertThat(events.get(1).textDelta()).hasValue("b");
			assertThat(this.received.all()).hasSize(2);
		}
		finally {
			subscription.dispose();
		}
	}

	@Test
	void serverRetryIsBoundedByTheLongestBackoff() {
		RecordingScheduler scheduler = new RecordingScheduler(VirtualTimeScheduler.create());
		StreamSettings settings = FAST.withScheduler(scheduler);
		this.server.enqueue(dropped("retry: 86400000\n" + DELTA_A));
		Disposable subscription = reactiveClient(this.server).rooms().stream(NS, "room_1", settings).subscribe();
		try {
			await().atMost(TIMEOUT).until(() -> scheduler.delays.contains(FAST.maxBackoff()));
			assertThat(scheduler.delays).doesNotContain(Duration.ofDays(1));
		}
		finally {
			subscription.dispose();
		}
	}

	/** A response written chunk by chunk, each flushed, then held open until the test ends. */
	private MockResponse held(String... chunks) {
		return held(toBytes(chunks));
	}

	private MockResponse held(byte[]... chunks) {
		return streaming(new ChunkedBody(List.of(chunks), this.testDone));
	}

	/** A response written chunk by chunk, after which the server closes the connection. */
	private MockResponse dropped(String... chunks) {
		return new MockResponse.Builder(streaming(new ChunkedBody(List.of(toBytes(chunks)), null)))
			.onResponseEnd(new SocketEffect.CloseSocket())
			.build();
	}

	private static MockResponse streaming(MockResponseBody body) {
		return new MockResponse.Builder().setHeader("Content-Type", "text/event-stream")
			.body(body)
			.removeHeader("Content-Length")
			.setHeader("Connection", "close")
			.build();
	}

	private static byte[][] toBytes(String... chunks) {
		byte[][] bytes = new byte[chunks.length][];
		for (int i = 0; i < chunks.length; i++) {
			bytes[i] = bytes(chunks[i]);
		}
		return bytes;
	}

	private static byte[] bytes(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}

	private static byte[] concat(byte[]... parts) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		for (byte[] part : parts) {
			out.writeBytes(part);
		}
		return out.toByteArray();
	}

	/** Writes its chunks with a flush after each, then optionally waits for the end of the test. */
	private record ChunkedBody(List<byte[]> chunks, @Nullable CountDownLatch holdOpenUntil)
			implements MockResponseBody {

		@Override
		public long getContentLength() {
			return -1;
		}

		@Override
		public void writeTo(BufferedSink sink) throws IOException {
			for (byte[] chunk : this.chunks) {
				sink.write(chunk);
				sink.flush();
			}
			if (this.holdOpenUntil != null) {
				try {
					this.holdOpenUntil.await(30, TimeUnit.SECONDS);
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
				}
			}
		}

	}

	/** A virtual-time scheduler that records the delay of every task scheduled on it. */
	private static final class RecordingScheduler implements Scheduler {

		final VirtualTimeScheduler virtualTime;

		final List<Duration> delays = new CopyOnWriteArrayList<>();

		RecordingScheduler(VirtualTimeScheduler virtualTime) {
			this.virtualTime = virtualTime;
		}

		@Override
		public Disposable schedule(Runnable task) {
			return this.virtualTime.schedule(task);
		}

		@Override
		public Disposable schedule(Runnable task, long delay, TimeUnit unit) {
			this.delays.add(Duration.ofNanos(unit.toNanos(delay)));
			return this.virtualTime.schedule(task, delay, unit);
		}

		@Override
		public Worker createWorker() {
			return this.virtualTime.createWorker();
		}

		@Override
		public void dispose() {
			this.virtualTime.dispose();
		}

	}

}
