package io.interactor.spring.test.webhook;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import io.interactor.spring.webhook.InteractorEvents;
import io.interactor.spring.webhook.InteractorWebhook;
import io.interactor.spring.webhook.RoomMessageData;
import io.interactor.spring.webhook.WebhookEvent;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * {@link WebhookTestRequests} with MockMvc against an application with {@code @InteractorWebhook} handlers.
 */
@SpringBootTest(properties = "interactor.webhook.secret=whsec_application_secret")
@AutoConfigureMockMvc
class WebhookTestRequestsMockMvcTests {

	static final List<String> CATALOG = InteractorEvents.CATALOG;

	@Autowired
	private MockMvc mvc;

	@Autowired
	private Environment environment;

	@Autowired
	private Handlers handlers;

	private WebhookTestRequests webhooks;

	@BeforeEach
	void prepare() {
		this.webhooks = WebhookTestRequests.forApplication(this.environment);
		this.handlers.events.clear();
		this.handlers.messages.clear();
	}

	@Test
	void signedDeliveryRunsTheHandler() throws Exception {
		this.mvc.perform(this.webhooks.event(InteractorEvents.ROOM_MESSAGE_CREATED).toMockMvc())
			.andExpect(status().isOk());
		assertThat(this.handlers.messages).containsExactly("Hello from the test");
	}

	@Test
	void signedAndTamperedDeliveries() throws Exception {
		WebhookTestRequests webhooks = WebhookTestRequests.forApplication(this.environment);
		this.mvc.perform(webhooks.event(InteractorEvents.ROOM_MESSAGE_CREATED).toMockMvc())
			.andExpect(status().isOk());
		this.mvc.perform(webhooks.event(InteractorEvents.ROOM_MESSAGE_CREATED).tampered().toMockMvc())
			.andExpect(status().isUnauthorized());
		assertThat(this.handlers.messages).hasSize(1);
	}

	@ParameterizedTest
	@FieldSource("CATALOG")
	void everyCatalogueEventHasASamplePayload(String eventType) throws Exception {
		WebhookDelivery delivery = this.webhooks.event(eventType);
		this.mvc.perform(delivery.toMockMvc()).andExpect(status().isOk());
		assertThat(this.handlers.events).containsExactly(eventType + " " + delivery.eventId());
	}

	@Test
	void tamperedDeliveryIsRejectedAndNoHandlerRuns() throws Exception {
		this.mvc.perform(this.webhooks.event(InteractorEvents.ROOM_MESSAGE_CREATED).tampered().toMockMvc())
			.andExpect(status().isUnauthorized());
		assertThat(this.handlers.events).isEmpty();
		assertThat(this.handlers.messages).isEmpty();
	}

	@Test
	void wrongSecretAndStaleDeliveriesAreRejected() throws Exception {
		WebhookDelivery delivery = this.webhooks.event(InteractorEvents.CREDENTIAL_EXPIRED);
		this.mvc.perform(delivery.withWrongSecret().toMockMvc()).andExpect(status().isUnauthorized());
		this.mvc.perform(delivery.stale().toMockMvc()).andExpect(status().isUnauthorized());
		assertThat(this.handlers.events).isEmpty();
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

		final List<String> events = new CopyOnWriteArrayList<>();

		final List<String> messages = new CopyOnWriteArrayList<>();

		@InteractorWebhook(InteractorEvents.ALL)
		void onAnyEvent(WebhookEvent<?> event) {
			this.events.add(event.type() + " " + event.id());
		}

		@InteractorWebhook(InteractorEvents.ROOM_MESSAGE_CREATED)
		void onMessage(RoomMessageData data) {
			this.messages.add(data.content());
		}

	}

}
