package io.interactor.spring.test;

import java.time.Duration;

import io.interactor.spring.client.InteractorClient;
import io.interactor.spring.client.ReactiveInteractorClient;
import io.interactor.spring.client.core.RequestOptions;
import io.interactor.spring.client.error.InteractorNetworkException;
import io.interactor.spring.client.error.InteractorRateLimitException;
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
 * Each fault kind of {@link MockInteractorServer#failNext(int, String, String)} as the client sees it.
 */
class MockInteractorServerFaultTests {

	private MockInteractorServer server;

	private InteractorClient retrying;

	private InteractorClient once;

	@BeforeEach
	void start() {
		this.server = MockInteractorServer.start();
		this.retrying = client(new RetryPolicy(3, Duration.ofMillis(10), Duration.ofMillis(50), Duration.ofSeconds(2)));
		this.once = client(RetryPolicy.NONE);
	}

	private InteractorClient client(RetryPolicy retryPolicy) {
		return new InteractorClient(ReactiveInteractorClient.builder()
			.credentials(this.server.clientId(), this.server.clientSecret())
			.accountServerUrl(this.server.accountServerUrl())
			.coreApiUrl(this.server.coreApiUrl())
			.responseTimeout(Duration.ofMillis(500))
			.retryPolicy(retryPolicy)
			.build());
	}

	@AfterEach
	void stop() {
		this.server.close();
	}

	@Test
	void statusWithRetryAfterIsRetriedByTheClient() {
		this.server.failNext(2, "GET", "/assistants").respondWithStatus(503, Duration.ofSeconds(1));
		assertThat(this.retrying.assistants().list("user_1").data()).isEmpty();
		assertThat(this.server.requests("GET", "/assistants")).hasSize(3);
	}

	@Test
	void statusReachesTheCallerWhenNotRetried() {
		this.server.failNext(1, "GET", "/assistants").respondWithStatus(429, Duration.ofSeconds(7));
		assertThatExceptionOfType(InteractorRateLimitException.class)
			.isThrownBy(() -> this.once.assistants().list("user_1"))
			.satisfies((ex) -> {
				assertThat(ex.retryAfter()).isEqualTo(Duration.ofSeconds(7));
				assertThat(ex.requestId()).startsWith("req_");
			});
		this.server.failNext(1, "GET", "/assistants").respondWithStatus(500);
		assertThatExceptionOfType(InteractorServerException.class)
			.isThrownBy(() -> this.once.assistants().list("user_1"));
		assertThat(this.once.assistants().list("user_1").data()).isEmpty();
	}

	@Test
	void droppedConnection() {
		this.server.failNext(1, "GET", "/assistants").dropConnection();
		assertThatExceptionOfType(InteractorNetworkException.class)
			.isThrownBy(() -> this.once.assistants().list("user_1"));
		this.server.failNext(1, "GET", "/assistants").dropConnection();
		assertThat(this.retrying.assistants().list("user_1").data()).isEmpty();
	}

	@Test
	void bodyCutShort() {
		String id = this.server.seed("user_1").assistant("support");
		this.server.failNext(1, "GET", "/assistants/{id}").cutBodyShort();
		assertThatExceptionOfType(InteractorNetworkException.class)
			.isThrownBy(() -> this.once.assistants().get("user_1", id));
		assertThat(this.once.assistants().get("user_1", id).name()).isEqualTo("support");
	}

	@Test
	void createWhoseResponseWasCutShortIsRepeatedSafelyWithTheSameIdempotencyKey() {
		this.server.failNext(1, "POST", "/assistants").cutBodyShort();
		CreateAssistantRequest request = CreateAssistantRequest.of("support", "gpt-4o", "You help.");
		RequestOptions options = RequestOptions.idempotencyKey("create-support");
		assertThatExceptionOfType(InteractorNetworkException.class)
			.isThrownBy(() -> this.once.assistants().create("user_1", request, options));
		Assistant created = this.once.assistants().create("user_1", request, options);
		assertThat(this.server.requests("POST", "/assistants")).hasSize(2);
		assertThat(this.once.assistants().list("user_1").data()).extracting(Assistant::id)
			.containsExactly(created.id());
	}

	@Test
	void delayPastTheResponseTimeout() {
		this.server.failNext(1, "GET", "/assistants").delay(Duration.ofSeconds(3));
		assertThatExceptionOfType(InteractorNetworkException.class)
			.isThrownBy(() -> this.once.assistants().list("user_1"));
		assertThat(this.once.assistants().list("user_1").data()).isEmpty();
	}

	@Test
	void faultOnTheTokenEndpoint() {
		this.server.failNext(1, "POST", "/oauth/token").respondWithStatus(503);
		assertThat(this.retrying.assistants().list("user_1").data()).isEmpty();
		assertThat(this.server.tokenRequestCount()).isEqualTo(1);
		assertThat(this.server.requests("POST", "/oauth/token")).hasSize(2);
	}

}
