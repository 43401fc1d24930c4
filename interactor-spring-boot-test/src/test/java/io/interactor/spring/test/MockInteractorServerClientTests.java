package io.interactor.spring.test;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.interactor.spring.client.InteractorClient;
import io.interactor.spring.client.ReactiveInteractorClient;
import io.interactor.spring.client.auth.TokenRequestFormat;
import io.interactor.spring.client.core.ListParams;
import io.interactor.spring.client.core.Page;
import io.interactor.spring.client.core.RequestOptions;
import io.interactor.spring.client.error.InteractorAuthenticationException;
import io.interactor.spring.client.error.InteractorConflictException;
import io.interactor.spring.client.error.InteractorNotFoundException;
import io.interactor.spring.client.error.InteractorValidationException;
import io.interactor.spring.client.http.RetryPolicy;
import io.interactor.spring.client.resource.Assistant;
import io.interactor.spring.client.resource.CreateAssistantRequest;
import io.interactor.spring.client.resource.CreateDataSourceRequest;
import io.interactor.spring.client.resource.CreateRoomRequest;
import io.interactor.spring.client.resource.CreateToolRequest;
import io.interactor.spring.client.resource.CreateWebhookRequest;
import io.interactor.spring.client.resource.CreateWorkflowRequest;
import io.interactor.spring.client.resource.Credential;
import io.interactor.spring.client.resource.CredentialFilter;
import io.interactor.spring.client.resource.CredentialStatus;
import io.interactor.spring.client.resource.DataSource;
import io.interactor.spring.client.resource.Message;
import io.interactor.spring.client.resource.Room;
import io.interactor.spring.client.resource.SendMessageRequest;
import io.interactor.spring.client.resource.StartWorkflowRequest;
import io.interactor.spring.client.resource.SubmitToolResultRequest;
import io.interactor.spring.client.resource.Tool;
import io.interactor.spring.client.resource.UpdateAssistantRequest;
import io.interactor.spring.client.resource.UpdateRoomRequest;
import io.interactor.spring.client.resource.UpdateWebhookRequest;
import io.interactor.spring.client.resource.Webhook;
import io.interactor.spring.client.resource.Workflow;
import io.interactor.spring.client.resource.WorkflowInstance;
import io.interactor.spring.client.resource.WorkflowInstanceFilter;
import io.interactor.spring.client.resource.WorkflowInstanceStatus;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Both clients against {@link MockInteractorServer}: every resource group the mock serves, namespaces, paging,
 * errors, idempotency and the token endpoint.
 */
class MockInteractorServerClientTests {

	private static final Duration TIMEOUT = Duration.ofSeconds(10);

	private MockInteractorServer server;

	private ReactiveInteractorClient reactive;

	private InteractorClient client;

	@BeforeEach
	void start() {
		this.server = MockInteractorServer.start();
		this.reactive = clientBuilder(TokenRequestFormat.JSON).build();
		this.client = new InteractorClient(this.reactive);
	}

	@AfterEach
	void stop() {
		this.server.close();
	}

	private ReactiveInteractorClient.Builder clientBuilder(TokenRequestFormat format) {
		return ReactiveInteractorClient.builder()
			.credentials(this.server.clientId(), this.server.clientSecret())
			.accountServerUrl(this.server.accountServerUrl())
			.coreApiUrl(this.server.coreApiUrl())
			.tokenRequestFormat(format)
			.responseTimeout(Duration.ofSeconds(5))
			.retryPolicy(RetryPolicy.NONE);
	}

	@Test
	void blockingClientManagesAssistants() {
		Assistant created = this.client.assistants()
			.create("user_1", CreateAssistantRequest.of("support", "gpt-4o", "You help."));
		assertThat(created.id()).startsWith("asst_");
		assertThat(created.systemPrompt()).isEqualTo("You help.");
		Assistant updated = this.client.assistants()
			.update("user_1", created.id(), UpdateAssistantRequest.builder().name("sales").build());
		assertThat(updated.name()).isEqualTo("sales");
		assertThat(updated.model()).isEqualTo("gpt-4o");
		assertThat(this.client.assistants().get("user_1", created.id()).name()).isEqualTo("sales");
		assertThat(this.client.assistants().list("user_1").data()).extracting(Assistant::id).containsExactly(created.id());
		this.client.assistants().delete("user_1", created.id());
		assertThatExceptionOfType(InteractorNotFoundException.class)
			.isThrownBy(() -> this.client.assistants().get("user_1", created.id()))
			.satisfies((ex) -> {
				assertThat(ex.code()).isEqualTo("assistant_not_found");
				assertThat(ex.requestId()).startsWith("req_");
			});
	}

