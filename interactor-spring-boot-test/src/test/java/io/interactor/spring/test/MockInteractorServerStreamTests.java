package io.interactor.spring.test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import io.interactor.spring.client.InteractorClient;
import io.interactor.spring.client.ReactiveInteractorClient;
import io.interactor.spring.client.http.RetryPolicy;
import io.interactor.spring.client.resource.SendMessageRequest;
import io.interactor.spring.client.stream.EventStream;
import io.interactor.spring.client.stream.StreamEvent;
import io.interactor.spring.client.stream.StreamSettings;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The assistant's reply on the room stream of {@link MockInteractorServer}: deltas then the complete message, event
 * ids, resume with {@code Last-Event-ID} and heartbeat comments.
 */
class MockInteractorServerStreamTests {

	private static final Duration TIMEOUT = Duration.ofSeconds(10);

	private static final StreamSettings SETTINGS = StreamSettings.defaults()
		.withBackoff(Duration.ofMillis(20), Duration.ofMillis(100));

	private MockInteractorServer server;

	private ReactiveInteractorClient reactive;

	private InteractorClient client;

	private String roomId;

	@BeforeEach
	void start() {
		this.server = MockInteractorServer.builder().heartbeatInterval(Duration.ofMillis(100)).start();
		this.reactive = ReactiveInteractorClient.builder()
			.credentials(this.server.clientId(), this.server.clientSecret())
			.accountServerUrl(this.server.accountServerUrl())
			.coreApiUrl(this.server.coreApiUrl())
			.retryPolicy(RetryPolicy.NONE)
			.build();
		this.client = new InteractorClient(this.reactive);
		this.roomId = this.server.seed("user_1").room(this.server.seed("user_1").assistant("support"));
	}

	@AfterEach
	void stop() {
		this.server.close();
	}

	@Test
	void blockingStreamShowsTheReplyAsDeltasThenTheCompleteMessage() {
		this.client.rooms().sendMessage("user_1", this.roomId, SendMessageRequest.of("hello there"));
		List<StreamEvent> events = new ArrayList<>();
		try (EventStream stream = this.client.rooms().stream("user_1", this.roomId, SETTINGS)) {
			while (stream.hasNext()) {
				StreamEvent event = stream.next();
				events.add(event);
				if (event.completedMessage().isPresent()) {
					break;
				}
			}
		}
		assertThat(events).extracting(StreamEvent::type)
			.containsExactly("message.delta", "message.delta", "message.delta", "message.delta", "message.complete");
		assertThat(events).extracting(StreamEvent::id).containsExactly("1", "2", "3", "4", "5");
		String text = String.join("", events.stream().flatMap((event) -> event.textDelta().stream()).toList());
		assertThat(text).isEqualTo("You said: hello there");
		assertThat(events.get(4).completedMessage().get().get("content").asString()).isEqualTo(text);
	}

	@Test
	void reactiveStreamOpenedBeforeTheMessageSeesTheLiveReply() throws Exception {
		CompletableFuture<List<StreamEvent>> received = this.reactive.rooms()
			.stream("user_1", this.roomId, SETTINGS)
			.takeUntil((event) -> event.completedMessage().isPresent())
			.collectList()
			.timeout(TIMEOUT)
			.toFuture();
		// The stream request is logged once it reached the mock; only then post the message.
		await().atMost(TIMEOUT).until(() -> !this.server.requests("GET", "/rooms/{roomId}/stream").isEmpty());
		this.reactive.rooms().sendMessage("user_1", this.roomId, SendMessageRequest.of("live")).block(TIMEOUT);
		List<StreamEvent> events = received.get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
		assertThat(events).last().satisfies((event) -> assertThat(event.completedMessage()).isPresent());
		assertThat(events.get(events.size() - 1).completedMessage().get().get("content").asString())
			.isEqualTo("You said: live");
	}

	@Test
	void droppedStreamResumesAfterTheLastEventId() {
		this.client.rooms().sendMessage("user_1", this.roomId, SendMessageRequest.of("hello there"));
		this.server.failNext(1, "GET", "/rooms/{roomId}/stream").cutBodyShort();
		List<String> ids = new ArrayList<>();
		try (EventStream stream = this.client.rooms().stream("user_1", this.roomId, SETTINGS)) {
			while (stream.hasNext()) {
				StreamEvent event = stream.next();
				ids.add(event.id());
				if (event.completedMessage().isPresent()) {
					break;
				}
			}
		}
		assertThat(ids).containsExactly("1", "2", "3", "4", "5");
		List<RecordedRequest> opened = this.server.requests("GET", "/rooms/{roomId}/stream");
		assertThat(opened).hasSize(2);
		assertThat(opened.get(0).header("Last-Event-ID")).isNull();
		assertThat(opened.get(1).header("Last-Event-ID")).isEqualTo("1");
	}

	@Test
	void rawStreamHonoursLastEventIdAndSendsHeartbeatComments() throws Exception {
		this.client.rooms().sendMessage("user_1", this.roomId, SendMessageRequest.of("hello there"));
		HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
		HttpResponse<String> token = http.send(HttpRequest.newBuilder(URI.create(this.server.accountServerUrl()
				+ "/oauth/token"))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials&client_id="
					+ this.server.clientId() + "&client_secret=" + this.server.clientSecret()))
			.timeout(TIMEOUT)
			.build(), HttpResponse.BodyHandlers.ofString());
		Matcher accessToken = Pattern.compile("\"access_token\":\"([^\"]+)\"").matcher(token.body());
		assertThat(accessToken.find()).isTrue();
		HttpResponse<Stream<String>> response = http.send(HttpRequest
			.newBuilder(URI.create(this.server.coreApiUrl() + "/rooms/" + this.roomId + "/stream"))
			.header("Authorization", "Bearer " + accessToken.group(1))
			.header("X-Namespace", "user_1")
			.header("Accept", "text/event-stream")
			.header("Last-Event-ID", "3")
			.build(), HttpResponse.BodyHandlers.ofLines());
		assertThat(response.headers().firstValue("Content-Type")).hasValue("text/event-stream");
		List<String> lines = new ArrayList<>();
		try (Stream<String> body = response.body()) {
			CompletableFuture.runAsync(() -> body.takeWhile((line) -> !line.equals(": heartbeat")).forEach(lines::add))
				.get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
		}
		assertThat(lines).filteredOn((line) -> line.startsWith("id: ")).containsExactly("id: 4", "id: 5");
		assertThat(lines).contains("event: message.complete");
	}

}
