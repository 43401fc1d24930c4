package io.interactor.spring.client;

import java.net.URI;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import io.interactor.spring.client.auth.AccessToken;
import io.interactor.spring.client.auth.ClientCredentialsTokenProvider;
import io.interactor.spring.test.ConnectProxy;
import io.interactor.spring.test.PeerRequests;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.http.client.reactive.ReactorClientHttpConnector;

import static io.interactor.spring.test.PeerRequests.enqueue;
import static io.interactor.spring.test.PeerRequests.json;
import static io.interactor.spring.test.PeerRequests.take;
import static io.interactor.spring.test.PeerRequests.token;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The transport of a client built without Spring Boot, against real HTTP peers.
 */
class ClientBuilderTransportTests {

	private MockWebServer server;

	@BeforeEach
	void start() throws Exception {
		this.server = PeerRequests.start();
	}

	@AfterEach
	void stop() {
		this.server.close();
	}

	@Test
	void defaultConnectorGoesThroughTheProxyOfTheJvmSystemProperties() throws Exception {
		enqueue(this.server, token(1), json(200, "{\"data\":{\"id\":\"asst_1\"}}"));
		Map<String, @Nullable String> saved = new HashMap<>();
		for (String name : List.of("http.proxyHost", "http.proxyPort", "http.nonProxyHosts")) {
			saved.put(name, System.getProperty(name));
		}
		try (ConnectProxy proxy = new ConnectProxy()) {
			System.setProperty("http.proxyHost", "127.0.0.1");
			System.setProperty("http.proxyPort", String.valueOf(proxy.getPort()));
			// The JVM's default exempts localhost; name another host so the loopback server is proxied.
			System.setProperty("http.nonProxyHosts", "example.invalid");
			InteractorClient client = new InteractorClient(PeerRequests.credentialsClientBuilder(this.server).build());
			assertThat(client.assistants().get("ns", "asst_1").id()).isEqualTo("asst_1");
			URI core = this.server.url("/api/v1").uri();
			assertThat(proxy.requestLines()).isNotEmpty()
				.allMatch((line) -> line.startsWith("CONNECT " + core.getHost() + ":" + core.getPort() + " "));
		}
		finally {
			saved.forEach((name, value) -> {
				if (value != null) {
					System.setProperty(name, value);
				}
				else {
					System.clearProperty(name);
				}
			});
		}
	}

	@Test
	void connectorIsAskedForOnceByTheFirstRequestsNotWhenTheClientIsBuilt() throws Exception {
		this.server.setDispatcher(new TokenAndAssistant());
		AtomicInteger connectors = new AtomicInteger();
		InteractorClient client = new InteractorClient(PeerRequests.credentialsClientBuilder(this.server)
			.clientConnector(() -> {
				connectors.incrementAndGet();
				return new ReactorClientHttpConnector();
			})
			.build());
		assertThat(connectors).as("no connector before the first request").hasValue(0);
		ExecutorService executor = Executors.newFixedThreadPool(8);
		try {
			CountDownLatch start = new CountDownLatch(1);
			List<Future<String>> ids = new ArrayList<>();
			for (int i = 0; i < 8; i++) {
				ids.add(executor.submit(() -> {
					start.await();
					return client.assistants().get("ns", "asst_1").id();
				}));
			}
			start.countDown();
			for (Future<String> id : ids) {
				assertThat(id.get(30, TimeUnit.SECONDS)).isEqualTo("asst_1");
			}
		}
		finally {
			executor.shutdownNow();
		}
		assertThat(client.assistants().get("ns", "asst_1").id()).isEqualTo("asst_1");
		assertThat(connectors).as("one connector for the token and Core API calls of every thread").hasValue(1);
	}

	@Test
	void buildTokenProviderBuildsTheClientCredentialsProviderAlone() throws Exception {
		enqueue(this.server, token(1));
		ClientCredentialsTokenProvider tokens = PeerRequests.credentialsClientBuilder(this.server).buildTokenProvider();
		AccessToken token = tokens.getToken().block();
		assertThat(token).isNotNull();
		assertThat(token.value()).isEqualTo("token-1");
		assertThat(take(this.server).getTarget()).isEqualTo("/auth/oauth/token");
		assertThat(this.server.getRequestCount()).as("only the token request").isEqualTo(1);
	}

	/**
	 * Answers token requests with a token and every other request with an assistant, in any order.
	 */
	static final class TokenAndAssistant extends Dispatcher {

		@Override
		public MockResponse dispatch(RecordedRequest request) {
			if (request.getTarget().startsWith("/auth/")) {
				return json(200, "{\"access_token\":\"token-1\",\"token_type\":\"Bearer\",\"expires_in\":900}");
			}
			return json(200, "{\"data\":{\"id\":\"asst_1\"}}");
		}

	}

}
