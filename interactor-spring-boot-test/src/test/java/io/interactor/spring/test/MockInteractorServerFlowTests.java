package io.interactor.spring.test;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.interactor.spring.client.InteractorClient;
import io.interactor.spring.client.ReactiveInteractorClient;
import io.interactor.spring.client.error.InteractorConflictException;
import io.interactor.spring.client.error.InteractorNotFoundException;
import io.interactor.spring.client.error.InteractorValidationException;
import io.interactor.spring.client.http.RetryPolicy;
import io.interactor.spring.client.resource.CompleteOAuthRequest;
import io.interactor.spring.client.resource.CreateDataSourceRequest;
import io.interactor.spring.client.resource.CreateWebhookRequest;
import io.interactor.spring.client.resource.CreateWorkflowRequest;
import io.interactor.spring.client.resource.Credential;
import io.interactor.spring.client.resource.CredentialStatus;
import io.interactor.spring.client.resource.DataSource;
import io.interactor.spring.client.resource.InitiateOAuthRequest;
import io.interactor.spring.client.resource.OAuthFlow;
import io.interactor.spring.client.resource.OAuthFlowState;
import io.interactor.spring.client.resource.OAuthFlowStatus;
import io.interactor.spring.client.resource.StartWorkflowRequest;
import io.interactor.spring.client.resource.ThreadMessage;
import io.interactor.spring.client.resource.ThreadMessageRequest;
import io.interactor.spring.client.resource.TriggerEventRequest;
import io.interactor.spring.client.resource.Webhook;
import io.interactor.spring.client.resource.Workflow;
import io.interactor.spring.client.resource.WorkflowInstance;
import io.interactor.spring.client.resource.WorkflowInstanceStatus;
import io.interactor.spring.client.stream.StreamEvent;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;

import org.springframework.web.util.UriComponents;
import org.springframework.web.util.UriComponentsBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

/**
 * OAuth connect flows, workflow instances that halt, take input, follow events and stream their changes, data
 * source sync and webhook secret rotation, through both clients against the mock.
 */
class MockInteractorServerFlowTests {

	private static final Duration TIMEOUT = Duration.ofSeconds(10);

	private static final String NS = "user_1";

	/** intake moves on by itself, review halts for input, approved waits for "ship", shipped is terminal. */
	private static final List<Map<String, Object>> STATES = List.of(
			Map.of("name", "intake", "type", "action", "transitions", List.of(Map.of("to", "review"))),
			Map.of("name", "review", "type", "halting", "presentation",
					Map.of("type", "approval", "title", "Approve the order?"), "transitions",
					List.of(Map.of("to", "approved"))),
			Map.of("name", "approved", "type", "action", "transitions",
					List.of(Map.of("to", "shipped", "event", "ship"))),
			Map.of("name", "shipped", "type", "terminal"));

	private MockInteractorServer server;

	private ReactiveInteractorClient reactive;

	private InteractorClient client;

	@BeforeEach
	void start() throws IOException {
		// Deliveries go to a closed port without retries: every attempt is still in the delivery log.
		int closedPort;
		try (ServerSocket socket = new ServerSocket(0)) {
			closedPort = socket.getLocalPort();
		}
		this.server = MockInteractorServer.builder()
			.webhookRetryDelays()
			.webhook("http://127.0.0.1:" + closedPort + "/hooks", "whsec_flow", "workflow.instance.*",
					"credential.*")
			.start();
		this.reactive = ReactiveInteractorClient.builder()
			.credentials(this.server.clientId(), this.server.clientSecret())
			.accountServerUrl(this.server.accountServerUrl())
			.coreApiUrl(this.server.coreApiUrl())
			.responseTimeout(Duration.ofSeconds(5))
			.retryPolicy(RetryPolicy.NONE)
			.build();
		this.client = new InteractorClient(this.reactive);
	}

	@AfterEach
	void stop() {
		this.server.close();
	}

