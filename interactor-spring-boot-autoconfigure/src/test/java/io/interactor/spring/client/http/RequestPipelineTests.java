package io.interactor.spring.client.http;

import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import io.interactor.spring.client.InteractorClient;
import io.interactor.spring.client.ReactiveInteractorClient;
import io.interactor.spring.client.core.RequestOptions;
import io.interactor.spring.client.error.InteractorAuthenticationException;
import io.interactor.spring.client.error.InteractorNetworkException;
import io.interactor.spring.client.error.InteractorRateLimitException;
import io.interactor.spring.client.error.InteractorServerException;
import io.interactor.spring.client.resource.Assistant;
import io.interactor.spring.client.resource.CreateAssistantRequest;
import io.interactor.spring.client.resource.UpdateAssistantRequest;
import io.interactor.spring.client.support.InteractorTestServer;
import io.interactor.spring.test.MutableClock;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import mockwebserver3.SocketEffect;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.test.scheduler.VirtualTimeScheduler;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static io.interactor.spring.client.support.InteractorTestServer.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.awaitility.Awaitility.await;

/**
 * The request pipeline end to end against a real HTTP peer: authentication, retries, idempotency keys, path
 * encoding and argument validation.
 */
class RequestPipelineTests {

	private static final String ASSISTANT = "{\"data\":{\"id\":\"asst_1\",\"name\":\"support\"}}";

	private InteractorTestServer server;

	@BeforeEach
	void start() throws Exception {
		this.server = new InteractorTestServer();
	}

	@AfterEach
	void stop() {
		this.server.close();
	}

	private InteractorClient client() {
		return new InteractorClient(this.server.clientBuilder().build());
	}

	@Test
	void everyCoreCallCarriesBearerTokenAndNamespace() throws Exception {
		this.server.enqueueCore(json(200, ASSISTANT));
		client().assistants().get("user_123", "asst_1");
		RecordedRequest request = this.server.takeCore();
		assertThat(request.getHeaders().get("Authorization")).isEqualTo("Bearer token-1");
		assertThat(request.getHeaders().get("X-Namespace")).isEqualTo("user_123");
		assertThat(request.getHeaders().get("Accept")).isEqualTo("application/json");
		assertThat(request.getTarget()).isEqualTo("/api/v1/assistants/asst_1");
	}

	@Test
	void unauthorizedRefreshesTokenOnceAndRetriesOnce() throws Exception {
		this.server.enqueueCore(json(401, "{\"error\":{\"code\":\"unauthorized\",\"message\":\"token expired\"}}"),
				json(200, ASSISTANT));
		Assistant assistant = client().assistants().get("ns", "asst_1");
		assertThat(assistant.id()).isEqualTo("asst_1");
		assertThat(this.server.takeCore().getHeaders().get("Authorization")).isEqualTo("Bearer token-1");
		assertThat(this.server.takeCore().getHeaders().get("Authorization")).isEqualTo("Bearer token-2");
		assertThat(this.server.tokenRequestCount()).isEqualTo(2);
		assertThat(this.server.coreRequestCount()).isEqualTo(2);
	}

	@Test
	void secondUnauthorizedIsThrownWithoutFurtherRetries() {
		this.server.enqueueCore(json(401, "{\"error\":{\"code\":\"unauthorized\"}}"),
				json(401, "{\"error\":{\"code\":\"unauthorized\",\"message\":\"still no\"}}"));
		assertThatExceptionOfType(InteractorAuthenticationException.class)
			.isThrownBy(() -> client().assistants().get("ns", "asst_1"))
			.satisfies((ex) -> assertThat(ex.serverMessage()).isEqualTo("still no"));
		assertThat(this.server.coreRequestCount()).isEqualTo(2);
	}

