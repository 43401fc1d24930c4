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
import io.interactor.spring.test.FixedAccessTokenProvider;
import io.interactor.spring.test.MutableClock;
import mockwebserver3.MockResponse;
import io.interactor.spring.test.PeerRequests;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.SocketEffect;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.test.scheduler.VirtualTimeScheduler;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static io.interactor.spring.test.PeerRequests.clientBuilder;
import static io.interactor.spring.test.PeerRequests.enqueue;
import static io.interactor.spring.test.PeerRequests.json;
import static io.interactor.spring.test.PeerRequests.poll;
import static io.interactor.spring.test.PeerRequests.take;
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

	private MockWebServer server;

	private final FixedAccessTokenProvider tokens = new FixedAccessTokenProvider();

	@BeforeEach
	void start() throws Exception {
		this.server = PeerRequests.start();
	}

	@AfterEach
	void stop() {
		this.server.close();
	}

	private InteractorClient client() {
		return new InteractorClient(clientBuilder(this.server, this.tokens).build());
	}

	@Test
	void everyCoreCallCarriesBearerTokenAndNamespace() throws Exception {
		enqueue(this.server, json(200, ASSISTANT));
		client().assistants().get("user_123", "asst_1");
		RecordedRequest request = take(this.server);
		assertThat(request.getHeaders().get("Authorization")).isEqualTo("Bearer token-1");
		assertThat(request.getHeaders().get("X-Namespace")).isEqualTo("user_123");
		assertThat(request.getHeaders().get("Accept")).isEqualTo("application/json");
		assertThat(request.getTarget()).isEqualTo("/api/v1/assistants/asst_1");
	}

	@Test
	void unauthorizedRefreshesTokenOnceAndRetriesOnce() throws Exception {
		enqueue(this.server, json(401, "{\"error\":{\"code\":\"unauthorized\",\"message\":\"token expired\"}}"),
				json(200, ASSISTANT));
		Assistant assistant = client().assistants().get("ns", "asst_1");
		assertThat(assistant.id()).isEqualTo("asst_1");
		assertThat(take(this.server).getHeaders().get("Authorization")).isEqualTo("Bearer token-1");
		assertThat(take(this.server).getHeaders().get("Authorization")).isEqualTo("Bearer token-2");
		assertThat(this.tokens.issued()).isEqualTo(2);
		assertThat(this.server.getRequestCount()).isEqualTo(2);
	}

	@Test
	void secondUnauthorizedIsThrownWithoutFurtherRetries() {
		enqueue(this.server, json(401, "{\"error\":{\"code\":\"unauthorized\"}}"),
				json(401, "{\"error\":{\"code\":\"unauthorized\",\"message\":\"still no\"}}"));
		assertThatExceptionOfType(InteractorAuthenticationException.class)
			.isThrownBy(() -> client().assistants().get("ns", "asst_1"))
			.satisfies((ex) -> assertThat(ex.serverMessage()).isEqualTo("still no"));
		assertThat(this.server.getRequestCount()).isEqualTo(2);
	}

	@Test
	void invalidClientOnCoreIsNotRetried() {
		enqueue(this.server, json(401, "{\"error\":\"invalid_client\",\"error_description\":\"revoked\"}"));
		assertThatExceptionOfType(InteractorAuthenticationException.class)
			.isThrownBy(() -> client().assistants().get("ns", "asst_1"))
			.satisfies((ex) -> {
				assertThat(ex.code()).isEqualTo("invalid_client");
				assertThat(ex.serverMessage()).isEqualTo("revoked");
				assertThat(ex.rawBodyAsString()).contains("invalid_client");
			});
		assertThat(this.server.getRequestCount()).isEqualTo(1);
		assertThat(this.tokens.issued()).isEqualTo(1);
	}

	@Test
	void eachUnauthorizedBodyIsParsedOnce() {
		String credentialError = "{\"error\":\"invalid_client\",\"error_description\":\"revoked\"}";
		String expired = "{\"error\":{\"code\":\"unauthorized\",\"message\":\"token expired\"}}";
		String stillRefused = "{\"error\":{\"code\":\"unauthorized\",\"message\":\"still no\"}}";
		enqueue(this.server, json(401, credentialError), json(401, expired), json(401, stillRefused));
		ParseCountingJsonMapper mapper = new ParseCountingJsonMapper();
		InteractorClient client = new InteractorClient(
				clientBuilder(this.server, this.tokens).jsonMapper(mapper).build());
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
		enqueue(this.server, json(503, "{}"), json(503, "{}"), json(200, ASSISTANT));
		assertThat(client().assistants().get("ns", "asst_1").name()).isEqualTo("support");
		assertThat(this.server.getRequestCount()).isEqualTo(3);
	}

	@Test
	void retriesAreBoundedByMaxRetries() {
		enqueue(this.server, json(503, "{}"), json(502, "{}"), json(504, "{}"),
				json(503, "{\"error\":{\"code\":\"service_unavailable\",\"request_id\":\"req_9\"}}"),
				json(200, ASSISTANT));
		assertThatExceptionOfType(InteractorServerException.class)
			.isThrownBy(() -> client().assistants().get("ns", "asst_1"))
			.satisfies((ex) -> {
				assertThat(ex.status()).isEqualTo(503);
				assertThat(ex.requestId()).isEqualTo("req_9");
			});
		assertThat(this.server.getRequestCount()).isEqualTo(4);
	}

	@Test
	void requestTimeoutAndRateLimitAreRetried() {
		enqueue(this.server, json(408, "{}"), json(429, "{}"), json(200, ASSISTANT));
		assertThat(client().assistants().get("ns", "asst_1").id()).isEqualTo("asst_1");
		assertThat(this.server.getRequestCount()).isEqualTo(3);
	}

	@Test
	void nonRetryableStatusIsNotRetried() {
		enqueue(this.server, json(500, "{\"error\":{\"code\":\"internal_error\"}}"), json(200, ASSISTANT));
		assertThatExceptionOfType(InteractorServerException.class)
			.isThrownBy(() -> client().assistants().get("ns", "asst_1"));
		assertThat(this.server.getRequestCount()).isEqualTo(1);
	}

	@Test
	void retriedPostCarriesTheSameGeneratedIdempotencyKey() throws Exception {
		enqueue(this.server, json(503, "{}"), json(502, "{}"), json(201, ASSISTANT));
		client().assistants().create("ns", CreateAssistantRequest.of("support", "gpt-4o", "Be kind"));
		String first = take(this.server).getHeaders().get("Idempotency-Key");
		assertThat(first).isNotBlank();
		assertThat(take(this.server).getHeaders().get("Idempotency-Key")).isEqualTo(first);
		assertThat(take(this.server).getHeaders().get("Idempotency-Key")).isEqualTo(first);
	}

	@Test
	void eachLogicalCallGetsItsOwnGeneratedKey() throws Exception {
		enqueue(this.server, json(201, ASSISTANT), json(201, ASSISTANT));
		InteractorClient client = client();
		client.assistants().create("ns", CreateAssistantRequest.of("a", "m", "p"));
		client.assistants().create("ns", CreateAssistantRequest.of("a", "m", "p"));
		assertThat(take(this.server).getHeaders().get("Idempotency-Key"))
			.isNotEqualTo(take(this.server).getHeaders().get("Idempotency-Key"));
	}

	@Test
	void callerIdempotencyKeyIsUsedOnEveryAttempt() throws Exception {
		enqueue(this.server, json(503, "{}"), json(201, ASSISTANT));
		client().assistants()
			.create("ns", CreateAssistantRequest.of("a", "m", "p"), RequestOptions.idempotencyKey("order-42"));
		assertThat(take(this.server).getHeaders().get("Idempotency-Key")).isEqualTo("order-42");
		assertThat(take(this.server).getHeaders().get("Idempotency-Key")).isEqualTo("order-42");
	}

	@Test
	void postWithoutIdempotencyKeyIsNotRetried() {
		ReactiveInteractorClient client = clientBuilder(this.server, this.tokens).build();
		enqueue(this.server, json(503, "{}"), json(200, "{\"data\":{}}"));
		assertThatExceptionOfType(InteractorServerException.class)
			.isThrownBy(() -> client.api().exchange(ApiRequest.post("ns", "/rooms/{id}/tool-results", "r1")
				.body(java.util.Map.of("ok", true))).block());
		assertThat(this.server.getRequestCount()).isEqualTo(1);
	}

	@Test
	void patchWithoutIdempotencyKeyIsNotRetried() throws Exception {
		enqueue(this.server, json(503, "{}"), json(200, ASSISTANT));
		assertThatExceptionOfType(InteractorServerException.class).isThrownBy(() -> client().assistants()
			.update("ns", "asst_1", UpdateAssistantRequest.builder().name("x").build()));
		RecordedRequest request = take(this.server);
		assertThat(request.getHeaders().get("Idempotency-Key")).isNull();
		assertThat(this.server.getRequestCount()).isEqualTo(1);
	}

	@Test
	void droppedConnectionIsRetriedForIdempotentRequests() {
		enqueue(this.server, new MockResponse.Builder().onResponseStart(new SocketEffect.CloseSocket()).build(),
				json(200, ASSISTANT));
		assertThat(client().assistants().get("ns", "asst_1").id()).isEqualTo("asst_1");
		assertThat(this.server.getRequestCount()).isEqualTo(2);
	}

	@Test
	void unreachableServerBecomesNetworkExceptionAfterRetries() throws Exception {
		int port;
		try (ServerSocket socket = new ServerSocket(0)) {
			port = socket.getLocalPort();
		}
		ReactiveInteractorClient client = clientBuilder(this.server, this.tokens)
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
		ReactiveInteractorClient client = clientBuilder(this.server, this.tokens)
			.retryPolicy(new RetryPolicy(3, Duration.ofSeconds(1), Duration.ofSeconds(30), Duration.ofSeconds(60)))
			.retryScheduler(scheduler)
			.clock(clock)
			.build();
		enqueue(this.server, 
				new MockResponse.Builder().code(429).addHeader("Retry-After", retryAfter).body("{}").build(),
				json(200, ASSISTANT));
		CompletableFuture<Assistant> result = client.assistants().get("ns", "asst_1").toFuture();
		take(this.server);
		await().atMost(Duration.ofSeconds(10)).until(() -> scheduler.getScheduledTaskCount() > 0);
		scheduler.advanceTimeBy(expected.minusMillis(1));
		assertThat(poll(this.server, Duration.ofMillis(300))).isNull();
		assertThat(result).isNotDone();
		scheduler.advanceTimeBy(Duration.ofMillis(1));
		assertThat(take(this.server)).isNotNull();
		assertThat(result.get(10, TimeUnit.SECONDS).id()).isEqualTo("asst_1");
	}

	@Test
	void exponentialBackoffIsUsedWithoutRetryAfter() throws Exception {
		VirtualTimeScheduler scheduler = VirtualTimeScheduler.create();
		ReactiveInteractorClient client = clientBuilder(this.server, this.tokens)
			.retryPolicy(new RetryPolicy(3, Duration.ofSeconds(1), Duration.ofSeconds(30), Duration.ofSeconds(60)))
			.retryScheduler(scheduler)
			.jitter(() -> 0.5)
			.build();
		enqueue(this.server, json(503, "{}"), json(503, "{}"), json(200, ASSISTANT));
		CompletableFuture<Assistant> result = client.assistants().get("ns", "asst_1").toFuture();
		take(this.server);
		await().atMost(Duration.ofSeconds(10)).until(() -> scheduler.getScheduledTaskCount() == 1);
		scheduler.advanceTimeBy(Duration.ofMillis(1500));
		take(this.server);
		await().atMost(Duration.ofSeconds(10)).until(() -> scheduler.getScheduledTaskCount() == 2);
		scheduler.advanceTimeBy(Duration.ofMillis(2499));
		assertThat(poll(this.server, Duration.ofMillis(300))).isNull();
		scheduler.advanceTimeBy(Duration.ofMillis(1));
		take(this.server);
		assertThat(result.get(10, TimeUnit.SECONDS).id()).isEqualTo("asst_1");
	}

	@Test
	void rateLimitAfterRetriesExposesRetryAfter() {
		ReactiveInteractorClient client = clientBuilder(this.server, this.tokens).retryPolicy(RetryPolicy.NONE)
			.build();
		enqueue(this.server, new MockResponse.Builder().code(429)
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
		enqueue(this.server, json(200, ASSISTANT));
		client().assistants().get("ns", "a/../b?x=1#y");
		assertThat(take(this.server).getTarget()).isEqualTo("/api/v1/assistants/a%2F..%2Fb%3Fx%3D1%23y");
	}

	@Test
	void dotSegmentIdsAreRejectedBeforeAnyRequest() {
		assertThatIllegalArgumentException().isThrownBy(() -> client().assistants().get("ns", ".."))
			.withMessageContaining("assistantId");
		assertThatIllegalArgumentException().isThrownBy(() -> client().assistants().get("ns", " "));
		assertThat(this.server.getRequestCount()).isZero();
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
		assertThat(this.server.getRequestCount()).isZero();
		assertThat(this.tokens.issued()).isZero();
	}

	@Test
	void noContentCompletesEmpty() throws Exception {
		enqueue(this.server, new MockResponse.Builder().code(204).build());
		client().assistants().delete("ns", "asst_1");
		RecordedRequest request = take(this.server);
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
