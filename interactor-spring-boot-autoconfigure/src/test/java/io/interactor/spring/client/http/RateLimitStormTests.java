package io.interactor.spring.client.http;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import io.interactor.spring.client.ReactiveInteractorClient;
import io.interactor.spring.client.error.InteractorRateLimitException;
import io.interactor.spring.client.resource.Assistant;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.test.scheduler.VirtualTimeScheduler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

/**
 * A storm of 429s with {@code Retry-After} hitting 50 concurrent callers, against a real HTTP peer that records when
 * each request arrives. What the client guarantees:
 * <ul>
 * <li>no retry sooner than allowed: each caller's next request arrives at least {@code Retry-After} after the
 * request that was turned away (a lower bound, measured at the peer);</li>
 * <li>no thundering herd: a retry waits {@code Retry-After} plus its own jitter of up to one initial back-off, so
 * callers turned away together come back spread over that window, in proportion to the time passed (shown on
 * virtual time, where the jitter draws are known);</li>
 * <li>bounded: after {@code maxRetries} retries the caller gets the {@link InteractorRateLimitException} with the
 * server's {@code Retry-After}.</li>
 * </ul>
 */
class RateLimitStormTests {

	private static final int CALLERS = 50;

	private static final Duration WAIT = Duration.ofSeconds(30);

	private static final String ASSISTANT = "{\"data\":{\"id\":\"%s\",\"name\":\"Support\"}}";

	private final MockWebServer server = new MockWebServer();

	/** Per caller (the assistant id): the arrival times of its requests, in nanoseconds. */
	private final Map<String, List<Long>> arrivals = new ConcurrentHashMap<>();

	private final AtomicInteger coreRequests = new AtomicInteger();

	private volatile int rejectionsPerCaller;

	private volatile String retryAfter = "1";

	@BeforeEach
	void start() throws IOException {
		this.server.setDispatcher(new Dispatcher() {
			@Override
			public MockResponse dispatch(RecordedRequest request) {
				long now = System.nanoTime();
				String target = request.getTarget();
				if (target.startsWith("/account/")) {
					return json(200, "{\"access_token\":\"at_storm\",\"expires_in\":3600}");
				}
				String id = target.substring(target.lastIndexOf('/') + 1);
				List<Long> times = RateLimitStormTests.this.arrivals.computeIfAbsent(id,
						(key) -> new CopyOnWriteArrayList<>());
				times.add(now);
				RateLimitStormTests.this.coreRequests.incrementAndGet();
				if (times.size() <= RateLimitStormTests.this.rejectionsPerCaller) {
					return new MockResponse.Builder().code(429)
						.addHeader("Content-Type", "application/json")
						.addHeader("Retry-After", RateLimitStormTests.this.retryAfter)
						.body("{\"error\":{\"code\":\"rate_limit_exceeded\",\"message\":\"Slow down\"}}")
						.build();
				}
				return json(200, ASSISTANT.formatted(id));
			}
		});
		this.server.start();
	}

	@AfterEach
	void stop() {
		this.server.close();
	}

	@Test
	void noCallerRetriesSoonerThanRetryAfterAllows() throws Exception {
		this.rejectionsPerCaller = 2;
		this.retryAfter = "1";
		ReactiveInteractorClient client = clientBuilder()
			.retryPolicy(new RetryPolicy(3, Duration.ofMillis(200), Duration.ofSeconds(1), Duration.ofSeconds(60)))
			.build();
		List<CompletableFuture<Assistant>> calls = new ArrayList<>();
		for (int i = 0; i < CALLERS; i++) {
			calls.add(client.assistants().get("user_1", "asst_" + i).toFuture());
		}
		for (int i = 0; i < CALLERS; i++) {
			assertThat(calls.get(i).get(WAIT.toMillis(), TimeUnit.MILLISECONDS).id()).isEqualTo("asst_" + i);
		}
		assertThat(this.coreRequests).hasValue(CALLERS * 3);
		assertThat(this.arrivals).hasSize(CALLERS).allSatisfy((caller, times) -> {
			assertThat(times).hasSize(3);
			for (int attempt = 1; attempt < times.size(); attempt++) {
				// The previous request arrived before its 429 was sent: the client waited at least this long.
				assertThat(Duration.ofNanos(times.get(attempt) - times.get(attempt - 1)))
					.as("wait of %s before retry %d", caller, attempt)
					.isGreaterThanOrEqualTo(Duration.ofSeconds(1));
			}
		});
	}

