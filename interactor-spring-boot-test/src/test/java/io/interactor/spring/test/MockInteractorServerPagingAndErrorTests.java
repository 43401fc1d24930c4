package io.interactor.spring.test;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.interactor.spring.client.InteractorClient;
import io.interactor.spring.client.ReactiveInteractorClient;
import io.interactor.spring.client.core.ListParams;
import io.interactor.spring.client.error.InteractorApiException;
import io.interactor.spring.client.error.InteractorAuthenticationException;
import io.interactor.spring.client.error.InteractorNotFoundException;
import io.interactor.spring.client.error.InteractorValidationException;
import io.interactor.spring.client.http.RetryPolicy;
import io.interactor.spring.client.resource.Tool;
import io.interactor.spring.client.resource.WorkflowInstance;
import io.interactor.spring.client.resource.WorkflowInstanceFilter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * Auto-paging and the platform's errors through both clients against the mock's real paging and error bodies (the
 * client's tolerance of other list and error shapes is tested in the autoconfigure module with exact responses).
 */
class MockInteractorServerPagingAndErrorTests {

	private static final Duration TIMEOUT = Duration.ofSeconds(10);

	private static final String NS = "user_1";

	private MockInteractorServer server;

	private ReactiveInteractorClient reactive;

	private InteractorClient client;

	@BeforeEach
	void start() {
		this.server = MockInteractorServer.start();
		this.reactive = clientBuilder().build();
		this.client = new InteractorClient(this.reactive);
		for (int i = 1; i <= 5; i++) {
			this.server.seed(NS).create("/tools", Map.of("name", "tool_" + i));
		}
		this.server.seed("user_2").create("/tools", Map.of("name", "other"));
	}

	@AfterEach
	void stop() {
		this.server.close();
	}

	private ReactiveInteractorClient.Builder clientBuilder() {
		return ReactiveInteractorClient.builder()
			.credentials(this.server.clientId(), this.server.clientSecret())
			.accountServerUrl(this.server.accountServerUrl())
			.coreApiUrl(this.server.coreApiUrl())
			.responseTimeout(Duration.ofSeconds(5))
			.retryPolicy(RetryPolicy.NONE);
	}

	@Test
	void blockingListAllFetchesEveryPageOnceAndNoMore() {
		List<String> names = this.client.tools().listAll(NS, ListParams.of(1, 2)).map(Tool::name).toList();

		assertThat(names).containsExactly("tool_1", "tool_2", "tool_3", "tool_4", "tool_5");
		assertThat(this.server.requests("GET", "/tools")).extracting(RecordedRequest::query)
			.containsExactly("page=1&per_page=2", "page=2&per_page=2", "page=3&per_page=2");
	}

	@Test
	void reactiveListAllFetchesEveryPageAndTakingOneFetchesOnePage() {
		StepVerifier.create(this.reactive.tools().listAll(NS, ListParams.of(1, 2)).map(Tool::name))
			.expectNext("tool_1", "tool_2", "tool_3", "tool_4", "tool_5")
			.verifyComplete();
		assertThat(this.server.requests("GET", "/tools")).hasSize(3);
		this.server.reset();
		this.server.seed(NS).create("/tools", Map.of("name", "again"));
		this.server.seed(NS).create("/tools", Map.of("name", "and again"));

		StepVerifier.create(this.reactive.tools().listAll(NS, ListParams.of(1, 1)).take(1).map(Tool::name))
			.expectNext("again")
			.verifyComplete();

		assertThat(this.server.requests("GET", "/tools")).extracting(RecordedRequest::query)
			.containsExactly("page=1&per_page=1");
	}

	@Test
	void filteredListsArePagedWithTheFilterOnEveryPage() {
		String workflowId = this.server.seed(NS).create("/workflows", Map.of("name", "approval"));
		String otherWorkflowId = this.server.seed(NS).create("/workflows", Map.of("name", "other"));
		for (String id : List.of(workflowId, otherWorkflowId, workflowId)) {
			this.server.seed(NS).create("/workflow-instances", Map.of("workflow_id", id));
		}

		List<WorkflowInstance> all = this.client.workflowInstances()
			.listAll(NS, WorkflowInstanceFilter.workflow(workflowId), ListParams.of(1, 1))
			.toList();

		assertThat(all).hasSize(2).allSatisfy((instance) -> assertThat(instance.workflowId()).isEqualTo(workflowId));
		assertThat(this.server.requests("GET", "/workflow-instances")).extracting(RecordedRequest::query)
			.containsExactly("workflow_id=" + workflowId + "&page=1&per_page=1",
					"workflow_id=" + workflowId + "&page=2&per_page=1");
	}

	@Test
	void platformErrorsCarryTheirCodeAndTheRequestIdOfTheResponse() {
		InteractorNotFoundException notFound = catchThrowableOfType(InteractorNotFoundException.class,
				() -> this.client.tools().get(NS, "tool_missing"));
		assertThat(notFound.status()).isEqualTo(404);
		assertThat(notFound.code()).isEqualTo("tool_not_found");
		assertThat(notFound.requestId()).startsWith("req_")
			.isEqualTo(notFound.headers().getFirst("X-Request-Id"));

		StepVerifier.create(this.reactive.tools().list(NS, ListParams.of(1, 500)))
			.expectErrorSatisfies((ex) -> {
				assertThat(ex).isInstanceOf(InteractorValidationException.class);
				assertThat(((InteractorApiException) ex).code()).isEqualTo("validation_error");
				assertThat(((InteractorApiException) ex).serverMessage()).contains("per_page");
			})
			.verify(TIMEOUT);
	}

	@Test
	void wrongClientSecretIsAnAuthenticationErrorFromTheTokenEndpoint() {
		ReactiveInteractorClient wrong = clientBuilder().credentials(this.server.clientId(), "not-the-secret").build();

		StepVerifier.create(wrong.tools().list(NS))
			.expectErrorSatisfies((ex) -> assertThat(ex).isInstanceOf(InteractorAuthenticationException.class))
			.verify(TIMEOUT);

		assertThat(this.server.tokenRequestCount()).isEqualTo(1);
		assertThat(this.server.requests("GET", "/tools")).isEmpty();
	}

}
