package io.interactor.sample;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import io.interactor.spring.webhook.InteractorEvents;
import io.interactor.spring.webhook.WebhookSigner;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Posts signed deliveries to the running sample (no client credentials configured, so the embedded mock runs too).
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class SampleWebhookTests {

	@LocalServerPort
	private int port;

	@Value("${interactor.webhook.secret}")
	private String secret;

	@Autowired
	private SampleWebhookHandlers handlers;

	private final HttpClient client = HttpClient.newHttpClient();

	private HttpResponse<String> deliver(String eventType, String id, String data, String secret) throws Exception {
		String body = "{\"id\":\"" + id + "\",\"event\":\"" + eventType + "\",\"timestamp\":\"2026-01-20T12:00:00Z\","
				+ "\"idempotency_key\":\"idem_" + id + "\",\"namespace\":\"user_1\",\"data\":" + data + "}";
		HttpHeaders headers = new WebhookSigner(secret).headers(eventType, body);
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + this.port
				+ "/webhooks/interactor"))
			.POST(HttpRequest.BodyPublishers.ofString(body));
		headers.forEach((name, values) -> values.forEach((value) -> request.header(name, value)));
		return this.client.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	@Test
	void credentialRoomAndWorkflowEventsReachTheirHandlers() throws Exception {
		assertThat(deliver(InteractorEvents.CREDENTIAL_CONNECTED, "evt_c1",
				"{\"credential_id\":\"cred_1\",\"provider\":\"google\",\"scopes\":[\"email\"]}", this.secret)
			.statusCode()).isEqualTo(200);
		assertThat(deliver(InteractorEvents.ROOM_MESSAGE_CREATED, "evt_r1",
				"{\"message_id\":\"msg_1\",\"room_id\":\"room_1\",\"role\":\"assistant\",\"content\":\"Hi\"}",
				this.secret)
			.statusCode()).isEqualTo(200);
		assertThat(deliver(InteractorEvents.ROOM_TOOL_CALL_PENDING, "evt_t1",
				"{\"tool_call_id\":\"tc_1\",\"room_id\":\"room_1\",\"tool_name\":\"lookup\",\"arguments\":{\"q\":1}}",
				this.secret)
			.statusCode()).isEqualTo(200);
		assertThat(deliver(InteractorEvents.WORKFLOW_INSTANCE_HALTED, "evt_w1",
				"{\"instance_id\":\"wi_1\",\"current_state\":\"approval\",\"presentation\":{\"type\":\"form\","
						+ "\"fields\":[{\"name\":\"ok\",\"type\":\"boolean\",\"label\":\"OK?\",\"required\":true}]}}",
				this.secret)
			.statusCode()).isEqualTo(200);
		assertThat(this.handlers.received()).containsSubsequence("credential.connected cred_1",
				"room.message.created room_1 assistant", "room.tool_call.pending lookup",
				"workflow.instance.halted wi_1 1 field(s)", "workflow workflow.instance.halted wi_1");
	}

	@Test
	void redeliveryIsProcessedOnce() throws Exception {
		String data = "{\"instance_id\":\"wi_2\"}";
		assertThat(deliver(InteractorEvents.WORKFLOW_INSTANCE_COMPLETED, "evt_w2", data, this.secret).body())
			.isEqualTo("{\"received\":true}");
		assertThat(deliver(InteractorEvents.WORKFLOW_INSTANCE_COMPLETED, "evt_w2", data, this.secret).body())
			.isEqualTo("{\"received\":true,\"duplicate\":true}");
		assertThat(this.handlers.received()).containsOnlyOnce("workflow workflow.instance.completed wi_2");
	}

	@Test
	void deliveriesSignedWithAnotherSecretAreRejected() throws Exception {
		HttpResponse<String> response = deliver(InteractorEvents.CREDENTIAL_REVOKED, "evt_x",
				"{\"credential_id\":\"cred_x\"}", "whsec_not_the_configured_one");
		assertThat(response.statusCode()).isEqualTo(401);
		assertThat(this.handlers.received()).noneMatch((summary) -> summary.contains("cred_x"));
	}

}