	@Test
	void blockingClientCompletesAnOAuthFlow() {
		OAuthFlow flow = this.client.oauth()
			.initiate(NS, InitiateOAuthRequest.forProvider("google", List.of("calendar"), "https://app.test/cb"));
		assertThat(flow.flowId()).startsWith("flow_");
		UriComponents authorization = UriComponentsBuilder.fromUriString(flow.authorizationUrl()).build();
		assertThat(authorization.getHost()).isEqualTo("app.test");
		assertThat(authorization.getQueryParams().getFirst("state")).isEqualTo(flow.state());
		assertThat(this.client.oauth().status(NS, flow.flowId()).state()).isEqualTo(OAuthFlowState.AWAITING_CALLBACK);

		Credential credential = this.client.oauth()
			.complete(NS, new CompleteOAuthRequest("google", authorization.getQueryParams().getFirst("code"),
					flow.state()));

		assertThat(credential.status()).isEqualTo(CredentialStatus.ACTIVE);
		assertThat(credential.provider()).isEqualTo("google");
		assertThat(credential.scopes()).containsExactly("calendar");
		assertThat(this.client.credentials().get(NS, credential.id()).provider()).isEqualTo("google");
		OAuthFlowStatus status = this.client.oauth().status(NS, flow.flowId());
		assertThat(status.state()).isEqualTo(OAuthFlowState.COMPLETED);
		assertThat(status.credentialId()).isEqualTo(credential.id());
		// The state is used up, and flows are kept per namespace.
		assertThatExceptionOfType(InteractorValidationException.class).isThrownBy(() -> this.client.oauth()
			.complete(NS, new CompleteOAuthRequest("google", "code", flow.state())));
		assertThat(this.client.oauth().status("user_2", flow.flowId()).state())
			.isEqualTo(OAuthFlowState.FINISHED_OR_UNKNOWN);
		await().atMost(TIMEOUT)
			.untilAsserted(() -> assertThat(this.server.webhookDeliveries()).extracting(WebhookAttempt::event)
				.containsExactly("credential.connected"));
	}

	@Test
	void reactiveClientCompletesAnOAuthFlowForAService() {
		OAuthFlow flow = this.reactive.oauth()
			.initiate(NS, InitiateOAuthRequest.forService("svc_github", List.of("repo"), null))
			.block(TIMEOUT);
		StepVerifier.create(this.reactive.oauth().complete(NS, new CompleteOAuthRequest(null, "c0de", "st_wrong")))
			.expectError(InteractorValidationException.class)
			.verify(TIMEOUT);
		StepVerifier.create(this.reactive.oauth().complete(NS, new CompleteOAuthRequest(null, "c0de", flow.state())))
			.assertNext((credential) -> {
				assertThat(credential.serviceId()).isEqualTo("svc_github");
				assertThat(credential.status()).isEqualTo(CredentialStatus.ACTIVE);
			})
			.verifyComplete();
		StepVerifier.create(this.reactive.oauth().status(NS, flow.flowId()))
			.assertNext((status) -> assertThat(status.state()).isEqualTo(OAuthFlowState.COMPLETED))
			.verifyComplete();
		StepVerifier.create(this.reactive.oauth().status(NS, "flow_unknown"))
			.assertNext((status) -> assertThat(status.state()).isEqualTo(OAuthFlowState.FINISHED_OR_UNKNOWN))
			.verifyComplete();
	}

	@Test
	void blockingClientDrivesAnInstanceThroughInputAndAnEvent() {
		Workflow workflow = this.client.workflows()
			.create(NS, CreateWorkflowRequest.of("orders", STATES, "intake"));
		WorkflowInstance started = this.client.workflowInstances()
			.start(NS, StartWorkflowRequest.of(workflow.id(), Map.of("amount", 42)));
		assertThat(started.status()).isEqualTo(WorkflowInstanceStatus.HALTED);
		assertThat(started.currentState()).isEqualTo("review");
		assertThat(started.haltingPresentation().path("title").asString()).isEqualTo("Approve the order?");
		// Not waiting for an event in review, nor for "ship".
		assertThatExceptionOfType(InteractorConflictException.class).isThrownBy(() -> this.client
			.workflowInstances()
			.triggerEvent(NS, started.id(), TriggerEventRequest.of("ship")));

		WorkflowInstance approved = this.client.workflowInstances()
			.submitInput(NS, started.id(), Map.of("approved", true));

		assertThat(approved.status()).isEqualTo(WorkflowInstanceStatus.RUNNING);
		assertThat(approved.currentState()).isEqualTo("approved");
		assertThat(approved.context().path("amount").asInt()).isEqualTo(42);
		assertThat(approved.context().path("approved").asBoolean()).isTrue();
		assertThatExceptionOfType(InteractorConflictException.class).isThrownBy(
				() -> this.client.workflowInstances().submitInput(NS, started.id(), Map.of("approved", false)));
		WorkflowInstance shipped = this.client.workflowInstances()
			.triggerEvent(NS, started.id(), new TriggerEventRequest("ship", Map.of("carrier", "post")));
		assertThat(shipped.status()).isEqualTo(WorkflowInstanceStatus.COMPLETED);
		assertThat(shipped.currentState()).isEqualTo("shipped");
		assertThat(shipped.context().path("carrier").asString()).isEqualTo("post");
		assertThat(this.client.workflowInstances().get(NS, started.id()).status())
			.isEqualTo(WorkflowInstanceStatus.COMPLETED);
		assertThatExceptionOfType(InteractorValidationException.class)
			.isThrownBy(() -> this.client.workflowInstances().cancel(NS, started.id()));
		await().atMost(TIMEOUT)
			.untilAsserted(() -> assertThat(this.server.webhookDeliveries()).extracting(WebhookAttempt::event)
				.containsExactlyInAnyOrder("workflow.instance.started", "workflow.instance.state_changed",
						"workflow.instance.halted", "workflow.instance.state_changed",
						"workflow.instance.state_changed", "workflow.instance.completed"));
	}

