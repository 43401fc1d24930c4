package io.interactor.spring.test.webhook;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import io.interactor.spring.autoconfigure.InteractorWebhookAutoConfiguration;
import io.interactor.spring.webhook.InteractorEvents;
import io.interactor.spring.webhook.InteractorWebhook;
import io.interactor.spring.webhook.RoomMessageData;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ReactiveWebApplicationContextRunner;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.ServerResponse;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link WebhookDelivery#toWebTestClient(WebTestClient)} against a WebFlux application: the starter's reactive
 * webhook endpoint, on the path and with the secret the application configures.
 */
class WebhookTestRequestsWebTestClientTests {

	private final ReactiveWebApplicationContextRunner runner = new ReactiveWebApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(InteractorWebhookAutoConfiguration.class))
		.withPropertyValues("interactor.webhook.secret=whsec_reactive_secret",
				"interactor.webhook.path=/hooks/reactive", "interactor.webhook.idempotency.store=memory")
		.withUserConfiguration(HandlerConfiguration.class);

	@Test
	void signedDeliveryRunsTheHandlerOfAWebFluxApplication() {
		this.runner.run((context) -> {
			WebTestClient client = client(context);
			WebhookTestRequests webhooks = WebhookTestRequests.forApplication(context.getEnvironment());
			WebhookDelivery delivery = webhooks.event(InteractorEvents.ROOM_MESSAGE_CREATED);
			assertThat(delivery.path()).isEqualTo("/hooks/reactive");

			delivery.toWebTestClient(client).exchange().expectStatus().isOk();

			assertThat(context.getBean(Handlers.class).messages).containsExactly("Hello from the test");
		});
	}

	@Test
	void negativeVariantsAreRejectedAndNoHandlerRuns() {
		this.runner.run((context) -> {
			WebTestClient client = client(context);
			WebhookTestRequests webhooks = WebhookTestRequests.forApplication(context.getEnvironment());

			webhooks.event(InteractorEvents.ROOM_MESSAGE_CREATED)
				.tampered()
				.toWebTestClient(client)
				.exchange()
				.expectStatus()
				.isUnauthorized();
			webhooks.event(InteractorEvents.ROOM_MESSAGE_CREATED)
				.withWrongSecret()
				.toWebTestClient(client)
				.exchange()
				.expectStatus()
				.isUnauthorized();
			webhooks.event(InteractorEvents.ROOM_MESSAGE_CREATED)
				.stale()
				.toWebTestClient(client)
				.exchange()
				.expectStatus()
				.isUnauthorized();

			assertThat(context.getBean(Handlers.class).messages).isEmpty();
		});
	}

	@SuppressWarnings("unchecked")
	private static WebTestClient client(ApplicationContext context) {
		RouterFunction<ServerResponse> route = (RouterFunction<ServerResponse>) context
			.getBean("interactorWebhookRouterFunction");
		return WebTestClient.bindToRouterFunction(route).build();
	}

	@Configuration(proxyBeanMethods = false)
	static class HandlerConfiguration {

		@Bean
		Handlers handlers() {
			return new Handlers();
		}

	}

	static class Handlers {

		final List<String> messages = new CopyOnWriteArrayList<>();

		@InteractorWebhook(InteractorEvents.ROOM_MESSAGE_CREATED)
		void onMessage(RoomMessageData data) {
			this.messages.add(data.content());
		}

	}

}
