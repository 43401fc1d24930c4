package io.interactor.spring.client.testsupport;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

import io.interactor.spring.client.InteractorClient;
import io.interactor.spring.client.ReactiveInteractorClient;
import io.interactor.spring.client.http.RetryPolicy;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;

/**
 * A real HTTP peer standing in for the Account Server ({@code /auth}) and the Core API ({@code /api/v1}): answers
 * the token endpoint, routes Core requests by {@code METHOD path} to queued or computed responses, and records
 * every Core request.
 */
public final class MockCoreApi implements AutoCloseable {

	private final MockWebServer server = new MockWebServer();

	private final Map<String, ConcurrentLinkedQueue<Function<RecordedRequest, MockResponse>>> routes = new ConcurrentHashMap<>();

	private final List<RecordedRequest> coreRequests = new CopyOnWriteArrayList<>();

	public MockCoreApi() throws IOException {
		this.server.setDispatcher(new Dispatcher() {

			@Override
			public MockResponse dispatch(RecordedRequest request) {
				return MockCoreApi.this.dispatch(request);
			}

		});
		this.server.start();
	}

	/**
	 * Answer the next {@code method path} request (path without query, relative to {@code /api/v1}).
	 * @param method the method
	 * @param path the path
	 * @param response the response
	 * @return this
	 */
	public MockCoreApi on(String method, String path, MockResponse response) {
		return on(method, path, (request) -> response);
	}

	/**
	 * Answer the next {@code method path} request with a computed response.
	 * @param method the method
	 * @param path the path
	 * @param response computes the response
	 * @return this
	 */
	public MockCoreApi on(String method, String path, Function<RecordedRequest, MockResponse> response) {
		this.routes.computeIfAbsent(method + " " + path, (key) -> new ConcurrentLinkedQueue<>()).add(response);
		return this;
	}

	/**
	 * A JSON response.
	 * @param status the status
	 * @param body the body
	 * @return the response
	 */
	public static MockResponse json(int status, String body) {
		return new MockResponse.Builder().code(status).setHeader("Content-Type", "application/json").body(body).build();
	}

	/**
	 * The Core requests received so far.
	 * @return the requests, in order
	 */
	public List<RecordedRequest> coreRequests() {
		return this.coreRequests;
	}

	/**
	 * The base URL of the Core API.
	 * @return the URL
	 */
	public String coreApiUrl() {
		return this.server.url("/api/v1").toString();
	}

	/**
	 * The base URL of the Account Server.
	 * @return the URL
	 */
	public String accountServerUrl() {
		return this.server.url("/auth").toString();
	}

	/**
	 * A builder for a client against this server, without retries.
	 * @return the builder
	 */
	public ReactiveInteractorClient.Builder clientBuilder() {
		return ReactiveInteractorClient.builder()
			.credentials("id", "secret")
			.accountServerUrl(this.server.url("/auth").toString())
			.coreApiUrl(coreApiUrl())
			.retryPolicy(RetryPolicy.NONE);
	}

	/**
	 * A reactive client against this server.
	 * @return the client
	 */
	public ReactiveInteractorClient reactiveClient() {
		return clientBuilder().build();
	}

	/**
	 * A blocking client against this server.
	 * @return the client
	 */
	public InteractorClient blockingClient() {
		return new InteractorClient(reactiveClient());
	}

	private MockResponse dispatch(RecordedRequest request) {
		String path = request.getUrl().encodedPath();
		if (path.equals("/auth/oauth/token")) {
			return json(200, "{\"access_token\":\"t\",\"expires_in\":900}");
		}
		this.coreRequests.add(request);
		String relative = path.startsWith("/api/v1") ? path.substring("/api/v1".length()) : path;
		ConcurrentLinkedQueue<Function<RecordedRequest, MockResponse>> queue = this.routes
			.get(request.getMethod() + " " + relative);
		Function<RecordedRequest, MockResponse> response = (queue != null) ? queue.poll() : null;
		if (response == null) {
			return json(404, "{\"error\":{\"code\":\"not_found\",\"message\":\"no route in test\"}}");
		}
		return response.apply(request);
	}

	@Override
	public void close() {
		this.server.close();
	}

}