	@Test
	void invalidClientOnCoreIsNotRetried() {
		this.server.enqueueCore(json(401, "{\"error\":\"invalid_client\",\"error_description\":\"revoked\"}"));
		assertThatExceptionOfType(InteractorAuthenticationException.class)
			.isThrownBy(() -> client().assistants().get("ns", "asst_1"))
			.satisfies((ex) -> {
				assertThat(ex.code()).isEqualTo("invalid_client");
				assertThat(ex.serverMessage()).isEqualTo("revoked");
				assertThat(ex.rawBodyAsString()).contains("invalid_client");
			});
		assertThat(this.server.coreRequestCount()).isEqualTo(1);
		assertThat(this.server.tokenRequestCount()).isEqualTo(1);
	}

	@Test
	void eachUnauthorizedBodyIsParsedOnce() {
		String credentialError = "{\"error\":\"invalid_client\",\"error_description\":\"revoked\"}";
		String expired = "{\"error\":{\"code\":\"unauthorized\",\"message\":\"token expired\"}}";
		String stillRefused = "{\"error\":{\"code\":\"unauthorized\",\"message\":\"still no\"}}";
		this.server.enqueueCore(json(401, credentialError), json(401, expired), json(401, stillRefused));
		ParseCountingJsonMapper mapper = new ParseCountingJsonMapper();
		InteractorClient client = new InteractorClient(this.server.clientBuilder().jsonMapper(mapper).build());
		// the bearer filter reads the credential error to decide against a retry; the error mapping reuses it
		assertThatExceptionOfType(InteractorAuthenticationException.class)
			.isThrownBy(() -> client.assistants().get("ns", "asst_1"))
			.satisfies((ex) -> assertThat(ex.code()).isEqualTo("invalid_client"));
		assertThat(mapper.parses(credentialError)).isOne();
		// retried: the filter parses the first body, the error mapping the second
		assertThatExceptionOfType(InteractorAuthenticationException.class)
			.isThrownBy(() -> client.assistants().get("ns", "asst_1"))
			.satisfies((ex) -> assertThat(ex.serverMessage()).isEqualTo("still no"));
		assertThat(mapper.parses(expired)).isOne();
		assertThat(mapper.parses(stillRefused)).isOne();
	}

	@Test
	void transientStatusesAreRetriedUntilSuccess() {
		this.server.enqueueCore(json(503, "{}"), json(503, "{}"), json(200, ASSISTANT));
		assertThat(client().assistants().get("ns", "asst_1").name()).isEqualTo("support");
		assertThat(this.server.coreRequestCount()).isEqualTo(3);
	}

	@Test
	void retriesAreBoundedByMaxRetries() {
		this.server.enqueueCore(json(503, "{}"), json(502, "{}"), json(504, "{}"),
				json(503, "{\"error\":{\"code\":\"service_unavailable\",\"request_id\":\"req_9\"}}"),
				json(200, ASSISTANT));
		assertThatExceptionOfType(InteractorServerException.class)
			.isThrownBy(() -> client().assistants().get("ns", "asst_1"))
			.satisfies((ex) -> {
				assertThat(ex.status()).isEqualTo(503);
				assertThat(ex.requestId()).isEqualTo("req_9");
			});
		assertThat(this.server.coreRequestCount()).isEqualTo(4);
	}

	@Test
	void requestTimeoutAndRateLimitAreRetried() {
		this.server.enqueueCore(json(408, "{}"), json(429, "{}"), json(200, ASSISTANT));
		assertThat(client().assistants().get("ns", "asst_1").id()).isEqualTo("asst_1");
		assertThat(this.server.coreRequestCount()).isEqualTo(3);
	}

	@Test
	void nonRetryableStatusIsNotRetried() {
		this.server.enqueueCore(json(500, "{\"error\":{\"code\":\"internal_error\"}}"), json(200, ASSISTANT));
		assertThatExceptionOfType(InteractorServerException.class)
			.isThrownBy(() -> client().assistants().get("ns", "asst_1"));
		assertThat(this.server.coreRequestCount()).isEqualTo(1);
	}

