package io.interactor.spring.test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import io.interactor.spring.client.ReactiveInteractorClient;
import io.interactor.spring.client.error.InteractorServerException;
import io.interactor.spring.client.http.RetryPolicy;
import io.interactor.spring.client.resource.Assistant;
import io.interactor.spring.client.resource.CreateAssistantRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * A burst of 503s from the {@link MockInteractorServer} while 50 calls run at once: a caller whose requests fail
 * fewer times than the policy retries gets its result after exactly that many retries; one whose requests fail once
 * more than that gets the {@link InteractorServerException} after exactly {@code 1 + maxRetries} requests; a create
 * retried through the burst carries the same {@code Idempotency-Key} on every attempt and is created once.
 */
class ServerErrorBurstTests {

	private static final int CALLERS = 50;

	private static final Duration WAIT = Duration.ofSeconds(60);

	private static final RetryPolicy POLICY = new RetryPolicy(3, Duration.ofMillis(10), Duration.ofMillis(50),
			Duration.ofSeconds(1));

	private MockInteractorServer server;

	private ReactiveInteractorClient client;

	@BeforeEach
	void start() {
		this.server = MockInteractorServer.start();
		this.client = ReactiveInteractorClient.builder()
			.credentials(this.server.clientId(), this.server.clientSecret())
			.accountServerUrl(this.server.accountServerUrl())
			.coreApiUrl(this.server.coreApiUrl())
			.retryPolicy(POLICY)
			.build();
	}

	@AfterEach
	void stop() {
		this.server.close();
	}

	@Test
	void callsRetriedThroughTheBurstSucceedAndTheRestFailTyped() throws Exception {
		List<String> ids = new ArrayList<>();
		for (int i = 0; i < CALLERS; i++) {
			String id = this.server.seed("user_1").assistant("assistant " + i);
			ids.add(id);
			// Even callers: two 503s, then the answer. Odd callers: one 503 more than the policy retries.
			int failures = (i % 2 == 0) ? 2 : POLICY.maxRetries() + 1;
			this.server.failNext(failures, "GET", "/assistants/" + id).respondWithStatus(503);
		}
		List<CompletableFuture<Assistant>> calls = new ArrayList<>();
		for (String id : ids) {
			calls.add(this.client.assistants().get("user_1", id).toFuture());
		}
		for (int i = 0; i < CALLERS; i++) {
			String id = ids.get(i);
			CompletableFuture<Assistant> call = calls.get(i);
			if (i % 2 == 0) {
				assertThat(call.get(WAIT.toMillis(), TimeUnit.MILLISECONDS).id()).isEqualTo(id);
				assertThat(this.server.requests("GET", "/assistants/" + id)).hasSize(3);
			}
			else {
				assertThatExceptionOfType(ExecutionException.class)
					.isThrownBy(() -> call.get(WAIT.toMillis(), TimeUnit.MILLISECONDS))
					.havingCause()
					.isInstanceOfSatisfying(InteractorServerException.class, (ex) -> {
						assertThat(ex.status()).isEqualTo(503);
						assertThat(ex.requestId()).startsWith("req_");
					});
				assertThat(this.server.requests("GET", "/assistants/" + id)).hasSize(1 + POLICY.maxRetries());
			}
		}
	}

	@Test
	void createsRetriedThroughTheBurstKeepTheirKeyAndAreCreatedOnce() throws Exception {
		// Fewer 503s than one caller could exhaust, shared by 50 concurrent creates in whatever order they arrive.
		this.server.failNext(POLICY.maxRetries(), "POST", "/assistants").respondWithStatus(503);
		List<CompletableFuture<Assistant>> calls = new ArrayList<>();
		for (int i = 0; i < CALLERS; i++) {
			calls.add(this.client.assistants()
				.create("user_2", CreateAssistantRequest.of("assistant " + i, "gpt-4o", "You help."))
				.toFuture());
		}
		for (CompletableFuture<Assistant> call : calls) {
			assertThat(call.get(WAIT.toMillis(), TimeUnit.MILLISECONDS).id()).isNotBlank();
		}
		List<RecordedRequest> posts = this.server.requests("POST", "/assistants");
		assertThat(posts).hasSize(CALLERS + POLICY.maxRetries());
		// One key per logical create, the same on its retries.
		assertThat(posts.stream().map((post) -> post.header("Idempotency-Key")).distinct()).hasSize(CALLERS);
		assertThat(this.client.assistants().listAll("user_2").collectList().block(WAIT)).hasSize(CALLERS);
	}

}
