package io.interactor.spring.client.auth;

import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import io.interactor.spring.client.error.InteractorApiException;
import io.interactor.spring.client.error.InteractorAuthenticationException;
import io.interactor.spring.client.error.InteractorException;
import io.interactor.spring.client.error.InteractorServerException;
import io.interactor.spring.test.MutableClock;
import io.interactor.spring.test.PeerRequests;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.web.reactive.function.client.WebClient;

import static io.interactor.spring.test.PeerRequests.CLIENT_ID;
import static io.interactor.spring.test.PeerRequests.CLIENT_SECRET;
import static io.interactor.spring.test.PeerRequests.json;
import static io.interactor.spring.test.PeerRequests.take;
import static io.interactor.spring.test.PeerRequests.token;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class ClientCredentialsTokenProviderTests {

	private final JsonMapper jsonMapper = JsonMapper.builder().build();

	private final MutableClock clock = new MutableClock(Instant.parse("2026-11-28T10:00:00Z"));

	private final BlockingQueue<MockResponse> tokenResponses = new LinkedBlockingQueue<>();

	private MockWebServer server;

	@BeforeEach
	void start() throws Exception {
		this.server = startTokenEndpoint();
	}

	@AfterEach
	void stop() {
		this.server.close();
	}

	/** The token endpoint: a queued answer if there is one, else a fresh {@code token-<n>} for the n-th request. */
	private MockWebServer startTokenEndpoint() throws IOException {
		MockWebServer server = new MockWebServer();
		AtomicInteger requests = new AtomicInteger();
		server.setDispatcher(new Dispatcher() {

			@Override
			public MockResponse dispatch(RecordedRequest request) {
				int n = requests.incrementAndGet();
				MockResponse queued = ClientCredentialsTokenProviderTests.this.tokenResponses.poll();
				return (queued != null) ? queued : token(n);
			}

		});
		server.start(InetAddress.getLoopbackAddress(), 0);
		return server;
	}


	private ClientCredentialsTokenProvider provider(TokenRequestFormat format, String scopes) {
		return new ClientCredentialsTokenProvider(WebClient.create(),
				URI.create(PeerRequests.accountServerUrl(this.server) + "/oauth/token"), CLIENT_ID, CLIENT_SECRET, scopes,
				format,
				Duration.ofSeconds(60), this.clock, this.jsonMapper);
	}

	@Test
	void jsonFormatSendsCredentialsAndScopeAsJson() throws Exception {
		AccessToken token = provider(TokenRequestFormat.JSON, "assistants:read rooms:write").getToken().block();
		RecordedRequest request = take(this.server);
		assertThat(request.getMethod()).isEqualTo("POST");
		assertThat(request.getTarget()).isEqualTo("/auth/oauth/token");
		assertThat(request.getHeaders().get("Content-Type")).startsWith("application/json");
		JsonNode body = this.jsonMapper.readTree(request.getBody().utf8());
		assertThat(body.get("grant_type").asString()).isEqualTo("client_credentials");
		assertThat(body.get("client_id").asString()).isEqualTo(CLIENT_ID);
		assertThat(body.get("client_secret").asString()).isEqualTo(CLIENT_SECRET);
		assertThat(body.get("scope").asString()).isEqualTo("assistants:read rooms:write");
		assertThat(token.value()).isEqualTo("token-1");
		assertThat(token.expiresAt()).isEqualTo(this.clock.instant().plusSeconds(900));
	}

	@Test
	void credentialsAreTrimmedAsTheAutoConfigurationTrimsThem() throws Exception {
		ClientCredentialsTokenProvider provider = new ClientCredentialsTokenProvider(WebClient.create(),
				URI.create(PeerRequests.accountServerUrl(this.server) + "/oauth/token"), " " + CLIENT_ID + "\t",
				CLIENT_SECRET + "\n", null, TokenRequestFormat.JSON, Duration.ofSeconds(60), this.clock,
				this.jsonMapper);
		provider.getToken().block();
		JsonNode body = this.jsonMapper.readTree(take(this.server).getBody().utf8());
		assertThat(body.get("client_id").asString()).isEqualTo(CLIENT_ID);
		assertThat(body.get("client_secret").asString()).isEqualTo(CLIENT_SECRET);
	}

	@Test
	void scopeIsOmittedWhenNotConfigured() throws Exception {
		provider(TokenRequestFormat.JSON, null).getToken().block();
		JsonNode body = this.jsonMapper.readTree(take(this.server).getBody().utf8());
		assertThat(body.has("scope")).isFalse();
	}

	@Test
	void formFormatSendsUrlEncodedCredentials() throws Exception {
		provider(TokenRequestFormat.FORM, "a b").getToken().block();
		RecordedRequest request = take(this.server);
		assertThat(request.getHeaders().get("Content-Type")).startsWith("application/x-www-form-urlencoded");
		assertThat(request.getHeaders().get("Authorization")).isNull();
		assertThat(request.getBody().utf8()).contains("grant_type=client_credentials")
			.contains("client_id=" + CLIENT_ID)
			.contains("client_secret=" + CLIENT_SECRET)
			.contains("scope=a+b");
	}

	@Test
	void basicFormatSendsCredentialsInAuthorizationHeaderOnly() throws Exception {
		provider(TokenRequestFormat.BASIC, null).getToken().block();
		RecordedRequest request = take(this.server);
		String expected = Base64.getEncoder()
			.encodeToString((CLIENT_ID + ":" + CLIENT_SECRET).getBytes(StandardCharsets.UTF_8));
		assertThat(request.getHeaders().get("Authorization")).isEqualTo("Basic " + expected);
		assertThat(request.getBody().utf8()).isEqualTo("grant_type=client_credentials");
	}

	@Test
	void readsFlatTokenResponse() {
		this.tokenResponses.add(json(200,
				"{\"access_token\":\"flat-token\",\"token_type\":\"Bearer\",\"expires_in\":\"120\",\"scope\":\"x y\"}"));
		AccessToken token = provider(TokenRequestFormat.FORM, null).getToken().block();
		assertThat(token.value()).isEqualTo("flat-token");
		assertThat(token.scope()).isEqualTo("x y");
		assertThat(token.expiresAt()).isEqualTo(this.clock.instant().plusSeconds(120));
		assertThat(token.toString()).doesNotContain("flat-token");
	}

	/**
	 * Two calls in a row at the same instant: a token that is cached serves both (one request); one that expired on
	 * arrival serves the first call only.
	 * @param expiresIn the {@code expires_in} JSON value, or {@code absent}
	 * @param requests the token requests the two calls make
	 * @param lifetimeMillis the lifetime of the first token
	 */
	@ParameterizedTest(name = "expires_in {0}")
	@CsvSource(delimiter = '|', textBlock = """
			0                   | 2 | 0
			-1                  | 2 | 0
			-3600               | 2 | 0
			0.0                 | 2 | 0
			-0.5                | 2 | 0
			"0"                 | 2 | 0
			"-60"               | 2 | 0
			"0.000"             | 2 | 0
			3600                | 1 | 3600000
			3600.0              | 1 | 3600000
			"3600.0"            | 1 | 3600000
			"3600"              | 1 | 3600000
			" 3600 "            | 1 | 3600000
			"+3600"             | 1 | 3600000
			"3.6e3"             | 1 | 3600000
			1.5                 | 1 | 1500
			"0.0001"            | 1 | 1
			99999999999999999999 | 1 | 2147483648000
			"1e400"             | 1 | 2147483648000
			absent              | 1 | 900000
			null                | 1 | 900000
			true                | 1 | 900000
			{}                  | 1 | 900000
			"soon"              | 1 | 900000
			"3600s"             | 1 | 900000
			"NaN"               | 1 | 900000
			"Infinity"          | 1 | 900000
			"٣٦٠٠"              | 1 | 900000
			"1e99999999999"     | 1 | 900000
			""                  | 1 | 900000
			""")
	void expiresInDecidesWhetherTheTokenIsCached(String expiresIn, int requests, long lifetimeMillis) {
		String field = "absent".equals(expiresIn) ? "" : ",\"expires_in\":" + expiresIn;
		this.tokenResponses.add(json(200, "{\"access_token\":\"first\"" + field + "}"));
		ClientCredentialsTokenProvider provider = provider(TokenRequestFormat.JSON, null);
		AccessToken first = provider.getToken().block();
		assertThat(first.value()).isEqualTo("first");
		assertThat(Duration.between(first.issuedAt(), first.expiresAt())).isEqualTo(Duration.ofMillis(lifetimeMillis));
		AccessToken second = provider.getToken().block();
		assertThat(this.server.getRequestCount()).isEqualTo(requests);
		assertThat(second.value()).isEqualTo((requests == 1) ? "first" : "token-2");
		assertThat(provider.cachedToken()).isEqualTo(second);
	}

	@Test
	void fiftyConcurrentColdCallersCauseExactlyOneTokenRequest() throws Exception {
		this.tokenResponses
			.add(PeerRequests.jsonBuilder(200, "{\"data\":{\"access_token\":\"shared\",\"expires_in\":900}}")
			.headersDelay(300, TimeUnit.MILLISECONDS)
			.build());
		ClientCredentialsTokenProvider provider = provider(TokenRequestFormat.JSON, null);
		ExecutorService executor = Executors.newFixedThreadPool(50);
		try {
			CountDownLatch start = new CountDownLatch(1);
			List<Future<AccessToken>> results = new ArrayList<>();
			for (int i = 0; i < 50; i++) {
				results.add(executor.submit(() -> {
					start.await();
					return provider.getToken().block(Duration.ofSeconds(10));
				}));
			}
			start.countDown();
			Set<String> values = ConcurrentHashMap.newKeySet();
			for (Future<AccessToken> result : results) {
				values.add(result.get(10, TimeUnit.SECONDS).value());
			}
			assertThat(values).containsExactly("shared");
			assertThat(this.server.getRequestCount()).isEqualTo(1);
		}
		finally {
			executor.shutdownNow();
		}
	}

	@Test
	void tokenIsReusedUntilRefreshBeforeExpiryThenRefreshedOnce() {
		ClientCredentialsTokenProvider provider = provider(TokenRequestFormat.JSON, null);
		assertThat(provider.getToken().block().value()).isEqualTo("token-1");
		this.clock.advance(Duration.ofSeconds(839));
		assertThat(provider.getToken().block().value()).isEqualTo("token-1");
		assertThat(this.server.getRequestCount()).isEqualTo(1);
		this.clock.advance(Duration.ofSeconds(1));
		List<String> values = reactor.core.publisher.Flux.range(0, 20)
			.flatMap((i) -> provider.getToken())
			.map(AccessToken::value)
			.collectList()
			.block();
		assertThat(values).containsOnly("token-2");
		assertThat(this.server.getRequestCount()).isEqualTo(2);
	}

	@Test
	void marginIsClampedForShortLivedTokens() {
		this.tokenResponses.add(json(200, "{\"access_token\":\"short\",\"expires_in\":30}"));
		ClientCredentialsTokenProvider provider = provider(TokenRequestFormat.JSON, null);
		assertThat(provider.getToken().block().value()).isEqualTo("short");
		assertThat(provider.getToken().block().value()).isEqualTo("short");
		assertThat(this.server.getRequestCount()).isEqualTo(1);
		this.clock.advance(Duration.ofSeconds(15));
		assertThat(provider.getToken().block().value()).isEqualTo("token-2");
	}

	@Test
	void invalidateForcesANewTokenOnlyForTheRejectedToken() {
		ClientCredentialsTokenProvider provider = provider(TokenRequestFormat.JSON, null);
		AccessToken first = provider.getToken().block();
		provider.invalidate(new AccessToken("other", first.issuedAt(), first.expiresAt(), null));
		assertThat(provider.getToken().block().value()).isEqualTo("token-1");
		provider.invalidate(first);
		assertThat(provider.getToken().block().value()).isEqualTo("token-2");
	}

	@Test
	void invalidClientBecomesTypedErrorWithServerCodeAndIsNotRetried() {
		this.tokenResponses.add(json(401,
				"{\"error\":{\"code\":\"invalid_client\",\"message\":\"Client authentication failed\"}}"));
		ClientCredentialsTokenProvider provider = provider(TokenRequestFormat.JSON, null);
		assertThatExceptionOfType(InteractorAuthenticationException.class).isThrownBy(() -> provider.getToken().block())
			.satisfies((ex) -> {
				assertThat(ex.status()).isEqualTo(401);
				assertThat(ex.code()).isEqualTo("invalid_client");
				assertThat(ex.serverMessage()).isEqualTo("Client authentication failed");
				assertThat(ex.getMessage()).doesNotContain(CLIENT_SECRET);
			});
		assertThat(this.server.getRequestCount()).isEqualTo(1);
	}

	@Test
	void oauthErrorShapeIsReadAsAuthenticationFailure() {
		this.tokenResponses.add(
				json(400, "{\"error\":\"invalid_scope\",\"error_description\":\"scope not granted to this client\"}"));
		assertThatExceptionOfType(InteractorAuthenticationException.class)
			.isThrownBy(() -> provider(TokenRequestFormat.FORM, "admin").getToken().block())
			.satisfies((ex) -> {
				assertThat(ex.status()).isEqualTo(400);
				assertThat(ex.code()).isEqualTo("invalid_scope");
				assertThat(ex.serverMessage()).isEqualTo("scope not granted to this client");
			});
	}

	@Test
	void serverErrorIsTypedAndFailureIsNotCached() {
		this.tokenResponses.add(json(500, "{\"error\":{\"code\":\"server_error\",\"message\":\"down\"}}"));
		ClientCredentialsTokenProvider provider = provider(TokenRequestFormat.JSON, null);
		assertThatExceptionOfType(InteractorServerException.class).isThrownBy(() -> provider.getToken().block())
			.extracting(InteractorApiException::code)
			.isEqualTo("server_error");
		assertThat(provider.getToken().block().value()).isEqualTo("token-2");
	}

	@Test
	void responseWithoutAccessTokenIsAnError() {
		this.tokenResponses.add(json(200, "{\"data\":{\"token_type\":\"Bearer\"}}"));
		assertThatExceptionOfType(InteractorException.class)
			.isThrownBy(() -> provider(TokenRequestFormat.JSON, null).getToken().block())
			.withMessageContaining("no access_token");
	}

	@Test
	void lastRequestDurationAndFailureCodeDescribeTheLastTokenRequest() {
		ClientCredentialsTokenProvider provider = provider(TokenRequestFormat.JSON, null);
		assertThat(provider.lastRequestDuration()).isNull();
		assertThat(provider.lastFailureCode()).isNull();
		this.tokenResponses.add(json(401, "{\"error\":{\"code\":\"invalid_client\",\"message\":\"no\"}}"));
		assertThatExceptionOfType(InteractorAuthenticationException.class)
			.isThrownBy(() -> provider.getToken().block());
		assertThat(provider.lastFailureCode()).isEqualTo("invalid_client");
		assertThat(provider.lastRequestDuration()).isNotNull().isGreaterThanOrEqualTo(Duration.ZERO);
		AccessToken token = provider.getToken().block();
		assertThat(provider.lastFailureCode()).isNull();
		assertThat(provider.lastRequestDuration()).isNotNull();
		assertThat(provider.isFresh(token)).isTrue();
		this.clock.advance(Duration.ofSeconds(840));
		assertThat(provider.isFresh(token)).isFalse();
	}

	@Test
	void unreachableTokenEndpointIsRecordedAsNetworkError() {
		this.server.close();
		ClientCredentialsTokenProvider provider = provider(TokenRequestFormat.JSON, null);
		assertThatExceptionOfType(InteractorException.class).isThrownBy(() -> provider.getToken().block());
		assertThat(provider.lastFailureCode()).isEqualTo(AccessTokenErrors.NETWORK_ERROR);
	}

	@Test
	void toStringDoesNotRevealTheSecret() {
		assertThat(provider(TokenRequestFormat.JSON, null).toString()).contains(CLIENT_ID)
			.doesNotContain(CLIENT_SECRET);
	}

}
