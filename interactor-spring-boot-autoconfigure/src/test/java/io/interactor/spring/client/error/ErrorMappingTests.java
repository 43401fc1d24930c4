package io.interactor.spring.client.error;

import java.util.stream.Stream;

import io.interactor.spring.client.ReactiveInteractorClient;
import io.interactor.spring.client.http.RetryPolicy;
import io.interactor.spring.test.FixedAccessTokenProvider;
import mockwebserver3.MockResponse;
import io.interactor.spring.test.PeerRequests;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static io.interactor.spring.test.PeerRequests.clientBuilder;
import static io.interactor.spring.test.PeerRequests.enqueue;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/**
 * Every error-body shape the platform documents, served over HTTP, maps to the right exception with code,
 * message and request id.
 */
class ErrorMappingTests {

	private MockWebServer server;

	private final FixedAccessTokenProvider tokens = new FixedAccessTokenProvider();

	private ReactiveInteractorClient client;

	@BeforeEach
	void start() throws Exception {
		this.server = PeerRequests.start();
		this.client = clientBuilder(this.server, this.tokens).retryPolicy(RetryPolicy.NONE).build();
	}

	@AfterEach
	void stop() {
		this.server.close();
	}

	static Stream<Arguments> shapes() {
		return Stream.of(
				arguments("E1 standard", 404,
						"{\"error\":{\"code\":\"assistant_not_found\",\"message\":\"No such assistant\","
								+ "\"details\":[{\"field\":\"id\",\"message\":\"unknown\"}],\"request_id\":\"req_1\"}}",
						null, InteractorNotFoundException.class, "assistant_not_found", "No such assistant", "req_1"),
				arguments("E1 with header request id", 403,
						"{\"error\":{\"code\":\"forbidden\",\"message\":\"Missing scope\"}}", "req_hdr",
						InteractorForbiddenException.class, "forbidden", "Missing scope", "req_hdr"),
				arguments("E2 flat rate limit", 429,
						"{\"error\":\"rate_limited\",\"message\":\"Too many\",\"retry_after\":60}", "req_2",
						InteractorRateLimitException.class, "rate_limited", "Too many", "req_2"),
				arguments("E3 structured 429", 429,
						"{\"error\":{\"code\":\"rate_limit_exceeded\",\"message\":\"Slow\",\"resource\":"
								+ "\"agents:messages\",\"retry_after\":30}}",
						null, InteractorRateLimitException.class, "rate_limit_exceeded", "Slow", null),
				arguments("E4 OAuth", 401, "{\"error\":\"invalid_client\",\"error_description\":\"Bad client\"}",
						null, InteractorAuthenticationException.class, "invalid_client", "Bad client", null),
				arguments("E5 human message", 400, "{\"error\":\"Name has already been taken\"}", "req_5",
						InteractorValidationException.class, "bad_request", "Name has already been taken", "req_5"),
				arguments("E6 validation", 422,
						"{\"error\":{\"code\":\"validation_error\",\"message\":\"Validation failed\",\"details\":"
								+ "{\"email\":[\"has already been taken\"]}}}",
						null, InteractorValidationException.class, "validation_error", "Validation failed", null),
				arguments("409 conflict", 409, "{\"error\":{\"code\":\"workflow_exists\",\"message\":\"Taken\"}}",
						null, InteractorConflictException.class, "workflow_exists", "Taken", null),
				arguments("410 gone", 410, "", "req_6", InteractorGoneException.class, "gone", null, "req_6"),
				arguments("HTML from a proxy", 502, "<html><body>Bad Gateway</body></html>", null,
						InteractorServerException.class, "bad_gateway", null, null),
				arguments("empty 500", 500, "", null, InteractorServerException.class, "internal_error", null, null),
				arguments("other 4xx", 402, "{\"error\":{\"code\":\"quota_exceeded\",\"message\":\"Upgrade\"}}",
						null, InteractorApiException.class, "quota_exceeded", "Upgrade", null));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("shapes")
	void mapsErrorBody(String shape, int status, String body, String requestIdHeader,
			Class<? extends InteractorApiException> type, String code, String message, String requestId) {
		MockResponse.Builder response = new MockResponse.Builder().code(status).body(body);
		if (requestIdHeader != null) {
			response.addHeader("X-Request-Id", requestIdHeader);
		}
		enqueue(this.server, response.build());
		InteractorApiException ex = catchThrowableOfType(type,
				() -> this.client.assistants().get("ns", "asst_1").block());
		assertThat(ex).isExactlyInstanceOf(type);
		assertThat(ex.status()).isEqualTo(status);
		assertThat(ex.code()).isEqualTo(code);
		assertThat(ex.serverMessage()).isEqualTo(message);
		assertThat(ex.requestId()).isEqualTo(requestId);
		assertThat(ex.rawBodyAsString()).isEqualTo(body);
		assertThat(ex.getMessage()).contains(String.valueOf(status)).contains(code);
		if (requestIdHeader != null) {
			assertThat(ex.headers().getFirst("X-Request-Id")).isEqualTo(requestIdHeader);
		}
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("shapes")
	void keepsDetailsAsSent(String shape, int status, String body, String requestIdHeader,
			Class<? extends InteractorApiException> type) {
		enqueue(this.server, new MockResponse.Builder().code(status).body(body).build());
		InteractorApiException ex = catchThrowableOfType(type,
				() -> this.client.assistants().get("ns", "asst_1").block());
		if (body.contains("\"details\"")) {
			assertThat(ex.details()).isNotNull();
			assertThat(ex.details().toString()).isIn("[{\"field\":\"id\",\"message\":\"unknown\"}]",
					"{\"email\":[\"has already been taken\"]}");
		}
		else {
			assertThat(ex.details()).isNull();
		}
	}

}