	@Test
	void blockingClientReadsAndWritesTheInstancesThread() {
		Workflow workflow = this.client.workflows()
			.create(NS, CreateWorkflowRequest.of("orders", STATES, "intake"));
		WorkflowInstance instance = this.client.workflowInstances()
			.start(NS, StartWorkflowRequest.of(workflow.id(), Map.of()));

		ThreadMessage sent = this.client.workflowInstances()
			.sendThreadMessage(NS, instance.id(), new ThreadMessageRequest("Please hurry"));

		assertThat(sent.role()).isEqualTo("user");
		assertThat(this.client.workflowInstances().thread(NS, instance.id()).messages())
			.extracting(ThreadMessage::role, ThreadMessage::content)
			.containsExactly(tuple("workflow", "Moved from intake to review"),
					tuple("user", "Please hurry"));
		assertThatExceptionOfType(InteractorNotFoundException.class)
			.isThrownBy(() -> this.client.workflowInstances().thread("user_2", instance.id()));
	}

	@Test
	void reactiveClientStreamsTheInstancesChanges() {
		Workflow workflow = this.reactive.workflows()
			.create(NS, CreateWorkflowRequest.of("orders", STATES, "intake"))
			.block(TIMEOUT);
		WorkflowInstance instance = this.reactive.workflowInstances()
			.start(NS, StartWorkflowRequest.of(workflow.id(), Map.of()))
			.block(TIMEOUT);

		StepVerifier.create(this.reactive.workflowInstances()
			.stream(NS, instance.id())
			.filter((event) -> !event.isHeartbeat())
			.take(6))
			.assertNext((event) -> assertThat(event.type()).isEqualTo("workflow.started"))
			.assertNext((event) -> assertThat(event.workflowState()).contains("review"))
			.assertNext((event) -> assertThat(event.isWorkflowHalted()).isTrue())
			// Live from here: input moves the halted instance on, then the event finishes it.
			.then(() -> this.reactive.workflowInstances()
				.submitInput(NS, instance.id(), Map.of("approved", true))
				.then(this.reactive.workflowInstances().triggerEvent(NS, instance.id(), TriggerEventRequest.of("ship")))
				.block(TIMEOUT))
			.assertNext((event) -> assertThat(event.workflowState()).contains("approved"))
			.assertNext((event) -> assertThat(event.workflowState()).contains("shipped"))
			.assertNext((event) -> {
				assertThat(event.isWorkflowFinished()).isTrue();
				assertThat(event.data().path("status").asString()).isEqualTo("completed");
			})
			.expectComplete()
			.verify(TIMEOUT);
		StepVerifier.create(this.reactive.workflowInstances()
			.submitInput(NS, instance.id(), Map.of("approved", true)))
			.expectError(InteractorConflictException.class)
			.verify(TIMEOUT);
	}

	@Test
	void dataSourcesSyncAndWebhookSecretsRotateWithBothClients() {
		DataSource dataSource = this.client.dataSources()
			.create(NS, CreateDataSourceRequest.of("docs", "url", Map.of("url", "https://example.com")));
		this.client.dataSources().sync(NS, dataSource.id());
		StepVerifier.create(this.reactive.dataSources().sync(NS, dataSource.id())).verifyComplete();
		assertThat(this.server.requests("POST", "/data-sources/{id}/sync")).hasSize(2);
		assertThatExceptionOfType(InteractorNotFoundException.class)
			.isThrownBy(() -> this.client.dataSources().sync("user_2", dataSource.id()));

		Webhook webhook = this.client.webhooks()
			.create(NS, CreateWebhookRequest.of("https://example.com/hook", List.of("room.*")));
		Webhook rotated = this.client.webhooks().rotateSecret(NS, webhook.id());
		assertThat(rotated.secret()).startsWith("whsec_").isNotEqualTo(webhook.secret());
		StepVerifier.create(this.reactive.webhooks().rotateSecret(NS, webhook.id()))
			.assertNext((again) -> assertThat(again.secret()).isNotEqualTo(rotated.secret()))
			.verifyComplete();
		assertThat(this.client.webhooks().get(NS, webhook.id()).secret()).isNull();
		StepVerifier.create(this.reactive.webhooks().rotateSecret(NS, "wh_unknown"))
			.expectError(InteractorNotFoundException.class)
			.verify(TIMEOUT);
	}

}
