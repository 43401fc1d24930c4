package io.interactor.spring.client.support;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import io.interactor.spring.client.ReactiveInteractorClient;
import io.interactor.spring.client.http.RetryPolicy;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.jspecify.annotations.Nullable;

/**
 * A real HTTP peer playing both the Account Server (under {@code /auth}) and the Core API (under
 * {@code /api/v1}). Token requests get queued responses, else a fresh token each time; Core requests get the
 * queued responses in order, else a 599 that no test expects.
 */
public final class InteractorTestServer implements AutoCloseable {

	public static final String CLIENT_ID = "client_test";

	public static final String CLIENT_SECRET = "secret_do_not_leak_7f3a";

	private final MockWebServer server = new MockWebServer();

	private final AtomicInteger tokenCount = new AtomicInteger();

	private final BlockingQueue<MockResponse> tokenResponses = new LinkedBlockingQueue<>();

	private final BlockingQueue<MockResponse> coreResponses = new LinkedBlockingQueue<>();

	private final BlockingQueue<RecordedRequest> tokenRequests = new LinkedBlockingQueue<>();

	private final BlockingQueue<RecordedRequest> coreRequests = new LinkedBlockingQueue<>();

	private final AtomicInteger coreCount = new AtomicInteger();

	public InteractorTestServer() throws IOException {
		this.server.setDispatcher(new Dispatcher() {
			@Override
			public MockResponse dispatch(RecordedRequest request) {
				if (request.getTarget().startsWith("/auth/")) {
					int n = InteractorTestServer.this.tokenCount.incrementAndGet();
					InteractorTestServer.this.tokenRequests.add(request);
					MockResponse queued = InteractorTestServer.this.tokenResponses.poll();
					return (queued != null) ? queued
							: json(200, "{\"data\":{\"access_token\":\"token-" + n
									+ "\",\"token_type\":\"Bearer\",\"expires_in\":900}}");
				}
				InteractorTestServer.this.coreCount.incrementAndGet();
				InteractorTestServer.this.coreRequests.add(request);
				MockResponse queued = InteractorTestServer.this.coreResponses.poll();
				return (queued != null) ? queued : json(599, "{\"error\":\"nothing_queued\"}");
			}
		});
		this.server.start();
	}

	public static MockResponse json(int code, String body) {
		return new MockResponse.Builder().code(code).addHeader("Content-Type", "application/json").body(body).build();
	}

	public static MockResponse.Builder jsonBuilder(int code, String body) {
		return new MockResponse.Builder().code(code).addHeader("Content-Type", "application/json").body(body);
	}

	public String accountServerUrl() {
		return this.server.url("/auth").toString();
	}

	public String coreApiUrl() {
		return this.server.url("/api/v1").toString();
	}

	public void enqueueCore(MockResponse... responses) {
		for (MockResponse response : responses) {
			this.coreResponses.add(response);
		}
	}

	public void enqueueToken(MockResponse... responses) {
		for (MockResponse response : responses) {
			this.tokenResponses.add(response);
		}
	}

	public RecordedRequest takeCore() throws InterruptedException {
		RecordedRequest request = this.coreRequests.poll(10, TimeUnit.SECONDS);
		if (request == null) {
			throw new AssertionError("No Core API request arrived");
		}
		return request;
	}

	public @Nullable RecordedRequest pollCore(Duration wait) throws InterruptedException {
		return this.coreRequests.poll(wait.toMillis(), TimeUnit.MILLISECONDS);
	}

	public RecordedRequest takeToken() throws InterruptedException {
		RecordedRequest request = this.tokenRequests.poll(10, TimeUnit.SECONDS);
		if (request == null) {
			throw new AssertionError("No token request arrived");
		}
		return request;
	}

	public int tokenRequestCount() {
		return this.tokenCount.get();
	}

	public int coreRequestCount() {
		return this.coreCount.get();
	}

	/**
	 * The {@code interactor.*} properties of an application using this server.
	 * @return {@code name=value} pairs
	 */
	public String[] springProperties() {
		return new String[] { "interactor.client-id=" + CLIENT_ID, "interactor.client-secret=" + CLIENT_SECRET,
				"interactor.account-server-url=" + accountServerUrl(), "interactor.core-api-url=" + coreApiUrl() };
	}

	/**
	 * A client builder pointing at this server, retrying without waiting.
	 * @return the builder
	 */
	public ReactiveInteractorClient.Builder clientBuilder() {
		return ReactiveInteractorClient.builder()
			.credentials(CLIENT_ID, CLIENT_SECRET)
			.accountServerUrl(accountServerUrl())
			.coreApiUrl(coreApiUrl())
			.retryPolicy(new RetryPolicy(3, Duration.ZERO, Duration.ZERO, Duration.ofSeconds(60)))
			.jitter(() -> 0);
	}

	@Override
	public void close() {
		this.server.close();
	}

}