	@Test
	void reactiveClientManagesAssistants() {
		Assistant created = this.reactive.assistants()
			.create("user_1", CreateAssistantRequest.of("support", "gpt-4o", "You help."))
			.block(TIMEOUT);
		Page<Assistant> page = this.reactive.assistants().list("user_1", ListParams.defaults()).block(TIMEOUT);
		assertThat(page.data()).extracting(Assistant::id).containsExactly(created.id());
		this.reactive.assistants().delete("user_1", created.id()).block(TIMEOUT);
		assertThat(this.reactive.assistants().list("user_1", ListParams.defaults()).block(TIMEOUT).data()).isEmpty();
	}

	@Test
	void roomOfAnUnknownAssistantIsNotFound() {
		assertThatExceptionOfType(InteractorNotFoundException.class)
			.isThrownBy(() -> this.reactive.rooms().create("user_1", CreateRoomRequest.of("asst_missing")).block(TIMEOUT))
			.satisfies((ex) -> assertThat(ex.code()).isEqualTo("assistant_not_found"));
		assertThatExceptionOfType(IllegalArgumentException.class)
			.isThrownBy(() -> this.server.seed("user_1").create("/assistants", Map.of("name", "x")))
			.withMessageContaining("model is required");
	}

	@Test
	void roomMessageGetsTheAssistantsReply() {
		String assistantId = this.server.seed("user_1").assistant("support");
		Room room = this.client.rooms().create("user_1", CreateRoomRequest.of(assistantId));
		assertThat(room.assistantId()).isEqualTo(assistantId);
		Message sent = this.client.rooms().sendMessage("user_1", room.id(), SendMessageRequest.of("hello there"));
		assertThat(sent.role()).isEqualTo("user");
		assertThat(sent.content()).isEqualTo("hello there");
		List<Message> messages = this.client.rooms().listMessages("user_1", room.id()).data();
		assertThat(messages).extracting(Message::role).containsExactly("user", "assistant");
		assertThat(messages.get(1).content()).isEqualTo("You said: hello there");
		Room updated = this.client.rooms().update("user_1", room.id(), new UpdateRoomRequest(Map.of("topic", "x")));
		assertThat(updated.metadata()).containsEntry("topic", "x");
		assertThat(updated.messageCount()).isEqualTo(2);
	}

	@Test
	void toolResultsAreStoredAsToolMessages() {
		String roomId = this.server.seed("user_1").room(this.server.seed("user_1").assistant("support"));
		Message stored = this.reactive.rooms()
			.submitToolResult("user_1", roomId, new SubmitToolResultRequest("tc_1", Map.of("temperature", 21)))
			.block(TIMEOUT);
		assertThat(stored.role()).isEqualTo("tool");
		assertThat(stored.content()).isEqualTo("{\"temperature\":21}");
		assertThat(this.client.rooms().listMessages("user_1", roomId).data()).extracting(Message::role)
			.containsExactly("tool");
	}

	@Test
	void reactiveClientSendsMessagesWithAPluggableReply() {
		this.server.replyGenerator((prompt) -> prompt.content().toUpperCase());
		String roomId = this.server.seed("user_1").room(this.server.seed("user_1").assistant("support"));
		this.reactive.rooms().sendMessage("user_1", roomId, SendMessageRequest.of("quiet")).block(TIMEOUT);
		List<Message> messages = this.reactive.rooms().listMessages("user_1", roomId).block(TIMEOUT).data();
		assertThat(messages).extracting(Message::content).containsExactly("quiet", "QUIET");
		this.reactive.rooms().delete("user_1", roomId).block(TIMEOUT);
		assertThatExceptionOfType(InteractorNotFoundException.class)
			.isThrownBy(() -> this.reactive.rooms().get("user_1", roomId).block(TIMEOUT));
	}

