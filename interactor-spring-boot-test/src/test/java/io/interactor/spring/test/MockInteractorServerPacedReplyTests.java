package io.interactor.spring.test;

import java.time.Duration;
import java.util.List;

import io.interactor.spring.client.ReactiveInteractorClient;
import io.interactor.spring.client.http.RetryPolicy;
import io.interactor.spring.client.resource.Message;
import io.interactor.spring.client.resource.SendMessageRequest;
import io.interactor.spring.client.stream.StreamEvent;
import io.interactor.spring.client.stream.StreamSettings;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.awaitility.Awaitility.await;

/**
 * A {@link MockInteractorServer} with {@link MockInteractorServer.Builder#replyChunkInterval(Duration)}: the reply
 * is streamed piece by piece after the request that caused it, and stored (and delivered) once complete.
 */
class MockInteractorServerPacedReplyTests {

	private static final Duration TIMEOUT = Duration.ofSeconds(10);

	private MockInteractorServer server;

	private ReactiveInteractorClient client;

	private String roomId;

	@BeforeEach
	void start() {
		this.server = MockInteractorServer.builder().replyChunkInterval(Duration.ofMillis(20)).start();
		this.client = ReactiveInteractorClient.builder()
			.credentials(this.server.clientId(), this.server.clientSecret())
			.accountServerUrl(this.server.accountServerUrl())
			.coreApiUrl(this.server.coreApiUrl())
			.retryPolicy(RetryPolicy.NONE)
			.build();
		this.roomId = this.server.seed("user_1").room(this.server.seed("user_1").assistant("support"));
	}

	@AfterEach
	void stop() {
		this.server.close();
	}

	@Test
	void pacedReplyIsStreamedAsDeltasThenStoredAndDelivered() {
		this.client.rooms().sendMessage("user_1", this.roomId, SendMessageRequest.of("one two three")).block(TIMEOUT);
		List<StreamEvent> events = this.client.rooms()
			.stream("user_1", this.roomId, StreamSettings.defaults())
			.takeUntil((event) -> event.completedMessage().isPresent())
			.collectList()
			.block(TIMEOUT);
		assertThat(events).extracting(StreamEvent::type)
			.containsExactly("message.delta", "message.delta", "message.delta", "message.delta", "message.delta",
					"message.complete");
		String text = String.join("", events.stream().flatMap((event) -> event.textDelta().stream()).toList());
		assertThat(text).isEqualTo("You said: one two three");
		await().atMost(TIMEOUT)
			.untilAsserted(() -> assertThat(this.client.rooms()
				.listMessages("user_1", this.roomId)
				.block(TIMEOUT)
				.data()).extracting(Message::role).containsExactly("user", "assistant"));
	}

	@Test
	void negativeIntervalIsRejected() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> MockInteractorServer.builder().replyChunkInterval(Duration.ofMillis(-1)));
	}

}
