package io.interactor.spring.client.auth;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import io.interactor.spring.client.ReactiveInteractorClient;
import io.interactor.spring.client.error.InteractorAuthenticationException;
import io.interactor.spring.client.error.InteractorException;
import io.interactor.spring.client.error.InteractorNetworkException;
import io.interactor.spring.client.error.InteractorTimeoutException;
import io.interactor.spring.client.http.RetryPolicy;
import io.interactor.spring.client.observation.TokenRequestObservationContext;
import io.interactor.spring.client.resource.Assistant;
import io.interactor.spring.client.support.RawHttpServer;
import io.interactor.spring.client.support.RawHttpServer.Action;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationHandler;
import io.micrometer.observation.ObservationRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Signal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The token endpoint failing while 100 calls wait for a token: refused connections, an answer slower than the
 * response timeout, a 2xx body that is not a token, bytes that are not HTTP, and {@code invalid_client}. In every
 * case one token request is in flight at a time (counted at the peer, and by the client's own token observations),
 * the waiting calls share it, every caller ends with an {@link InteractorException} of the fault's type and no
 * request reaches the Core API; a hang guard on each call turns a hang into a failure. Once the endpoint answers
 * again, the next call gets a token and succeeds.
 */
class TokenEndpointFaultLoadTests {

	private static final int CALLERS = 100;

	/** Far beyond what any case needs (three attempts of the response timeout at most): reached only by a hang. */
	private static final Duration HANG_GUARD = Duration.ofSeconds(20);

	private static final String TOKEN_OK = response("200 OK", "{\"access_token\":\"at_recovered\",\"expires_in\":3600}");

	private static final String ASSISTANT = "{\"data\":{\"id\":\"asst_1\",\"name\":\"Support\"}}";

	/** Two retries 100 ms apart: a failed attempt's connection is closed before the next one opens. */
	private static final RetryPolicy RETRIES = new RetryPolicy(2, Duration.ofMillis(100), Duration.ofMillis(100),
			Duration.ofSeconds(1));

	private final AtomicReference<Action> tokenBehaviour = new AtomicReference<>(Action.writeAndClose(TOKEN_OK));

	private final AtomicInteger tokenRequests = new AtomicInteger();

	private final AtomicInteger tokenRequestsInFlight = new AtomicInteger();

	private final AtomicInteger maxTokenRequestsInFlight = new AtomicInteger();

	private final AtomicInteger tokenObservationsOpen = new AtomicInteger();

	private final AtomicInteger maxTokenObservationsOpen = new AtomicInteger();

	private final AtomicInteger tokenObservations = new AtomicInteger();

	private final ObservationRegistry observations = ObservationRegistry.create();

	private RawHttpServer account;

	private RawHttpServer core;

	@BeforeEach
	void start() throws IOException {
		this.account = new RawHttpServer((socket) -> {
			int inFlight = this.tokenRequestsInFlight.incrementAndGet();
			this.maxTokenRequestsInFlight.accumulateAndGet(inFlight, Math::max);
			this.tokenRequests.incrementAndGet();
			try {
				this.tokenBehaviour.get().perform(socket);
			}
			finally {
				this.tokenRequestsInFlight.decrementAndGet();
			}
		});
		this.core = new RawHttpServer(Action.writeAndClose("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n"
				+ "Content-Length: " + ASSISTANT.length() + "\r\nConnection: close\r\n\r\n" + ASSISTANT));
		this.observations.observationConfig().observationHandler(new ObservationHandler<>() {

			@Override
			public boolean supportsContext(Observation.Context context) {
				return context instanceof TokenRequestObservationContext;
			}

			@Override
			public void onStart(Observation.Context context) {
				TokenEndpointFaultLoadTests.this.tokenObservations.incrementAndGet();
				int open = TokenEndpointFaultLoadTests.this.tokenObservationsOpen.incrementAndGet();
				TokenEndpointFaultLoadTests.this.maxTokenObservationsOpen.accumulateAndGet(open, Math::max);
			}

			@Override
			public void onStop(Observation.Context context) {
				TokenEndpointFaultLoadTests.this.tokenObservationsOpen.decrementAndGet();
			}

		});
	}

	@AfterEach
	void stop() {
		this.account.close();
		this.core.close();
	}

	@Test
	void invalidClientFailsEveryWaitingCallWithOneTokenRequest() throws Exception {
		CountDownLatch gate = new CountDownLatch(1);
		this.tokenBehaviour.set(gated(gate, Action.writeAndClose(response("401 Unauthorized",
				"{\"error\":\"invalid_client\",\"error_description\":\"Client authentication failed\"}"))));
		ReactiveInteractorClient client = client(this.account.url("/account"));
		List<Signal<Assistant>> outcomes = callWhileTokenIsPending(client, gate);
		assertThat(outcomes).allSatisfy((outcome) -> assertThat(outcome.getThrowable())
			.isInstanceOf(InteractorAuthenticationException.class)
			.satisfies((ex) -> assertThat(AccessTokenErrors.codeOf(ex)).isEqualTo("invalid_client")));
		// Refused credentials are never retried, and the 100 callers shared the one request.
		assertThat(this.tokenRequests).hasValue(1);
		assertOneTokenRequestAtATimeAndNoCoreRequest();
		assertRecovers(client);
	}

	@Test
	void bodyThatIsNoTokenFailsEveryWaitingCallWithOneTokenRequest() throws Exception {
		CountDownLatch gate = new CountDownLatch(1);
		this.tokenBehaviour.set(gated(gate, Action.writeAndClose("HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n"
				+ "Content-Length: 17\r\nConnection: close\r\n\r\n<html>oops</html>")));
		ReactiveInteractorClient client = client(this.account.url("/account"));
		List<Signal<Assistant>> outcomes = callWhileTokenIsPending(client, gate);
		assertThat(outcomes).allSatisfy((outcome) -> assertThat(outcome.getThrowable())
			.isExactlyInstanceOf(InteractorException.class)
			.satisfies((ex) -> assertThat(AccessTokenErrors.codeOf(ex))
				.isEqualTo(AccessTokenErrors.INVALID_TOKEN_RESPONSE)));
		// A 2xx is an answer, not a transient failure: not retried.
		assertThat(this.tokenRequests).hasValue(1);
		assertOneTokenRequestAtATimeAndNoCoreRequest();
		assertRecovers(client);
	}

	@Test
	void bytesThatAreNotHttpFailEveryWaitingCallAfterTheRetries() throws Exception {
		CountDownLatch gate = new CountDownLatch(1);
		this.tokenBehaviour.set(gated(gate, Action.writeAndClose("SSH-2.0-OpenSSH_9.6\r\n\u0000\u0001garbage\r\n\r\n")));
		ReactiveInteractorClient client = client(this.account.url("/account"));
		List<Signal<Assistant>> outcomes = callWhileTokenIsPending(client, gate);
		assertThat(outcomes).allSatisfy((outcome) -> assertThat(outcome.getThrowable())
			.isInstanceOf(InteractorException.class));
		assertThat(this.tokenRequests.get()).isBetween(1, 1 + RETRIES.maxRetries());
		assertOneTokenRequestAtATimeAndNoCoreRequest();
		assertRecovers(client);
	}

	@Test
	void answerSlowerThanTheResponseTimeoutFailsEveryWaitingCallAfterTheRetries() throws Exception {
		// Stall until the client gives up and closes the connection.
		this.tokenBehaviour.set((socket) -> {
			InputStream in = socket.getInputStream();
			while (in.read() >= 0) {
				// nothing is answered
			}
		});
		ReactiveInteractorClient client = client(this.account.url("/account"), Duration.ofMillis(500));
		List<Signal<Assistant>> outcomes = callWhileTokenIsPending(client, null);
		assertThat(outcomes).allSatisfy((outcome) -> assertThat(outcome.getThrowable())
			.isInstanceOf(InteractorTimeoutException.class));
		// Each attempt timed out and was retried; all callers shared the three attempts.
		assertThat(this.tokenRequests).hasValue(1 + RETRIES.maxRetries());
		assertOneTokenRequestAtATimeAndNoCoreRequest();
		assertRecovers(client);
	}

	@Test
	void refusedConnectionFailsEveryWaitingCallAfterTheRetries() throws Exception {
		int closedPort;
		try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			closedPort = socket.getLocalPort();
		}
		ReactiveInteractorClient client = client("http://127.0.0.1:" + closedPort + "/account");
		List<Signal<Assistant>> outcomes = callWhileTokenIsPending(client, null);
		assertThat(outcomes).allSatisfy((outcome) -> assertThat(outcome.getThrowable())
			.isInstanceOf(InteractorNetworkException.class)
			.isNotInstanceOf(InteractorTimeoutException.class));
		// No peer to count at: the client's token observations show one request at a time.
		assertThat(this.maxTokenObservationsOpen).hasValue(1);
		assertThat(this.core.requests()).isEmpty();
	}

	private ReactiveInteractorClient client(String accountServerUrl) {
		return client(accountServerUrl, Duration.ofSeconds(5));
	}

	private ReactiveInteractorClient client(String accountServerUrl, Duration responseTimeout) {
		return ReactiveInteractorClient.builder()
			.credentials("client_load", "secret_load_do_not_leak")
			.accountServerUrl(accountServerUrl)
			.coreApiUrl(this.core.url("/core"))
			.connectTimeout(Duration.ofSeconds(2))
			.responseTimeout(responseTimeout)
			.retryPolicy(RETRIES)
			.jitter(() -> 0)
			.observationRegistry(this.observations)
			.build();
	}

	/**
	 * Start {@link #CALLERS} calls at once, then open the gate (if any) once the first token request has arrived:
	 * every call is waiting for that token by then.
	 */
	private List<Signal<Assistant>> callWhileTokenIsPending(ReactiveInteractorClient client, CountDownLatch gate)
			throws Exception {
		List<Mono<Signal<Assistant>>> calls = new ArrayList<>();
		for (int i = 0; i < CALLERS; i++) {
			calls.add(client.assistants().get("user_1", "asst_" + i).timeout(HANG_GUARD).materialize());
		}
		CompletableFuture<List<Signal<Assistant>>> outcomes = Flux.merge(calls).collectList().toFuture();
		if (gate != null) {
			await().atMost(HANG_GUARD).until(() -> this.tokenRequests.get() >= 1);
			gate.countDown();
		}
		List<Signal<Assistant>> result = outcomes.get(HANG_GUARD.multipliedBy(2).toMillis(), TimeUnit.MILLISECONDS);
		assertThat(result).hasSize(CALLERS);
		// A hang guard that fired would show as a TimeoutException, not an InteractorException.
		assertThat(result).allSatisfy((outcome) -> assertThat(outcome.isOnError()).isTrue());
		return result;
	}

	private void assertOneTokenRequestAtATimeAndNoCoreRequest() {
		assertThat(this.maxTokenRequestsInFlight).hasValue(1);
		assertThat(this.maxTokenObservationsOpen).hasValue(1);
		assertThat(this.core.requests()).isEmpty();
	}

	private void assertRecovers(ReactiveInteractorClient client) {
		this.tokenBehaviour.set(Action.writeAndClose(TOKEN_OK));
		assertThat(client.assistants().get("user_1", "asst_1").block(HANG_GUARD).id()).isEqualTo("asst_1");
		assertThat(this.core.requests()).singleElement()
			.satisfies((request) -> assertThat(request.header("Authorization")).isEqualTo("Bearer at_recovered"));
	}

	private static Action gated(CountDownLatch gate, Action action) {
		return (socket) -> {
			try {
				gate.await(HANG_GUARD.toMillis(), TimeUnit.MILLISECONDS);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return;
			}
			action.perform(socket);
		};
	}

	private static String response(String status, String json) {
		return "HTTP/1.1 " + status + "\r\nContent-Type: application/json\r\nContent-Length: " + json.length()
				+ "\r\nConnection: close\r\n\r\n" + json;
	}

}