	@Test
	void namespacesAreIsolated() {
		Assistant created = this.client.assistants()
			.create("tenant_a", CreateAssistantRequest.of("support", "gpt-4o", "You help."));
		assertThatExceptionOfType(InteractorNotFoundException.class)
			.isThrownBy(() -> this.client.assistants().get("tenant_b", created.id()));
		assertThat(this.client.assistants().list("tenant_b").data()).isEmpty();
		assertThatExceptionOfType(InteractorNotFoundException.class)
			.isThrownBy(() -> this.client.rooms().create("tenant_b", CreateRoomRequest.of(created.id())));
		assertThat(this.client.assistants().list("tenant_a").data()).hasSize(1);
	}

	@Test
	void listsArePaged() {
		for (int i = 0; i < 5; i++) {
			this.server.seed("user_1").assistant("a" + i);
		}
		Page<Assistant> second = this.client.assistants().list("user_1", ListParams.of(2, 2));
		assertThat(second.data()).extracting(Assistant::name).containsExactly("a2", "a3");
		assertThat(second.meta().total()).isEqualTo(5);
		assertThat(second.meta().totalPages()).isEqualTo(3);
		assertThat(second.hasNext()).isTrue();
		assertThat(this.client.assistants().listAll("user_1", ListParams.of(1, 2))).extracting(Assistant::name)
			.containsExactly("a0", "a1", "a2", "a3", "a4");
		assertThat(this.server.requests("GET", "/assistants")).hasSize(4);
	}

	@Test
	void sameIdempotencyKeyAndBodyGetTheSameResponse() {
		CreateAssistantRequest request = CreateAssistantRequest.of("support", "gpt-4o", "You help.");
		RequestOptions options = RequestOptions.idempotencyKey("idem-1");
		Assistant first = this.client.assistants().create("user_1", request, options);
		Assistant again = this.client.assistants().create("user_1", request, options);
		assertThat(again.id()).isEqualTo(first.id());
		assertThat(this.client.assistants().list("user_1").data()).hasSize(1);
		assertThatExceptionOfType(InteractorConflictException.class).isThrownBy(() -> this.client.assistants()
			.create("user_1", CreateAssistantRequest.of("other", "gpt-4o", "You help."), options));
		// Keys belong to a namespace.
		assertThat(this.client.assistants().create("user_2", request, options).id()).isNotEqualTo(first.id());
	}

	@Test
	void responsesCarryRateLimitHeaders() {
		this.client.assistants().list("user_1");
		assertThat(this.reactive.rateLimitStatus().limit()).isEqualTo(600);
		assertThat(this.reactive.rateLimitStatus().remaining()).isLessThan(600);
		assertThat(this.reactive.rateLimitStatus().reset()).isNotNull();
	}

	@Test
	void toolsDataSourcesAndWebhooks() {
		Tool tool = this.client.tools()
			.create("user_1", CreateToolRequest.of("lookup", "Looks things up", Map.of("type", "object")));
		assertThat(this.client.tools().get("user_1", tool.id()).name()).isEqualTo("lookup");
		assertThat(this.reactive.tools().list("user_1", ListParams.defaults()).block(TIMEOUT).data()).hasSize(1);
		this.client.tools().delete("user_1", tool.id());
		assertThat(this.client.tools().list("user_1").data()).isEmpty();

		DataSource dataSource = this.reactive.dataSources()
			.create("user_1", CreateDataSourceRequest.of("docs", "url", Map.of("url", "https://example.com")))
			.block(TIMEOUT);
		assertThat(this.client.dataSources().get("user_1", dataSource.id()).type()).isEqualTo("url");

		Webhook webhook = this.client.webhooks()
			.create("user_1", CreateWebhookRequest.of("https://example.com/hook", List.of("room.*")));
		assertThat(webhook.secret()).startsWith("whsec_");
		assertThat(webhook.active()).isTrue();
		Webhook read = this.reactive.webhooks().get("user_1", webhook.id()).block(TIMEOUT);
		assertThat(read.secret()).isNull();
		assertThat(read.events()).containsExactly("room.*");
		assertThat(this.client.webhooks().update("user_1", webhook.id(), UpdateWebhookRequest.active(false)).active())
			.isFalse();
	}

