package io.interactor.spring.client;

import java.net.URI;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.interactor.spring.client.auth.AccessToken;
import io.interactor.spring.client.auth.ClientCredentialsTokenProvider;
import io.interactor.spring.test.ConnectProxy;
import io.interactor.spring.test.PeerRequests;
import mockwebserver3.MockWebServer;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

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
	void buildTokenProviderBuildsTheClientCredentialsProviderAlone() throws Exception {
		enqueue(this.server, token(1));
		ClientCredentialsTokenProvider tokens = PeerRequests.credentialsClientBuilder(this.server).buildTokenProvider();
		AccessToken token = tokens.getToken().block();
		assertThat(token).isNotNull();
		assertThat(token.value()).isEqualTo("token-1");
		assertThat(take(this.server).getTarget()).isEqualTo("/auth/oauth/token");
		assertThat(this.server.getRequestCount()).as("only the token request").isEqualTo(1);
	}

}