	@Test
	void retriedPostCarriesTheSameGeneratedIdempotencyKey() throws Exception {
		this.server.enqueueCore(json(503, "{}"), json(502, "{}"), json(201, ASSISTANT));
		client().assistants().create("ns", CreateAssistantRequest.of("support", "gpt-4o", "Be kind"));
		String first = this.server.takeCore().getHeaders().get("Idempotency-Key");
		assertThat(first).isNotBlank();
		assertThat(this.server.takeCore().getHeaders().get("Idempotency-Key")).isEqualTo(first);
		assertThat(this.server.takeCore().getHeaders().get("Idempotency-Key")).isEqualTo(first);
	}

	@Test
	void eachLogicalCallGetsItsOwnGeneratedKey() throws Exception {
		this.server.enqueueCore(json(201, ASSISTANT), json(201, ASSISTANT));
		InteractorClient client = client();
		client.assistants().create("ns", CreateAssistantRequest.of("a", "m", "p"));
		client.assistants().create("ns", CreateAssistantRequest.of("a", "m", "p"));
		assertThat(this.server.takeCore().getHeaders().get("Idempotency-Key"))
			.isNotEqualTo(this.server.takeCore().getHeaders().get("Idempotency-Key"));
	}

	@Test
	void callerIdempotencyKeyIsUsedOnEveryAttempt() throws Exception {
		this.server.enqueueCore(json(503, "{}"), json(201, ASSISTANT));
		client().assistants()
			.create("ns", CreateAssistantRequest.of("a", "m", "p"), RequestOptions.idempotencyKey("order-42"));
		assertThat(this.server.takeCore().getHeaders().get("Idempotency-Key")).isEqualTo("order-42");
		assertThat(this.server.takeCore().getHeaders().get("Idempotency-Key")).isEqualTo("order-42");
	}

	@Test
	void postWithoutIdempotencyKeyIsNotRetried() {
		ReactiveInteractorClient client = this.server.clientBuilder().build();
		this.server.enqueueCore(json(503, "{}"), json(200, "{\"data\":{}}"));
		assertThatExceptionOfType(InteractorServerException.class)
			.isThrownBy(() -> client.api().exchange(ApiRequest.post("ns", "/rooms/{id}/tool-results", "r1")
				.body(java.util.Map.of("ok", true))).block());
		assertThat(this.server.coreRequestCount()).isEqualTo(1);
	}

	@Test
	void patchWithoutIdempotencyKeyIsNotRetried() throws Exception {
		this.server.enqueueCore(json(503, "{}"), json(200, ASSISTANT));
		assertThatExceptionOfType(InteractorServerException.class).isThrownBy(() -> client().assistants()
			.update("ns", "asst_1", UpdateAssistantRequest.builder().name("x").build()));
		RecordedRequest request = this.server.takeCore();
		assertThat(request.getHeaders().get("Idempotency-Key")).isNull();
		assertThat(this.server.coreRequestCount()).isEqualTo(1);
	}

	@Test
	void droppedConnectionIsRetriedForIdempotentRequests() {
		this.server.enqueueCore(new MockResponse.Builder().onResponseStart(new SocketEffect.CloseSocket()).build(),
				json(200, ASSISTANT));
		assertThat(client().assistants().get("ns", "asst_1").id()).isEqualTo("asst_1");
		assertThat(this.server.coreRequestCount()).isEqualTo(2);
	}

	@Test
	void unreachableServerBecomesNetworkExceptionAfterRetries() throws Exception {
		int port;
		try (ServerSocket socket = new ServerSocket(0)) {
			port = socket.getLocalPort();
		}
		ReactiveInteractorClient client = this.server.clientBuilder()
			.coreApiUrl("http://127.0.0.1:" + port + "/api/v1")
			.build();
		assertThatExceptionOfType(InteractorNetworkException.class)
			.isThrownBy(() -> client.assistants().get("ns", "asst_1").block())
			.withMessageContaining("GET /assistants/{assistantId}");
	}

