package io.interactor.spring.client;

import java.net.URI;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.interactor.spring.client.auth.AccessToken;
import io.interactor.spring.client.auth.ClientCredentialsTokenProvider;
import io.interactor.spring.client.support.InteractorTestServer;
import io.interactor.spring.test.ConnectProxy;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static io.interactor.spring.client.support.InteractorTestServer.json;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The transport of a client built without Spring Boot, against real HTTP peers.
 */
class ClientBuilderTransportTests {

	private InteractorTestServer server;

	@BeforeEach
	void start() throws Exception {
		this.server = new InteractorTestServer();
	}

	@AfterEach
	void stop() {
		this.server.close();
	}

	@Test
	void defaultConnectorGoesThroughTheProxyOfTheJvmSystemProperties() throws Exception {
		this.server.enqueueCore(json(200, "{\"data\":{\"id\":\"asst_1\"}}"));
		Map<String, @Nullable String> saved = new HashMap<>();
		for (String name : List.of("http.proxyHost", "http.proxyPort", "http.nonProxyHosts")) {
			saved.put(name, System.getProperty(name));
		}
		try (ConnectProxy proxy = new ConnectProxy()) {
			System.setProperty("http.proxyHost", "127.0.0.1");
			System.setProperty("http.proxyPort", String.valueOf(proxy.getPort()));
			// The JVM's default exempts localhost; name another host so the loopback server is proxied.
			System.setProperty("http.nonProxyHosts", "example.invalid");
			InteractorClient client = new InteractorClient(this.server.clientBuilder().build());
			assertThat(client.assistants().get("ns", "asst_1").id()).isEqualTo("asst_1");
			URI core = URI.create(this.server.coreApiUrl());
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
		ClientCredentialsTokenProvider tokens = this.server.clientBuilder().buildTokenProvider();
		AccessToken token = tokens.getToken().block();
		assertThat(token).isNotNull();
		assertThat(token.value()).isEqualTo("token-1");
		assertThat(this.server.takeToken().getTarget()).isEqualTo("/auth/oauth/token");
		assertThat(this.server.coreRequestCount()).isZero();
	}

}
