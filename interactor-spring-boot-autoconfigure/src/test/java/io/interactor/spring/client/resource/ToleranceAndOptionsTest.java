package io.interactor.spring.client.resource;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.interactor.spring.client.InteractorClient;
import io.interactor.spring.client.ReactiveInteractorClient;
import io.interactor.spring.client.core.IdempotencyKeys;
import io.interactor.spring.client.core.RequestOptions;
import io.interactor.spring.client.http.RetryPolicy;
import io.interactor.spring.test.PeerRequests;
import io.interactor.spring.test.ReceivedRequests;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.cfg.EnumFeature;
import tools.jackson.databind.json.JsonMapper;

import static io.interactor.spring.test.PeerRequests.json;
import static io.interactor.spring.test.PeerRequests.noRetryClientBuilder;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Responses from a newer platform (unknown fields, unknown enum values) stay readable even with an application
 * mapper configured strictly; OAuth status 404 is an answer, not an error; caller idempotency keys win.
 */
class ToleranceAndOptionsTest {

	private static final String NS = "user_123";

	/** An application mapper as strict as it gets: tolerance must come from the models' annotations. */
	private static final JsonMapper STRICT = JsonMapper.builder()
		.enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
		.disable(EnumFeature.READ_UNKNOWN_ENUM_VALUES_USING_DEFAULT_VALUE)
		.disable(EnumFeature.READ_UNKNOWN_ENUM_VALUES_AS_NULL)
		.build();

	private MockWebServer server;

	private ReceivedRequests received;

	private ReactiveInteractorClient reactive;

	private InteractorClient blocking;

	@BeforeEach
	void start() throws Exception {
		this.server = PeerRequests.start(PeerRequests.notFound());
		this.received = new ReceivedRequests(this.server);
		this.reactive = noRetryClientBuilder(this.server).jsonMapper(STRICT).build();
		this.blocking = new InteractorClient(this.reactive);
	}

	@AfterEach
	void stop() {
		this.server.close();
	}

	@Test
	void unknownStatusesAndFieldsDeserialise() {
		this.server.enqueue(json(200,
				"{\"data\":{\"id\":\"cred_1\",\"status\":\"suspended\",\"brand_new\":{\"a\":[1]}},\"meta\":{}}"));
		this.server.enqueue(json(200,
				"{\"data\":[{\"id\":\"a\",\"status\":\"paused\",\"x\":1},{\"id\":\"b\",\"status\":\"CANCELLED\"},"
						+ "{\"id\":\"c\",\"status\":\"canceled\"},{\"id\":\"d\",\"status\":null}]}"));
		this.server.enqueue(json(200, "{\"data\":{\"flow_id\":\"flow_1\",\"status\":\"teleporting\"}}"));
		assertThat(this.blocking.credentials().get(NS, "cred_1").status()).isEqualTo(CredentialStatus.UNKNOWN);
		assertThat(this.blocking.workflowInstances().list(NS).data()).extracting(WorkflowInstance::status)
			.containsExactly(WorkflowInstanceStatus.UNKNOWN, WorkflowInstanceStatus.CANCELLED,
					WorkflowInstanceStatus.CANCELLED, null);
		assertThat(this.blocking.oauth().status(NS, "flow_1").state()).isEqualTo(OAuthFlowState.UNKNOWN);
	}

	@Test
	void bothWebhookSpellingsAreRead() {
		this.server.enqueue(json(200, "{\"data\":[{\"id\":\"wh_1\",\"events\":[\"a\"],"
				+ "\"active\":false},{\"id\":\"wh_2\",\"event_types\":[\"b\"],\"enabled\":true,\"name\":\"n\"}]}"));
		List<Webhook> webhooks = this.reactive.webhooks().list(NS).block().data();
		assertThat(webhooks).extracting(Webhook::active).containsExactly(false, true);
		assertThat(webhooks).extracting(Webhook::events).containsExactly(List.of("a"), List.of("b"));
	}

	@Test
	void oauthStatusNotFoundMeansFinishedOrUnknownOnBothClients() {
		this.server.enqueue(json(404, "{\"error\":{\"code\":\"not_found\"}}"));
		this.server.enqueue(json(404, "{\"error\":{\"code\":\"not_found\"}}"));
		OAuthFlowStatus reactiveStatus = this.reactive.oauth().status(NS, "flow_1").block();
		OAuthFlowStatus blockingStatus = this.blocking.oauth().status(NS, "flow_1");
		for (OAuthFlowStatus status : List.of(reactiveStatus, blockingStatus)) {
			assertThat(status.state()).isEqualTo(OAuthFlowState.FINISHED_OR_UNKNOWN);
			assertThat(status.state().isTerminal()).isTrue();
			assertThat(status.flowId()).isEqualTo("flow_1");
		}
	}

	@Test
	void callerIdempotencyKeyReplacesTheGeneratedOneAndIsSentWhereNoneIsGenerated() {
		String key = IdempotencyKeys.hash(NS, "asst_1", "session-9");
		this.server.enqueue(json(201, "{\"data\":{\"id\":\"room_1\"}}"));
		this.server.enqueue(json(201, "{\"data\":{\"id\":\"tool_1\"}}"));
		this.blocking.rooms().create(NS, CreateRoomRequest.of("asst_1"), RequestOptions.idempotencyKey(key));
		this.reactive.tools()
			.create(NS, CreateToolRequest.of("t", "d", Map.of()), RequestOptions.idempotencyKey("tool-key"))
			.block();
		assertThat(this.received.all()).extracting((request) -> request.getHeaders().get("Idempotency-Key"))
			.containsExactly(key, "tool-key");
	}

	@Test
	void generatedKeyIsTheSameOnEveryRetryOfACreate() {
		RetryPolicy quick = new RetryPolicy(2, Duration.ofMillis(1), Duration.ofMillis(5), Duration.ofMillis(5));
		InteractorClient retrying = new InteractorClient(noRetryClientBuilder(this.server).retryPolicy(quick).build());
		this.server.enqueue(json(503, "{\"error\":{\"code\":\"unavailable\"}}"));
		this.server.enqueue(json(201, "{\"data\":{\"id\":\"wfi_1\"}}"));
		retrying.workflowInstances().start(NS, StartWorkflowRequest.of("wf_1", Map.of()));
		assertThat(this.received.all()).hasSize(2)
			.extracting((r) -> r.getHeaders().get("Idempotency-Key"))
			.doesNotContainNull()
			.containsOnly(this.received.all().get(0).getHeaders().get("Idempotency-Key"));
	}

	@Test
	void generatedKeysDifferPerLogicalCall() {
		this.server.enqueue(json(201, "{\"data\":{\"id\":\"wh_1\"}}"));
		this.server.enqueue(json(201, "{\"data\":{\"id\":\"wh_2\"}}"));
		CreateWebhookRequest request = CreateWebhookRequest.of("https://app.example.com/h", List.of("*"));
		this.blocking.webhooks().create(NS, request);
		this.blocking.webhooks().create(NS, request);
		assertThat(this.received.all()).extracting((r) -> r.getHeaders().get("Idempotency-Key"))
			.doesNotContainNull()
			.doesNotHaveDuplicates();
	}

}