	@Test
	void credentialsCanBeListedReadRefreshedAndRevoked() {
		String active = this.server.seed("user_1").credential("google", "active");
		String expired = this.server.seed("user_1").credential("slack", "expired");
		assertThat(this.client.credentials().list("user_1").data()).extracting(Credential::id)
			.containsExactly(active, expired);
		assertThat(this.client.credentials()
			.list("user_1", CredentialFilter.status(CredentialStatus.EXPIRED), ListParams.defaults())
			.data()).extracting(Credential::provider).containsExactly("slack");
		assertThat(this.reactive.credentials().token("user_1", active).block(TIMEOUT).accessToken()).isNotBlank();
		assertThatExceptionOfType(InteractorValidationException.class)
			.isThrownBy(() -> this.client.credentials().token("user_1", expired));
		assertThat(this.client.credentials().refresh("user_1", expired).status()).isEqualTo(CredentialStatus.ACTIVE);
		this.reactive.credentials().revoke("user_1", active).block(TIMEOUT);
		assertThatExceptionOfType(InteractorNotFoundException.class)
			.isThrownBy(() -> this.client.credentials().get("user_1", active));
		assertThat(this.client.credentials().list("user_2").data()).isEmpty();
	}

	@Test
	void workflowsAndInstancesCanBeStartedAndCancelled() {
		Workflow workflow = this.client.workflows()
			.create("user_1", new CreateWorkflowRequest("approval", null, Map.of("review", Map.of()), "review"));
		WorkflowInstance instance = this.client.workflowInstances()
			.start("user_1", new StartWorkflowRequest(workflow.id(), Map.of("amount", 42)));
		assertThat(instance.status()).isEqualTo(WorkflowInstanceStatus.RUNNING);
		assertThat(instance.currentState()).isEqualTo("review");
		assertThat(this.reactive.workflowInstances()
			.list("user_1", WorkflowInstanceFilter.workflow(workflow.id()), ListParams.defaults())
			.block(TIMEOUT)
			.data()).extracting(WorkflowInstance::id).containsExactly(instance.id());
		this.client.workflowInstances().cancel("user_1", instance.id());
		assertThat(this.client.workflowInstances().get("user_1", instance.id()).status())
			.isEqualTo(WorkflowInstanceStatus.CANCELLED);
		assertThatExceptionOfType(InteractorValidationException.class)
			.isThrownBy(() -> this.client.workflowInstances().cancel("user_1", instance.id()));
		assertThat(this.reactive.workflows().list("user_1", ListParams.defaults()).block(TIMEOUT).data())
			.extracting(Workflow::name).containsExactly("approval");
	}

	@Test
	void tokenEndpointAcceptsJsonFormAndBasic() {
		for (TokenRequestFormat format : TokenRequestFormat.values()) {
			InteractorClient other = new InteractorClient(clientBuilder(format).build());
			assertThat(other.assistants().list("user_1").data()).isEmpty();
		}
		assertThat(this.server.tokenRequestCount()).isEqualTo(TokenRequestFormat.values().length);
		this.client.assistants().list("user_1");
		this.client.assistants().list("user_1");
		assertThat(this.server.tokenRequestCount()).isEqualTo(TokenRequestFormat.values().length + 1);
	}

	@Test
	void tokenEndpointRejectsAWrongSecret() {
		InteractorClient wrong = new InteractorClient(clientBuilder(TokenRequestFormat.JSON)
			.credentials(this.server.clientId(), "wrong-secret")
			.build());
		assertThatExceptionOfType(InteractorAuthenticationException.class)
			.isThrownBy(() -> wrong.assistants().list("user_1"));
		assertThat(this.server.requests("GET", "/assistants")).isEmpty();
	}

	@Test
	void coreApiRejectsRequestsWithoutAValidToken() throws Exception {
		java.net.http.HttpClient http = java.net.http.HttpClient.newHttpClient();
		java.net.http.HttpResponse<String> response = http.send(java.net.http.HttpRequest
			.newBuilder(java.net.URI.create(this.server.coreApiUrl() + "/assistants"))
			.header("Authorization", "Bearer forged")
			.timeout(TIMEOUT)
			.build(), java.net.http.HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).isEqualTo(401);
		assertThat(response.body()).contains("\"code\":\"unauthorized\"").contains("\"request_id\":\"req_");
		assertThat(response.headers().firstValue("X-Request-Id")).isPresent();
	}

	@Test
	void resetForgetsStateAndTheLog() {
		this.server.seed("user_1").assistant("support");
		this.client.assistants().list("user_1");
		this.server.reset();
		assertThat(this.server.requests()).isEmpty();
		assertThat(this.client.assistants().list("user_1").data()).isEmpty();
		assertThat(this.server.requests()).hasSize(1);
		assertThat(this.server.requests().get(0).header("X-Namespace")).isEqualTo("user_1");
	}

}
