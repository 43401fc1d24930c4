package io.interactor.spring.test;

import java.io.IOException;
import java.net.InetAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import io.interactor.spring.client.InteractorClient;
import io.interactor.spring.client.ReactiveInteractorClient;
import io.interactor.spring.client.auth.AccessTokenProvider;
import io.interactor.spring.client.http.RetryPolicy;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.QueueDispatcher;
import mockwebserver3.RecordedRequest;
import org.jspecify.annotations.Nullable;

/**
 * For tests that talk to a {@link MockWebServer} directly: starting one on {@code 127.0.0.1}, JSON answers, bounded
 * waits for requests and clients pointed at it. No platform behaviour lives here: each test queues the exact
 * answers it needs (tests of platform behaviour run against the mock of the interactor-spring-boot-test module).
 */
public final class PeerRequests {

	/** The client id of {@link #credentialsClientBuilder(MockWebServer)}. */
	public static final String CLIENT_ID = "client_test";

	/** The client secret of {@link #credentialsClientBuilder(MockWebServer)}. */
	public static final String CLIENT_SECRET = "secret_do_not_leak_7f3a";

	private PeerRequests() {
	}

	/**
	 * A JSON response.
	 * @param code the status
	 * @param body the body
	 * @return the response
	 */
	public static MockResponse json(int code, String body) {
		return jsonBuilder(code, body).build();
	}

	/**
	 * A JSON response builder, to add headers or socket effects.
	 * @param code the status
	 * @param body the body
	 * @return the builder
	 */
	public static MockResponse.Builder jsonBuilder(int code, String body) {
		return new MockResponse.Builder().code(code).addHeader("Content-Type", "application/json").body(body);
	}

	/**
	 * Start a server on {@code 127.0.0.1} that answers queued responses in order, and a request beyond them with
	 * {@code 599} at once (never waiting for one to be queued).
	 * @return the started server; close it when done
	 * @throws IOException if it cannot listen
	 */
	public static MockWebServer start() throws IOException {
		return start(json(599, "{\"error\":{\"code\":\"nothing_queued\"}}"));
	}

	/**
	 * Start a server on {@code 127.0.0.1} that answers queued responses in order, and a request beyond them with
	 * {@code beyondQueue} at once.
	 * @param beyondQueue the answer when nothing is queued, such as {@link #notFound()}
	 * @return the started server; close it when done
	 * @throws IOException if it cannot listen
	 */
	public static MockWebServer start(MockResponse beyondQueue) throws IOException {
		MockWebServer server = new MockWebServer();
		QueueDispatcher dispatcher = new QueueDispatcher();
		dispatcher.setFailFast(beyondQueue);
		server.setDispatcher(dispatcher);
		server.start(InetAddress.getLoopbackAddress(), 0);
		return server;
	}

	/**
	 * The platform's {@code 404} error body.
	 * @return the response
	 */
	public static MockResponse notFound() {
		return json(404, "{\"error\":{\"code\":\"not_found\",\"message\":\"nothing queued in the test\"}}");
	}

	/**
	 * A reactive client for the Core API at {@code /api/v1} on the server, with a fixed token and no retries.
	 * @param server the server
	 * @return the client
	 */
	public static ReactiveInteractorClient reactiveClient(MockWebServer server) {
		return noRetryClientBuilder(server).build();
	}

	/**
	 * A client builder for the Core API at {@code /api/v1} on the server, with a fixed token and no retries.
	 * @param server the server
	 * @return the builder
	 */
	public static ReactiveInteractorClient.Builder noRetryClientBuilder(MockWebServer server) {
		return clientBuilder(server, new FixedAccessTokenProvider()).retryPolicy(RetryPolicy.NONE);
	}

	/**
	 * A blocking client for the Core API at {@code /api/v1} on the server, with a fixed token and no retries.
	 * @param server the server
	 * @return the client
	 */
	public static InteractorClient blockingClient(MockWebServer server) {
		return new InteractorClient(reactiveClient(server));
	}

	/**
	 * Queue responses, answered in order whatever the request.
	 * @param server the server
	 * @param responses the responses
	 */
	public static void enqueue(MockWebServer server, MockResponse... responses) {
		for (MockResponse response : responses) {
			server.enqueue(response);
		}
	}

	/**
	 * A client builder for the Core API at {@code /api/v1} on the server, with its tokens from {@code tokens} and
	 * up to three retries without waiting.
	 * @param server the server
	 * @param tokens the token provider
	 * @return the builder
	 */
	public static ReactiveInteractorClient.Builder clientBuilder(MockWebServer server, AccessTokenProvider tokens) {
		return ReactiveInteractorClient.builder()
			.tokenProvider(tokens)
			.coreApiUrl(coreApiUrl(server))
			.retryPolicy(new RetryPolicy(3, Duration.ZERO, Duration.ZERO, Duration.ofSeconds(60)))
			.jitter(() -> 0);
	}

