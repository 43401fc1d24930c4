package io.interactor.spring.webhook.web;

import io.interactor.spring.test.Deliveries;
import io.micrometer.observation.tck.TestObservationRegistry;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * In a WebFlux application on a real server, where the request's observation lives in the Reactor context and the
 * handlers run on {@code boundedElastic}, a trace still runs from the HTTP server request through the delivery into
 * the client calls its handler makes, with the blocking and the reactive client (Spring Security's reactive
 * auto-configuration excluded, as in {@link ReactiveWebhookEndpointServerTests}).
 */
@SpringBootTest(classes = WebhookTracing.App.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "spring.main.web-application-type=reactive", "interactor.webhook.idempotency.store=memory",
				"spring.autoconfigure.exclude=org.springframework.boot.security.autoconfigure.web.reactive.ReactiveWebSecurityAutoConfiguration,"
						+ "org.springframework.boot.security.autoconfigure.ReactiveUserDetailsServiceAutoConfiguration,"
						+ "org.springframework.boot.security.autoconfigure.actuate.web.reactive.ReactiveManagementWebSecurityAutoConfiguration",
				"interactor.webhook.secret=" + Deliveries.SECRET, "interactor.retry.max-retries=0" })
class ReactiveWebhookTracingTests {

	private static final MockWebServer server = WebhookTracing.startServer();

	@LocalServerPort
	private int port;

	@Autowired
	private TestObservationRegistry registry;

	@DynamicPropertySource
	static void interactorProperties(DynamicPropertyRegistry registry) {
		WebhookTracing.clientProperties(registry, server);
	}

	@AfterAll
	static void stopServer() {
		server.close();
	}

	@Test
	void blockingClientCallIsAChildOfTheDelivery() throws Exception {
		WebhookTracing.assertClientCallIsChildOfDelivery(this.registry, server, this.port,
				WebhookTracing.BLOCKING_EVENT, "asst_blocking");
	}

	@Test
	void reactiveClientCallOnAnotherThreadIsAChildOfTheDelivery() throws Exception {
		WebhookTracing.assertClientCallIsChildOfDelivery(this.registry, server, this.port,
				WebhookTracing.REACTIVE_EVENT, "asst_reactive");
	}

}