	@Test
	void retryAfterSecondsIsHonouredOnVirtualTime() throws Exception {
		assertRetryWaits("2", Duration.ofSeconds(2), new MutableClock(Instant.now()));
	}

	@Test
	void retryAfterHttpDateIsHonoured() throws Exception {
		MutableClock clock = new MutableClock(Instant.parse("2026-11-28T10:00:00Z"));
		String date = DateTimeFormatter.RFC_1123_DATE_TIME
			.format(Instant.parse("2026-11-28T10:00:07Z").atZone(ZoneOffset.UTC));
		assertRetryWaits(date, Duration.ofSeconds(7), clock);
	}

	@Test
	void retryAfterRfc850DateIsHonoured() throws Exception {
		MutableClock clock = new MutableClock(Instant.parse("2026-11-28T10:00:00Z"));
		assertRetryWaits("Saturday, 28-Nov-26 10:00:07 GMT", Duration.ofSeconds(7), clock);
	}

	@Test
	void retryAfterAsctimeDateIsHonoured() throws Exception {
		MutableClock clock = new MutableClock(Instant.parse("2026-11-08T10:00:00Z"));
		assertRetryWaits("Sun Nov  8 10:00:07 2026", Duration.ofSeconds(7), clock);
	}

	@Test
	void retryAfterAboveTheCapIsCapped() throws Exception {
		assertRetryWaits("3600", Duration.ofSeconds(60), new MutableClock(Instant.now()));
	}

	private void assertRetryWaits(String retryAfter, Duration expected, MutableClock clock) throws Exception {
		VirtualTimeScheduler scheduler = VirtualTimeScheduler.create();
		ReactiveInteractorClient client = this.server.clientBuilder()
			.retryPolicy(new RetryPolicy(3, Duration.ofSeconds(1), Duration.ofSeconds(30), Duration.ofSeconds(60)))
			.retryScheduler(scheduler)
			.clock(clock)
			.build();
		this.server.enqueueCore(
				new MockResponse.Builder().code(429).addHeader("Retry-After", retryAfter).body("{}").build(),
				json(200, ASSISTANT));
		CompletableFuture<Assistant> result = client.assistants().get("ns", "asst_1").toFuture();
		this.server.takeCore();
		await().atMost(Duration.ofSeconds(10)).until(() -> scheduler.getScheduledTaskCount() > 0);
		scheduler.advanceTimeBy(expected.minusMillis(1));
		assertThat(this.server.pollCore(Duration.ofMillis(300))).isNull();
		assertThat(result).isNotDone();
		scheduler.advanceTimeBy(Duration.ofMillis(1));
		assertThat(this.server.takeCore()).isNotNull();
		assertThat(result.get(10, TimeUnit.SECONDS).id()).isEqualTo("asst_1");
	}

	@Test
	void exponentialBackoffIsUsedWithoutRetryAfter() throws Exception {
		VirtualTimeScheduler scheduler = VirtualTimeScheduler.create();
		ReactiveInteractorClient client = this.server.clientBuilder()
			.retryPolicy(new RetryPolicy(3, Duration.ofSeconds(1), Duration.ofSeconds(30), Duration.ofSeconds(60)))
			.retryScheduler(scheduler)
			.jitter(() -> 0.5)
			.build();
		this.server.enqueueCore(json(503, "{}"), json(503, "{}"), json(200, ASSISTANT));
		CompletableFuture<Assistant> result = client.assistants().get("ns", "asst_1").toFuture();
		this.server.takeCore();
		await().atMost(Duration.ofSeconds(10)).until(() -> scheduler.getScheduledTaskCount() == 1);
		scheduler.advanceTimeBy(Duration.ofMillis(1500));
		this.server.takeCore();
		await().atMost(Duration.ofSeconds(10)).until(() -> scheduler.getScheduledTaskCount() == 2);
		scheduler.advanceTimeBy(Duration.ofMillis(2499));
		assertThat(this.server.pollCore(Duration.ofMillis(300))).isNull();
		scheduler.advanceTimeBy(Duration.ofMillis(1));
		this.server.takeCore();
		assertThat(result.get(10, TimeUnit.SECONDS).id()).isEqualTo("asst_1");
	}

