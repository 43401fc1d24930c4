package io.interactor.spring.webhook.web;

import java.util.concurrent.atomic.AtomicInteger;

import io.interactor.spring.test.Deliveries;
import io.interactor.spring.webhook.InteractorEvents;
import io.interactor.spring.webhook.InteractorWebhook;
import io.interactor.spring.webhook.RoomMessageData;
import org.junit.jupiter.api.BeforeEach;
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
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A WebFlux application with Spring Security and no security configuration of its own: the webhook path works
 * without CSRF token or login, every other path stays protected as by Spring Security's default chain.
 */
@SpringBootTest(classes = ReactiveWebhookSecurityTests.SecuredReactiveApp.class,
		webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "spring.main.web-application-type=reactive", "interactor.webhook.secret=" + Deliveries.SECRET,
				"interactor.webhook.idempotency.store=memory" })
class ReactiveWebhookSecurityTests {

	@LocalServerPort
	private int port;

	@Autowired
	private Handler handler;

	private WebTestClient client;

	@BeforeEach
	void client() {
		this.client = WebTestClient.bindToServer().baseUrl("http://localhost:" + this.port).build();
	}

	@Test
	void signedDeliveryPassesWithoutCsrfOrLogin() {
		int before = this.handler.calls.get();
		String body = Deliveries.body(InteractorEvents.ROOM_MESSAGE_CREATED);
		Deliveries.post(this.client, body)
			.expectStatus()
			.isOk();
		assertThat(this.handler.calls).hasValue(before + 1);
	}

	@Test
	void unsignedDeliveryReachesTheVerifierAndIsRejected() {
		int before = this.handler.calls.get();
		this.client.post()
			.uri("/webhooks/interactor")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Deliveries.body(InteractorEvents.ROOM_MESSAGE_CREATED))
			.exchange()
			.expectStatus()
			.isUnauthorized()
			.expectBody()
			.json("{\"error\":\"invalid_signature\"}");
		assertThat(this.handler.calls).hasValue(before);
	}

	@Test
	void otherPostStillDemandsCsrf() {
		this.client.post().uri("/other").bodyValue("x").exchange().expectStatus().isForbidden();
	}

	@Test
	void otherGetStillDemandsAuthentication() {
		this.client.get()
			.uri("/other")
			.exchange()
			.expectStatus()
			.value((status) -> assertThat(status).isIn(302, 401));
	}

	@Test
	void getOnTheWebhookPathIsNotPermitted() {
		this.client.get()
			.uri("/webhooks/interactor")
			.exchange()
			.expectStatus()
			.value((status) -> assertThat(status).isIn(302, 401));
	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	static class SecuredReactiveApp {

		@Bean
		Handler handler() {
			return new Handler();
		}

		@Bean
		OtherController otherController() {
			return new OtherController();
		}

	}

	static class Handler {

		final AtomicInteger calls = new AtomicInteger();

		@InteractorWebhook(InteractorEvents.ROOM_MESSAGE_CREATED)
		void handle(RoomMessageData data) {
			this.calls.incrementAndGet();
		}

	}

	@RestController
	static class OtherController {

		@GetMapping("/other")
		String get() {
			return "secret page";
		}

		@PostMapping("/other")
		String post() {
			return "changed";
		}

	}

}
