package io.interactor.spring.test;

import java.time.Duration;
import java.util.List;

import io.interactor.spring.client.ReactiveInteractorClient;
import io.interactor.spring.client.http.RetryPolicy;
import io.interactor.spring.client.resource.SendMessageRequest;
import io.interactor.spring.client.stream.StreamSettings;
import io.interactor.spring.relay.RoomStreamRelay;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.http.codec.ServerSentEvent;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link RoomStreamRelay} against {@link MockInteractorServer}: what a chat page receives, and the replay after a
 * browser's {@code Last-Event-ID}.
 */
class MockInteractorServerRelayTests {

	private static final Duration TIMEOUT = Duration.ofSeconds(10);

	private MockInteractorServer server;

	private RoomStreamRelay relay;

	private ReactiveInteractorClient client;

	private String roomId;

	@BeforeEach
	void start() {
		this.server = MockInteractorServer.builder().heartbeatInterval(Duration.ofMillis(100)).start();
		this.client = ReactiveInteractorClient.builder()
			.credentials(this.server.clientId(), this.server.clientSecret())
			.accountServerUrl(this.server.accountServerUrl())
			.coreApiUrl(this.server.coreApiUrl())
			.retryPolicy(RetryPolicy.NONE)
			.build();
		this.relay = new RoomStreamRelay(this.client,
				StreamSettings.defaults().withBackoff(Duration.ofMillis(20), Duration.ofMillis(100)));
		this.roomId = this.server.seed("user_1").room(this.server.seed("user_1").assistant("support"));
	}

	@AfterEach
	void stop() {
		this.server.close();
	}

	@Test
	void replyArrivesAsNamedEventsWithIds() {
		this.client.rooms().sendMessage("user_1", this.roomId, SendMessageRequest.of("hello there")).block(TIMEOUT);
		List<ServerSentEvent<JsonNode>> events = reply(null);
		assertThat(events).extracting(ServerSentEvent::event)
			.containsExactly("message.delta", "message.delta", "message.delta", "message.delta", "message.complete");
		assertThat(events).extracting(ServerSentEvent::id).containsExactly("1", "2", "3", "4", "5");
		assertThat(events.get(4).data().path("message").path("content").asString())
			.isEqualTo("You said: hello there");
	}

	@Test
	void browserLastEventIdReplaysOnlyWhatCameAfterIt() {
		this.client.rooms().sendMessage("user_1", this.roomId, SendMessageRequest.of("hello there")).block(TIMEOUT);
		List<ServerSentEvent<JsonNode>> events = reply("3");
		assertThat(events).extracting(ServerSentEvent::id).containsExactly("4", "5");
		assertThat(this.server.requests("GET", "/rooms/{roomId}/stream")).singleElement()
			.satisfies((request) -> assertThat(request.header("Last-Event-ID")).isEqualTo("3"));
	}

	private List<ServerSentEvent<JsonNode>> reply(@Nullable String lastEventId) {
		return this.relay.relay("user_1", this.roomId, lastEventId)
			.filter((event) -> event.comment() == null)
			.takeUntil((event) -> "message.complete".equals(event.event()))
			.collectList()
			.block(TIMEOUT);
	}

}