	@Test
	void rateLimitAfterRetriesExposesRetryAfter() {
		ReactiveInteractorClient client = this.server.clientBuilder().retryPolicy(RetryPolicy.NONE).build();
		this.server.enqueueCore(new MockResponse.Builder().code(429)
			.addHeader("Retry-After", "30")
			.body("{\"error\":\"rate_limited\",\"message\":\"slow down\",\"retry_after\":60}")
			.build());
		assertThatExceptionOfType(InteractorRateLimitException.class)
			.isThrownBy(() -> client.assistants().get("ns", "asst_1").block())
			.satisfies((ex) -> {
				assertThat(ex.retryAfter()).isEqualTo(Duration.ofSeconds(30));
				assertThat(ex.code()).isEqualTo("rate_limited");
				assertThat(ex.serverMessage()).isEqualTo("slow down");
			});
	}

	@Test
	void idsAreSentAsOneEncodedPathSegment() throws Exception {
		this.server.enqueueCore(json(200, ASSISTANT));
		client().assistants().get("ns", "a/../b?x=1#y");
		assertThat(this.server.takeCore().getTarget()).isEqualTo("/api/v1/assistants/a%2F..%2Fb%3Fx%3D1%23y");
	}

	@Test
	void dotSegmentIdsAreRejectedBeforeAnyRequest() {
		assertThatIllegalArgumentException().isThrownBy(() -> client().assistants().get("ns", ".."))
			.withMessageContaining("assistantId");
		assertThatIllegalArgumentException().isThrownBy(() -> client().assistants().get("ns", " "));
		assertThat(this.server.coreRequestCount()).isZero();
	}

	@Test
	void blankOrHeaderSplittingNamespaceIsRejectedBeforeAnyRequest() {
		InteractorClient client = client();
		ReactiveInteractorClient reactive = client.reactive();
		assertThatIllegalArgumentException().isThrownBy(() -> client.assistants().get(" ", "asst_1"))
			.withMessageContaining("namespace must not be null or blank");
		assertThatIllegalArgumentException().isThrownBy(() -> client.assistants().list("user\r\nX-Evil: 1"))
			.withMessageContaining("CR, LF");
		assertThatIllegalArgumentException().isThrownBy(() -> reactive.assistants().get("user\n1", "asst_1"));
		assertThatIllegalArgumentException().isThrownBy(() -> reactive.assistants().listAll(""));
		assertThat(this.server.coreRequestCount()).isZero();
		assertThat(this.server.tokenRequestCount()).isZero();
	}

	@Test
	void noContentCompletesEmpty() throws Exception {
		this.server.enqueueCore(new MockResponse.Builder().code(204).build());
		client().assistants().delete("ns", "asst_1");
		RecordedRequest request = this.server.takeCore();
		assertThat(request.getMethod()).isEqualTo("DELETE");
		assertThat(request.getTarget()).isEqualTo("/api/v1/assistants/asst_1");
	}

	/** Counts how often each JSON document is read into a tree. */
	static final class ParseCountingJsonMapper extends JsonMapper {

		private final Map<String, AtomicInteger> parses = new ConcurrentHashMap<>();

		@Override
		public JsonNode readTree(byte[] content) {
			this.parses.computeIfAbsent(new String(content, StandardCharsets.UTF_8), (key) -> new AtomicInteger())
				.incrementAndGet();
			return super.readTree(content);
		}

		int parses(String json) {
			AtomicInteger count = this.parses.get(json);
			return (count != null) ? count.get() : 0;
		}

	}

}
