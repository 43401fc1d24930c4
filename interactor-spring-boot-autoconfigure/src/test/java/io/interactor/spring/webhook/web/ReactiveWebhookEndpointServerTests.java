package io.interactor.spring.webhook.web;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import io.interactor.spring.test.Deliveries;
import io.interactor.spring.webhook.InteractorEvents;
import io.interactor.spring.webhook.InteractorWebhook;
import io.interactor.spring.webhook.RoomMessageData;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The reactive endpoint on a real server (Spring Security's reactive auto-configuration excluded: see docs).
 */
@SpringBootTest(classes = ReactiveWebhookEndpointServerTests.ReactiveApp.class,
		webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "spring.main.web-application-type=reactive",
				"spring.autoconfigure.exclude=org.springframework.boot.security.autoconfigure.web.reactive.ReactiveWebSecurityAutoConfiguration,"
						+ "org.springframework.boot.security.autoconfigure.ReactiveUserDetailsServiceAutoConfiguration,"
						// present since the actuator is on the test classpath (health and endpoint support)
						+ "org.springframework.boot.security.autoconfigure.actuate.web.reactive.ReactiveManagementWebSecurityAutoConfiguration",
				"interactor.webhook.secret=" + Deliveries.SECRET, "interactor.webhook.idempotency.store=memory" })
class ReactiveWebhookEndpointServerTests {

	@LocalServerPort
	private int port;

	@Autowired
	private Handler handler;

	@Test
	void signedDeliveryIsProcessedOnce() {
		WebTestClient client = WebTestClient.bindToServer().baseUrl("http://localhost:" + this.port).build();
		String body = Deliveries.body(InteractorEvents.ROOM_MESSAGE_CREATED);
		for (int i = 0; i < 2; i++) {
			Deliveries.post(client, body)
				.expectStatus()
				.isOk();
		}
		assertThat(this.handler.calls).hasValue(1);
		assertThat(this.handler.thread.get()).startsWith("boundedElastic");
	}

	@Test
	void answersCarryTheirJsonWithExactContentLength() {
		WebTestClient client = WebTestClient.bindToServer().baseUrl("http://localhost:" + this.port).build();
		// a type without handler here: the other test counts the calls of the handler
		String body = Deliveries.body(InteractorEvents.WORKFLOW_INSTANCE_COMPLETED, "evt_reactive_length", "{}");
		String processed = "{\"received\":true,\"handled\":false}";
		Deliveries.post(client, body)
			.expectStatus()
			.isOk()
			.expectHeader()
			.contentType(MediaType.APPLICATION_JSON)
			.expectHeader()
			.contentLength(processed.length())
			.expectBody(String.class)
			.isEqualTo(processed);
		String forged = "{\"error\":\"invalid_signature\"}";
		client.post()
			.uri("/webhooks/interactor")
			.header("X-Interactor-Signature", "sha256=" + "0".repeat(64))
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(body.getBytes(StandardCharsets.UTF_8))
			.exchange()
			.expectStatus()
			.isUnauthorized()
			.expectHeader()
			.contentLength(forged.length())
			.expectBody(String.class)
			.isEqualTo(forged);
	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	static class ReactiveApp {

		@Bean
		Handler handler() {
			return new Handler();
		}

	}

	static class Handler {

		final AtomicInteger calls = new AtomicInteger();

		final AtomicReference<String> thread = new AtomicReference<>();

		@InteractorWebhook(InteractorEvents.ROOM_MESSAGE_CREATED)
		void handle(RoomMessageData data) {
			this.calls.incrementAndGet();
			this.thread.set(Thread.currentThread().getName());
		}

	}

}
