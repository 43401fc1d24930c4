package io.interactor.spring.test.autoconfigure;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import io.interactor.spring.client.InteractorClient;
import io.interactor.spring.client.resource.CreateRoomRequest;
import io.interactor.spring.client.resource.Room;
import io.interactor.spring.client.resource.SendMessageRequest;
import io.interactor.spring.test.MockInteractorServer;
import io.interactor.spring.test.WebhookAttempt;
import io.interactor.spring.webhook.CredentialEventData;
import io.interactor.spring.webhook.InteractorEvents;
import io.interactor.spring.webhook.InteractorWebhook;
import io.interactor.spring.webhook.RoomMessageData;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

/**
 * A running application with {@link AutoConfigureMockInteractor} receives the mock's webhook deliveries on its own
 * endpoint, with no setup: the mock registers the endpoint and signs with the application's secret.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "interactor.webhook.secret=whsec_app_secret", "interactor.webhook.path=/hooks/interactor" })
@AutoConfigureMockInteractor
class MockInteractorWebhookDeliveryTests {

	private static final Duration WAIT = Duration.ofSeconds(10);

	@LocalServerPort
	private int port;

	@Autowired
	private MockInteractorServer interactor;

	@Autowired
	private InteractorClient client;

	@Autowired
	private Handlers handlers;

	@AfterEach
	void reset() {
		this.interactor.reset();
		this.handlers.clear();
	}

	@Test
	void messageSentThroughTheClientReachesTheHandler() {
		String assistantId = this.interactor.seed("user_7").assistant("support");
		Room room = this.client.rooms().create("user_7", CreateRoomRequest.of(assistantId));

		this.client.rooms().sendMessage("user_7", room.id(), SendMessageRequest.of("hello"));

		await().atMost(WAIT)
			.until(() -> this.handlers.messages.size() == 2 && this.interactor.webhookDeliveries().size() == 2);
		assertThat(this.handlers.messages).extracting(RoomMessageData::role, RoomMessageData::content)
			.containsExactlyInAnyOrder(tuple("user", "hello"), tuple("assistant", "You said: hello"));
		assertThat(this.handlers.messages).extracting(RoomMessageData::roomId).containsOnly(room.id());
		assertThat(this.interactor.webhookDeliveries()).extracting(WebhookAttempt::url, WebhookAttempt::status)
			.containsOnly(tuple("http://127.0.0.1:" + this.port + "/hooks/interactor", 200));
	}

	@Test
	void triggeredEventReachesTheHandler() {
		this.interactor.trigger(InteractorEvents.CREDENTIAL_REVOKED,
				Map.of("credential_id", "cred_9", "provider", "google"));

		await().atMost(WAIT).until(() -> !this.handlers.revoked.isEmpty());
		assertThat(this.handlers.revoked).singleElement()
			.satisfies((data) -> assertThat(data.credentialId()).isEqualTo("cred_9"));
	}

	@Test
	void handlerThatFailsOnceGetsTheRetryAndTheOtherHandlerRunsOnce() {
		this.handlers.failNextExpiry.set(true);

		this.interactor.trigger(InteractorEvents.CREDENTIAL_EXPIRED, Map.of("credential_id", "cred_1"));

		await().atMost(WAIT)
			.until(() -> this.handlers.expiredHandled.get() == 1 && this.interactor.webhookDeliveries().size() == 2);
		assertThat(this.interactor.webhookDeliveries()).extracting(WebhookAttempt::event, WebhookAttempt::attempt,
				WebhookAttempt::status)
			.containsExactly(tuple(InteractorEvents.CREDENTIAL_EXPIRED, 1, 500),
					tuple(InteractorEvents.CREDENTIAL_EXPIRED, 2, 200));
		assertThat(this.handlers.expiredNotified.get()).isEqualTo(1);
	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	static class TestApplication {

		@Bean
		Handlers handlers() {
			return new Handlers();
		}

	}

	static class Handlers {

		final List<RoomMessageData> messages = new CopyOnWriteArrayList<>();

		final List<CredentialEventData> revoked = new CopyOnWriteArrayList<>();

		final AtomicBoolean failNextExpiry = new AtomicBoolean();

		final AtomicInteger expiredHandled = new AtomicInteger();

		final AtomicInteger expiredNotified = new AtomicInteger();

		@InteractorWebhook(InteractorEvents.ROOM_MESSAGE_CREATED)
		void onMessage(RoomMessageData data) {
			this.messages.add(data);
		}

		@InteractorWebhook(InteractorEvents.CREDENTIAL_REVOKED)
		void onRevoked(CredentialEventData data) {
			this.revoked.add(data);
		}

		/** A side effect that must happen once although the delivery is retried. */
		@InteractorWebhook(InteractorEvents.CREDENTIAL_EXPIRED)
		void notifyUser(CredentialEventData data) {
			this.expiredNotified.incrementAndGet();
		}

		@InteractorWebhook(InteractorEvents.CREDENTIAL_EXPIRED)
		void reconnect(CredentialEventData data) {
			if (this.failNextExpiry.getAndSet(false)) {
				throw new IllegalStateException("Simulated failure");
			}
			this.expiredHandled.incrementAndGet();
		}

		void clear() {
			this.messages.clear();
			this.revoked.clear();
			this.expiredHandled.set(0);
			this.expiredNotified.set(0);
		}

	}

}