	@Test
	void callersTurnedAwayTogetherComeBackSpreadByJitter() throws Exception {
		this.rejectionsPerCaller = 1;
		this.retryAfter = "2";
		VirtualTimeScheduler scheduler = VirtualTimeScheduler.create();
		// The draws are 0, 1/50, 2/50 ... 49/50 of the 1 s initial back-off, whichever caller gets which.
		AtomicInteger draws = new AtomicInteger();
		ReactiveInteractorClient client = clientBuilder()
			.retryPolicy(new RetryPolicy(3, Duration.ofSeconds(1), Duration.ofSeconds(30), Duration.ofSeconds(60)))
			.retryScheduler(scheduler)
			.jitter(() -> (draws.getAndIncrement() % CALLERS) / (double) CALLERS)
			.build();
		List<CompletableFuture<Assistant>> calls = new ArrayList<>();
		for (int i = 0; i < CALLERS; i++) {
			calls.add(client.assistants().get("user_1", "asst_" + i).toFuture());
		}
		await().atMost(WAIT).until(() -> draws.get() == CALLERS);
		assertThat(this.coreRequests).hasValue(CALLERS);
		scheduler.advanceTimeBy(Duration.ofSeconds(2).minusMillis(1));
		assertThat(retries()).as("nobody before Retry-After").isZero();
		scheduler.advanceTimeBy(Duration.ofMillis(1));
		awaitRetries(1);
		// Half the jitter window later, half the callers: 0 ms, 20 ms ... 480 ms of jitter.
		scheduler.advanceTimeBy(Duration.ofMillis(490));
		awaitRetries(25);
		scheduler.advanceTimeBy(Duration.ofMillis(510));
		awaitRetries(CALLERS);
		for (CompletableFuture<Assistant> call : calls) {
			assertThat(call.get(WAIT.toMillis(), TimeUnit.MILLISECONDS)).isNotNull();
		}
		assertThat(this.coreRequests).hasValue(2 * CALLERS);
	}

	@Test
	void callersGetTheRateLimitErrorOnceTheRetriesAreSpent() throws Exception {
		this.rejectionsPerCaller = Integer.MAX_VALUE;
		this.retryAfter = "0";
		ReactiveInteractorClient client = clientBuilder()
			.retryPolicy(new RetryPolicy(2, Duration.ofMillis(10), Duration.ofMillis(10), Duration.ofSeconds(60)))
			.build();
		List<CompletableFuture<Assistant>> calls = new ArrayList<>();
		for (int i = 0; i < CALLERS; i++) {
			calls.add(client.assistants().get("user_1", "asst_" + i).toFuture());
		}
		for (CompletableFuture<Assistant> call : calls) {
			assertThatExceptionOfType(java.util.concurrent.ExecutionException.class)
				.isThrownBy(() -> call.get(WAIT.toMillis(), TimeUnit.MILLISECONDS))
				.havingCause()
				.isInstanceOfSatisfying(InteractorRateLimitException.class,
						(ex) -> assertThat(ex.retryAfter()).isEqualTo(Duration.ZERO));
		}
		assertThat(this.coreRequests).hasValue(CALLERS * 3);
	}

	private void awaitRetries(int expected) {
		await().atMost(WAIT).until(() -> retries() >= expected);
		assertThat(retries()).isEqualTo(expected);
	}

	private int retries() {
		return this.coreRequests.get() - CALLERS;
	}

	private ReactiveInteractorClient.Builder clientBuilder() {
		return ReactiveInteractorClient.builder()
			.credentials("client_storm", "secret_storm")
			.accountServerUrl(this.server.url("/account").toString())
			.coreApiUrl(this.server.url("/core").toString());
	}

	private static MockResponse json(int code, String body) {
		return new MockResponse.Builder().code(code).addHeader("Content-Type", "application/json").body(body).build();
	}

}
