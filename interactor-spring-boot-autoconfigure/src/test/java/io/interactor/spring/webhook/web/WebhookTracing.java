package io.interactor.spring.webhook.web;

import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;

import io.interactor.spring.client.InteractorClient;
import io.interactor.spring.client.ReactiveInteractorClient;
import io.interactor.spring.test.Deliveries;
import io.interactor.spring.test.PeerRequests;
import io.interactor.spring.webhook.InteractorEvents;
import io.interactor.spring.webhook.InteractorWebhook;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationView;
import io.micrometer.observation.tck.TestObservationRegistry;
import io.micrometer.observation.tck.TestObservationRegistryAssert;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import reactor.core.publisher.Mono;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.test.context.DynamicPropertyRegistry;

import static io.interactor.spring.test.PeerRequests.json;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the webhook tracing tests share: an application whose handlers call the Interactor client (blocking, and
 * reactive on another thread), a real Core API peer, and the assertion that the client's observations are children
 * of the delivery's, itself a child of the HTTP server request.
 */
final class WebhookTracing {

	static final String NS = "user_trace";

	/** Handled with the blocking client, on the dispatcher's thread. */
	static final String BLOCKING_EVENT = InteractorEvents.ROOM_MESSAGE_CREATED;

	/** Handled with the reactive client after a delay, so the call is subscribed on another thread. */
	static final String REACTIVE_EVENT = InteractorEvents.WORKFLOW_INSTANCE_COMPLETED;

	private WebhookTracing() {
	}

	/** Queued answers for the Core API. */
	private static final BlockingQueue<MockResponse> coreResponses = new LinkedBlockingQueue<>();

	/**
	 * The token endpoint ({@code /auth/...}, always a fresh token) and the Core API (the queued answers, else
	 * {@code 599}).
	 */
	static MockWebServer startServer() {
		MockWebServer server = new MockWebServer();
		server.setDispatcher(new Dispatcher() {

			@Override
			public MockResponse dispatch(RecordedRequest request) {
				if (request.getTarget().startsWith("/auth/")) {
					return PeerRequests.token(1);
				}
				MockResponse queued = coreResponses.poll();
				return (queued != null) ? queued : json(599, "{\"error\":{\"code\":\"nothing_queued\"}}");
			}

		});
		try {
			server.start(InetAddress.getLoopbackAddress(), 0);
			return server;
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	static void clientProperties(DynamicPropertyRegistry registry, MockWebServer server) {
		registry.add("interactor.client-id", () -> PeerRequests.CLIENT_ID);
		registry.add("interactor.client-secret", () -> PeerRequests.CLIENT_SECRET);
		registry.add("interactor.account-server-url", () -> PeerRequests.accountServerUrl(server));
		registry.add("interactor.core-api-url", () -> PeerRequests.coreApiUrl(server));
	}

	/**
	 * Deliver one signed event over HTTP and assert the parent chain of the client call its handler made.
	 */
	static void assertClientCallIsChildOfDelivery(TestObservationRegistry registry, MockWebServer server,
			int port, String eventType, String assistantId) throws Exception {
		registry.clear();
		coreResponses.add(json(200, "{\"data\":{\"id\":\"" + assistantId + "\"}}"));
		String body = Deliveries.body(eventType);
		URI uri = URI.create("http://127.0.0.1:" + port + "/webhooks/interactor");
		HttpRequest.Builder request = HttpRequest.newBuilder(uri)
			.timeout(Duration.ofSeconds(10))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofByteArray(Deliveries.bytes(body)));
		Deliveries.sign(body).forEach((name, values) -> values.forEach((value) -> request.header(name, value)));
		HttpResponse<String> response = HttpClient.newHttpClient()
			.send(request.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).isEqualTo(200);
		TestObservationRegistryAssert.assertThat(registry).hasHandledContextsThatSatisfy((contexts) -> {
			Observation.Context call = single(contexts, "interactor.client.call");
			assertThat(call.getLowCardinalityKeyValue("endpoint").getValue()).isEqualTo("/assistants/{assistantId}");
			Observation.ContextView delivery = parentOf(call);
			assertThat(delivery.getName()).isEqualTo("interactor.webhook.delivery");
			assertThat(delivery.getLowCardinalityKeyValue("event").getValue()).isEqualTo(eventType);
			// Directly, or below Spring Security's observation of the secured request (servlet).
			assertThat(ancestorNames(delivery)).contains("http.server.requests");
			// Below the call: the WebClient exchange, then the attempt, with the token request beside it.
			Observation.Context attempt = single(contexts, "interactor.client.request");
			Observation.ContextView exchange = parentOf(attempt);
			assertThat(exchange.getName()).isEqualTo("http.client.requests");
			assertThat(parentOf(exchange)).isSameAs(call);
		});
	}

	private static Observation.Context single(List<Observation.Context> contexts, String name) {
		List<Observation.Context> named = contexts.stream()
			.filter((context) -> name.equals(context.getName()))
			.toList();
		assertThat(named).as(name).hasSize(1);
		return named.get(0);
	}

	private static Observation.ContextView parentOf(Observation.ContextView context) {
		ObservationView parent = context.getParentObservation();
		assertThat(parent).as("parent of " + context.getName()).isNotNull();
		return parent.getContextView();
	}

	private static List<String> ancestorNames(Observation.ContextView context) {
		List<String> names = new ArrayList<>();
		for (ObservationView parent = context.getParentObservation(); parent != null; parent = parent.getContextView()
			.getParentObservation()) {
			names.add(parent.getContextView().getName());
		}
		return names;
	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	static class App {

		@Bean
		TestObservationRegistry observationRegistry() {
			return TestObservationRegistry.create();
		}

		@Bean
		Handlers handlers(ObjectProvider<InteractorClient> client, ObjectProvider<ReactiveInteractorClient> reactive) {
			return new Handlers(client, reactive);
		}

	}

	static class Handlers {

		private final ObjectProvider<InteractorClient> client;

		private final ObjectProvider<ReactiveInteractorClient> reactive;

		Handlers(ObjectProvider<InteractorClient> client, ObjectProvider<ReactiveInteractorClient> reactive) {
			this.client = client;
			this.reactive = reactive;
		}

		@InteractorWebhook(BLOCKING_EVENT)
		void blocking() {
			this.client.getObject().assistants().get(NS, "asst_blocking");
		}

		@InteractorWebhook(REACTIVE_EVENT)
		Mono<Void> reactive() {
			return Mono.delay(Duration.ofMillis(20))
				.then(this.reactive.getObject().assistants().get(NS, "asst_reactive"))
				.then();
		}

	}

}
