package io.interactor.spring.test;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.interactor.spring.client.InteractorClient;
import io.interactor.spring.client.ReactiveInteractorClient;
import io.interactor.spring.client.http.RetryPolicy;
import io.interactor.spring.client.resource.CreateRoomRequest;
import io.interactor.spring.client.resource.CreateWebhookRequest;
import io.interactor.spring.client.resource.CreateWorkflowRequest;
import io.interactor.spring.client.resource.Room;
import io.interactor.spring.client.resource.SendMessageRequest;
import io.interactor.spring.client.resource.StartWorkflowRequest;
import io.interactor.spring.client.resource.Webhook;
import io.interactor.spring.client.resource.Workflow;
import io.interactor.spring.client.resource.WorkflowInstance;
import io.interactor.spring.webhook.signature.HmacWebhookSignatureVerifier;
import io.interactor.spring.webhook.signature.SignatureScheme;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpHeaders;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

/**
 * Webhook deliveries of {@link MockInteractorServer} to a real HTTP receiver on {@code 127.0.0.1}.
 */
class MockInteractorServerWebhookTests {

	private static final Duration WAIT = Duration.ofSeconds(10);

	private final JsonMapper json = JsonMapper.builder().build();

	private final List<Received> received = new CopyOnWriteArrayList<>();

	private final AtomicInteger failuresLeft = new AtomicInteger();

	private HttpServer receiver;

	private MockInteractorServer server;

	private InteractorClient client;

	@BeforeEach
	void start() throws IOException {
		this.receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		this.receiver.createContext("/hooks", this::receive);
		this.receiver.start();
		this.server = MockInteractorServer.builder()
			.webhookRetryDelays(Duration.ofMillis(50), Duration.ofMillis(50))
			.start();
		this.client = new InteractorClient(ReactiveInteractorClient.builder()
			.credentials(this.server.clientId(), this.server.clientSecret())
			.accountServerUrl(this.server.accountServerUrl())
			.coreApiUrl(this.server.coreApiUrl())
			.responseTimeout(Duration.ofSeconds(5))
			.retryPolicy(RetryPolicy.NONE)
			.build());
	}

	@AfterEach
	void stop() {
		this.server.close();
		this.receiver.stop(0);
	}

	private void receive(HttpExchange exchange) throws IOException {
		byte[] body = exchange.getRequestBody().readAllBytes();
		HttpHeaders headers = new HttpHeaders();
		exchange.getRequestHeaders().forEach((name, values) -> headers.addAll(name, values));
		this.received.add(new Received(headers, body));
		int status = (this.failuresLeft.getAndDecrement() > 0) ? 500 : 200;
		exchange.sendResponseHeaders(status, -1);
		exchange.close();
	}

	private String receiverUrl() {
		return "http://127.0.0.1:" + this.receiver.getAddress().getPort() + "/hooks";
	}

	@Test
	void webhookCreatedThroughTheApiReceivesSignedMessageEvents() {
		Webhook webhook = this.client.webhooks()
			.create("user_1", CreateWebhookRequest.of(receiverUrl(), List.of("room.message.created")));
		String assistantId = this.server.seed("user_1").assistant("support");
		Room room = this.client.rooms().create("user_1", CreateRoomRequest.of(assistantId));

		this.client.rooms().sendMessage("user_1", room.id(), SendMessageRequest.of("hello"));

		await().atMost(WAIT).until(() -> this.received.size() == 2);
		HmacWebhookSignatureVerifier verifier = new HmacWebhookSignatureVerifier(List.of(webhook.secret()),
				SignatureScheme.TIMESTAMPED, Duration.ofMinutes(5), Clock.systemUTC());
		assertThat(this.received).allSatisfy((delivery) -> {
			assertThat(verifier.verify(delivery.headers(), delivery.body()).isValid()).isTrue();
			assertThat(delivery.headers().getFirst("X-Interactor-Event")).isEqualTo("room.message.created");
			assertThat(delivery.headers().getFirst("X-Interactor-Delivery")).startsWith("del_");
		});
		List<JsonNode> envelopes = this.received.stream().map((delivery) -> this.json.readTree(delivery.body())).toList();
		assertThat(envelopes).extracting((envelope) -> envelope.path("data").path("role").asString())
			.containsExactlyInAnyOrder("user", "assistant");
		assertThat(envelopes).allSatisfy((envelope) -> {
			assertThat(envelope.path("event").asString()).isEqualTo("room.message.created");
			assertThat(envelope.path("namespace").asString()).isEqualTo("user_1");
			assertThat(envelope.path("idempotency_key").asString()).startsWith("idem_");
			assertThat(envelope.path("data").path("room_id").asString()).isEqualTo(room.id());
		});
	}