	/**
	 * A client builder that fetches its tokens from the server too ({@code /auth/oauth/token}, client
	 * {@value #CLIENT_ID}): the first request of a fresh client is its token request, so a test queues the token
	 * response first. Up to three retries without waiting.
	 * @param server the server
	 * @return the builder
	 */
	public static ReactiveInteractorClient.Builder credentialsClientBuilder(MockWebServer server) {
		return ReactiveInteractorClient.builder()
			.credentials(CLIENT_ID, CLIENT_SECRET)
			.accountServerUrl(accountServerUrl(server))
			.coreApiUrl(coreApiUrl(server))
			.retryPolicy(new RetryPolicy(3, Duration.ZERO, Duration.ZERO, Duration.ofSeconds(60)))
			.jitter(() -> 0);
	}

	/**
	 * The Account Server base URL of {@link #credentialsClientBuilder(MockWebServer)}.
	 * @param server the server
	 * @return {@code http://<host>:<port>/auth}
	 */
	public static String accountServerUrl(MockWebServer server) {
		return server.url("/auth").toString();
	}

	/**
	 * The Core API base URL of {@link #clientBuilder(MockWebServer, AccessTokenProvider)}.
	 * @param server the server
	 * @return {@code http://<host>:<port>/api/v1}
	 */
	public static String coreApiUrl(MockWebServer server) {
		return server.url("/api/v1").toString();
	}

	/**
	 * The {@code interactor.*} properties of an application whose token endpoint and Core API are both the server.
	 * @param server the server
	 * @return {@code name=value} pairs
	 */
	public static String[] springProperties(MockWebServer server) {
		return new String[] { "interactor.client-id=" + CLIENT_ID, "interactor.client-secret=" + CLIENT_SECRET,
				"interactor.account-server-url=" + accountServerUrl(server),
				"interactor.core-api-url=" + coreApiUrl(server) };
	}

	/**
	 * The next token request ({@code /auth/...}) the server received, skipping Core API requests.
	 * @param server the server
	 * @return the request
	 * @throws InterruptedException if interrupted while waiting
	 */
	public static RecordedRequest takeToken(MockWebServer server) throws InterruptedException {
		RecordedRequest request = take(server);
		while (!request.getTarget().startsWith("/auth/")) {
			request = take(server);
		}
		return request;
	}

	/**
	 * The next Core API request the server received, skipping token requests.
	 * @param server the server
	 * @return the request
	 * @throws InterruptedException if interrupted while waiting
	 */
	public static RecordedRequest takeCore(MockWebServer server) throws InterruptedException {
		RecordedRequest request = take(server);
		while (request.getTarget().startsWith("/auth/")) {
			request = take(server);
		}
		return request;
	}

	/**
	 * A token endpoint answer with {@code token-<n>}, valid for 900 seconds.
	 * @param n the token number
	 * @return the response
	 */
	public static MockResponse token(int n) {
		return json(200, "{\"data\":{\"access_token\":\"token-" + n
				+ "\",\"token_type\":\"Bearer\",\"expires_in\":900}}");
	}

	/**
	 * The next request the server received, waiting at most 10 seconds.
	 * @param server the server
	 * @return the request
	 * @throws InterruptedException if interrupted while waiting
	 */
	public static RecordedRequest take(MockWebServer server) throws InterruptedException {
		RecordedRequest request = server.takeRequest(10, TimeUnit.SECONDS);
		if (request == null) {
			throw new AssertionError("No request arrived");
		}
		return request;
	}

	/**
	 * Every request the server received and no test took yet.
	 * @param server the server
	 * @return the requests, oldest first
	 * @throws InterruptedException if interrupted
	 */
	public static List<RecordedRequest> drain(MockWebServer server) throws InterruptedException {
		List<RecordedRequest> requests = new ArrayList<>();
		for (RecordedRequest request = server.takeRequest(0, TimeUnit.MILLISECONDS); request != null; request = server
			.takeRequest(0, TimeUnit.MILLISECONDS)) {
			requests.add(request);
		}
		return requests;
	}

	/**
	 * The next request the server received, or {@code null} after {@code wait}.
	 * @param server the server
	 * @param wait how long to wait
	 * @return the request or {@code null}
	 * @throws InterruptedException if interrupted while waiting
	 */
	public static @Nullable RecordedRequest poll(MockWebServer server, Duration wait) throws InterruptedException {
		return server.takeRequest(wait.toMillis(), TimeUnit.MILLISECONDS);
	}

}
