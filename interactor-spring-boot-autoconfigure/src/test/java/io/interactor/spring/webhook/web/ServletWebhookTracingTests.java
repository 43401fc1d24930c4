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
 * In a servlet application on a real server, a trace runs from the inbound delivery (a child of the HTTP server
 * request) through the handler into the client calls it makes, with the blocking and the reactive client.
 */
@SpringBootTest(classes = WebhookTracing.App.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "spring.main.web-application-type=servlet", "interactor.webhook.secret=" + Deliveries.SECRET,
		"interactor.webhook.idempotency.store=memory",
				"interactor.retry.max-retries=0" })
class ServletWebhookTracingTests {

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
