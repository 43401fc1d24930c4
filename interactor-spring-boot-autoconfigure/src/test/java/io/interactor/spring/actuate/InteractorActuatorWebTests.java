package io.interactor.spring.actuate;

import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.concurrent.atomic.AtomicInteger;

import io.interactor.spring.test.Deliveries;
import io.interactor.spring.test.PeerRequests;
import io.interactor.spring.webhook.InteractorEvents;
import io.interactor.spring.webhook.InteractorWebhook;
import io.interactor.spring.webhook.RoomMessageData;
import io.interactor.spring.webhook.WebhookSigner;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.http.HttpHeaders;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code GET /actuator/interactor} and {@code GET /actuator/health/interactor} over HTTP in a servlet application
 * with Spring Security (the actuator is protected by the application's login, the webhook path is not).
 */
@SpringBootTest(classes = InteractorActuatorWebTests.App.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "interactor.webhook.secret=" + Deliveries.SECRET,
				// one instance; Spring Data Redis on the test classpath would otherwise make the store Redis
				"interactor.webhook.idempotency.store=memory",
				"interactor.client-id=" + PeerRequests.CLIENT_ID,
				"interactor.client-secret=" + PeerRequests.CLIENT_SECRET, "interactor.retry.max-retries=0",
				"management.endpoints.web.exposure.include=health,interactor",
				"management.endpoint.health.show-details=always", "spring.security.user.name=ops",
				"spring.security.user.password=ops-password" })
class InteractorActuatorWebTests {

	private static final MockWebServer server = startServer();

	private final HttpClient http = HttpClient.newHttpClient();

	private final JsonMapper jsonMapper = JsonMapper.builder().build();

	@LocalServerPort
	private int port;

	@DynamicPropertySource
	static void interactorUrls(DynamicPropertyRegistry registry) {
		registry.add("interactor.account-server-url", () -> PeerRequests.accountServerUrl(server));
		registry.add("interactor.core-api-url", () -> PeerRequests.coreApiUrl(server));
	}

	@AfterAll
	static void stopServer() {
		server.close();
	}

	/** Only the token endpoint is used: every request gets a fresh {@code token-<n>}. */
	private static MockWebServer startServer() {
		MockWebServer server = new MockWebServer();
		AtomicInteger requests = new AtomicInteger();
		server.setDispatcher(new Dispatcher() {

			@Override
			public MockResponse dispatch(RecordedRequest request) {
				return PeerRequests.token(requests.incrementAndGet());
			}

		});
		try {
			server.start(InetAddress.getLoopbackAddress(), 0);
			return server;
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	@Test
	void interactorEndpointDescribesClientHandlersAndOutcomesWithoutSecrets() throws Exception {
		String body = Deliveries.body(InteractorEvents.ROOM_MESSAGE_CREATED);
		assertThat(post(Deliveries.sign(body), body).statusCode()).isEqualTo(200);
		assertThat(post(new WebhookSigner("whsec_forged").headers(null, body), body).statusCode()).isEqualTo(401);
		HttpResponse<String> response = get("/actuator/interactor", true);
		assertThat(response.statusCode()).isEqualTo(200);
		JsonNode json = this.jsonMapper.readTree(response.body());
		JsonNode client = json.get("client");
		assertThat(client.get("configured").asBoolean()).isTrue();
		assertThat(client.get("environment").asString()).isEqualTo("production");
		assertThat(client.get("accountServerUrl").asString()).isEqualTo(PeerRequests.accountServerUrl(server));
		assertThat(client.get("coreApiUrl").asString()).isEqualTo(PeerRequests.coreApiUrl(server));
		JsonNode webhooks = json.get("webhooks");
		assertThat(webhooks.get("path").asString()).isEqualTo("/webhooks/interactor");
		assertThat(webhooks.get("secretConfigured").asBoolean()).isTrue();
		assertThat(webhooks.get("idempotencyStore").asString()).isEqualTo("memory");
		assertThat(webhooks.get("handlers").get(InteractorEvents.ROOM_MESSAGE_CREATED).get(0).asString())
			.isEqualTo("handlers#onMessage");
		assertThat(webhooks.get("handlers").get("workflow.instance.*").get(0).asString())
			.isEqualTo("handlers#onWorkflow");
		assertThat(webhooks.get("outcomes").get("processed").asLong()).isEqualTo(1);
		assertThat(webhooks.get("outcomes").get("invalid_signature").asLong()).isEqualTo(1);
		assertThat(webhooks.get("outcomes").get("handler_failed").asLong()).isZero();
		assertThat(response.body()).doesNotContain(Deliveries.SECRET)
			.doesNotContain(PeerRequests.CLIENT_SECRET)
			.doesNotContain("evt_")
			.doesNotContain("token-");
	}

	@Test
	void actuatorStaysBehindTheApplicationsLogin() throws Exception {
		assertThat(get("/actuator/interactor", false).statusCode()).isEqualTo(401);
	}

	@Test
	void healthOfTheInteractorComponentOverHttpRequestsOneToken() throws Exception {
		int tokensBefore = server.getRequestCount();
		HttpResponse<String> first = get("/actuator/health/interactor", true);
		assertThat(first.statusCode()).isEqualTo(200);
		JsonNode json = this.jsonMapper.readTree(first.body());
		assertThat(json.get("status").asString()).isEqualTo("UP");
		JsonNode client = json.get("components").get("client");
		assertThat(client.get("status").asString()).isEqualTo("UP");
		assertThat(client.get("details").get("tokenValid").asBoolean()).isTrue();
		assertThat(client.get("details").get("expiresInSeconds").asLong()).isPositive();
		JsonNode webhooks = json.get("components").get("webhooks");
		assertThat(webhooks.get("details").get("handlerCount").asInt()).isEqualTo(2);
		int tokensAfterFirst = server.getRequestCount();
		assertThat(tokensAfterFirst).isLessThanOrEqualTo(tokensBefore + 1);
		HttpResponse<String> second = get("/actuator/health/interactor", true);
		assertThat(second.statusCode()).isEqualTo(200);
		assertThat(server.getRequestCount()).isEqualTo(tokensAfterFirst);
		assertThat(first.body()).doesNotContain("token-")
			.doesNotContain(Deliveries.SECRET)
			.doesNotContain(PeerRequests.CLIENT_SECRET);
	}

	private HttpResponse<String> post(HttpHeaders headers, String body) throws Exception {
		HttpRequest.Builder request = HttpRequest
			.newBuilder(URI.create("http://localhost:" + this.port + "/webhooks/interactor"))
			.POST(HttpRequest.BodyPublishers.ofString(body));
		headers.forEach((name, values) -> {
			if (!name.equalsIgnoreCase(HttpHeaders.CONTENT_LENGTH) && !name.equalsIgnoreCase(HttpHeaders.HOST)) {
				values.forEach((value) -> request.header(name, value));
			}
		});
		return this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	private HttpResponse<String> get(String path, boolean authenticated) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path));
		if (authenticated) {
			request.header(HttpHeaders.AUTHORIZATION, "Basic " + Base64.getEncoder()
				.encodeToString("ops:ops-password".getBytes(StandardCharsets.UTF_8)));
		}
		return this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	static class App {

		@Bean
		Handlers handlers() {
			return new Handlers();
		}

	}

	static class Handlers {

		@InteractorWebhook(InteractorEvents.ROOM_MESSAGE_CREATED)
		public void onMessage(RoomMessageData data) {
		}

		@InteractorWebhook("workflow.instance.*")
		public void onWorkflow(JsonNode data) {
		}

	}

}
