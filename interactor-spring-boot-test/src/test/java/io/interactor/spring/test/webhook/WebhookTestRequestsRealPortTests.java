package io.interactor.spring.test.webhook;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import io.interactor.spring.webhook.InteractorEvents;
import io.interactor.spring.webhook.InteractorWebhook;
import io.interactor.spring.webhook.WorkflowInstanceData;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import org.springframework.http.HttpStatusCode;
import org.springframework.web.client.RestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link WebhookTestRequests} sent over a real port with {@link RestClient}, to a custom endpoint path.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "interactor.webhook.secret=whsec_port_secret", "interactor.webhook.path=/hooks/in" })
class WebhookTestRequestsRealPortTests {

	@LocalServerPort
	private int port;

	@Autowired
	private Environment environment;

	@Autowired
	private Handlers handlers;

	@Test
	void deliveriesReachTheRunningApplication() {
		WebhookTestRequests webhooks = WebhookTestRequests.forApplication(this.environment);
		RestClient client = RestClient.create("http://127.0.0.1:" + this.port);
		HttpStatusCode accepted = webhooks.event(InteractorEvents.WORKFLOW_INSTANCE_HALTED)
			.toRestClient(client)
			.exchange((request, response) -> response.getStatusCode());
		HttpStatusCode rejected = webhooks.event(InteractorEvents.WORKFLOW_INSTANCE_HALTED)
			.withWrongSecret()
			.toRestClient(client)
			.exchange((request, response) -> response.getStatusCode());
		assertThat(accepted.value()).isEqualTo(200);
		assertThat(rejected.value()).isEqualTo(401);
		assertThat(this.handlers.states).containsExactly("review");
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

		final List<String> states = new CopyOnWriteArrayList<>();

		@InteractorWebhook(InteractorEvents.WORKFLOW_INSTANCE_HALTED)
		void onHalted(WorkflowInstanceData data) {
			this.states.add(data.currentState());
		}

	}

}