	@Test
	void webhooksOfOtherNamespacesAndOtherEventsGetNothing() {
		this.client.webhooks().create("user_2", CreateWebhookRequest.of(receiverUrl(), List.of("*")));
		this.server.webhook(receiverUrl(), "whsec_configured", "credential.*");

		this.server.trigger("user_1", "room.message.created", Map.of("message_id", "msg_1"));
		this.server.trigger("user_1", "credential.expired", Map.of("credential_id", "cred_1"));

		await().atMost(WAIT).until(() -> !this.server.webhookDeliveries().isEmpty());
		assertThat(this.server.webhookDeliveries()).singleElement()
			.satisfies((attempt) -> assertThat(attempt.event()).isEqualTo("credential.expired"));
		assertThat(this.received).singleElement()
			.satisfies((delivery) -> assertThat(this.json.readTree(delivery.body()).path("data").path("credential_id")
				.asString()).isEqualTo("cred_1"));
	}

	@Test
	void workflowInstanceChangesAreDelivered() {
		this.server.webhook(receiverUrl(), "whsec_configured", "workflow.instance.*");
		Workflow workflow = this.client.workflows()
			.create("user_1", new CreateWorkflowRequest("approval", null, Map.of("review", Map.of()), "review"));
		WorkflowInstance instance = this.client.workflowInstances()
			.start("user_1", new StartWorkflowRequest(workflow.id(), Map.of("amount", 42)));

		this.client.workflowInstances().cancel("user_1", instance.id());

		await().atMost(WAIT).until(() -> this.server.webhookDeliveries().size() == 2);
		assertThat(this.server.webhookDeliveries()).extracting(WebhookAttempt::event)
			.containsExactly("workflow.instance.started", "workflow.instance.cancelled");
		assertThat(this.received).extracting((delivery) -> this.json.readTree(delivery.body()).path("data"))
			.allSatisfy((data) -> {
				assertThat(data.path("instance_id").asString()).isEqualTo(instance.id());
				assertThat(data.path("current_state").asString()).isEqualTo("review");
			});
	}

	@Test
	void failedDeliveryIsRetriedWithTheSameEventAndAFreshDeliveryId() {
		this.failuresLeft.set(2);
		this.server.webhook(receiverUrl(), "whsec_configured");

		this.server.trigger("credential.expired", Map.of("credential_id", "cred_1"));

		await().atMost(WAIT).until(() -> this.server.webhookDeliveries().size() == 3);
		assertThat(this.server.webhookDeliveries()).extracting(WebhookAttempt::attempt, WebhookAttempt::status)
			.containsExactly(tuple(1, 500), tuple(2, 500),
					tuple(3, 200));
		assertThat(this.server.webhookDeliveries()).extracting(WebhookAttempt::deliveryId).doesNotHaveDuplicates();
		assertThat(this.server.webhookDeliveries()).extracting(WebhookAttempt::eventId).containsOnly(
				this.server.webhookDeliveries().get(0).eventId());
		assertThat(this.received).extracting((delivery) -> this.json.readTree(delivery.body())
			.path("idempotency_key")
			.asString()).hasSize(3).containsOnly(this.json.readTree(this.received.get(0).body())
				.path("idempotency_key").asString());
	}

	@Test
	void retriesStopAfterTheConfiguredAttempts() {
		this.failuresLeft.set(Integer.MAX_VALUE);
		this.server.webhook(receiverUrl(), "whsec_configured");

		this.server.trigger("credential.expired", Map.of());

		await().atMost(WAIT).until(() -> this.server.webhookDeliveries().size() == 3);
		this.server.trigger("credential.revoked", Map.of());
		await().atMost(WAIT).until(() -> this.server.webhookDeliveries().size() == 6);
		assertThat(this.server.webhookDeliveries()).filteredOn((attempt) -> attempt.event().equals("credential.expired"))
			.extracting(WebhookAttempt::attempt)
			.containsExactly(1, 2, 3);
	}

	@Test
	void unreachableReceiverIsLoggedWithoutStatus() {
		this.server.webhook("http://127.0.0.1:1/hooks", "whsec_configured");

		this.server.trigger("credential.expired", Map.of());

		await().atMost(WAIT).until(() -> this.server.webhookDeliveries().size() == 3);
		assertThat(this.server.webhookDeliveries()).extracting(WebhookAttempt::status).containsOnly(0);
	}

	private record Received(HttpHeaders headers, byte[] body) {

	}

}
