package io.interactor.sample;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;

import io.interactor.spring.autoconfigure.InteractorConnectionDetails;
import io.interactor.spring.test.MockInteractorServer;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class SampleApplicationTests {

	static final MockWebServer interactor = new MockWebServer();

	@LocalServerPort
	int port;

	private static boolean started;

	@DynamicPropertySource
	static void interactorProperties(DynamicPropertyRegistry registry) {
		registry.add("interactor.client-id", () -> "client_sample");
		registry.add("interactor.client-secret", () -> "secret_sample");
		registry.add("interactor.account-server-url", () -> started().url("/auth").toString());
		registry.add("interactor.core-api-url", () -> started().url("/api/v1").toString());
	}

	/**
	 * The server, started when a URL is first needed rather than when properties are registered: Spring's test AOT
	 * processing (process-test-aot) also calls {@link #interactorProperties}, in a JVM that never runs
	 * {@code @AfterAll}, and a started server's non-daemon thread would keep that JVM, and the build, alive.
	 */
	static synchronized MockWebServer started() {
		if (!started) {
			interactor.setDispatcher(new Dispatcher() {
				@Override
				public MockResponse dispatch(RecordedRequest request) {
					if (request.getTarget().equals("/auth/oauth/token")) {
						return json("{\"access_token\":\"t\",\"expires_in\":900}");
					}
					if (request.getTarget().startsWith("/api/v1/assistants?")
							&& "user_1".equals(request.getHeaders().get("X-Namespace"))
							&& "Bearer t".equals(request.getHeaders().get("Authorization"))) {
						return json("{\"data\":[{\"id\":\"asst_1\",\"name\":\"support\"}],\"meta\":{\"page\":1}}");
					}
					return new MockResponse.Builder().code(404)
						.body("{\"error\":{\"code\":\"not_found\",\"request_id\":\"req_1\"}}")
						.build();
				}
			});
			try {
				interactor.start();
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
			started = true;
		}
		return interactor;
	}

	@AfterAll
	static void stopServer() {
		interactor.close();
	}

	static MockResponse json(String body) {
		return new MockResponse.Builder().addHeader("Content-Type", "application/json").body(body).build();
	}

	@Test
	void listsAssistantsThroughTheInjectedClient() throws Exception {
		HttpResponse<String> response = SampleHttp.get(this.port, "/assistants?namespace=user_1");
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.body()).contains("\"id\":\"asst_1\"").contains("\"name\":\"support\"");
	}

	@Test
	void withCredentialsTheEmbeddedMockDoesNotStart(@Autowired ApplicationContext context) {
		assertThat(context.getBeanNamesForType(MockInteractorServer.class)).isEmpty();
		assertThat(context.getBean(InteractorConnectionDetails.class).getCoreApiUrl())
			.isEqualTo(started().url("/api/v1").toString());
	}

	@Test
	void mapsPlatformErrors() throws Exception {
		HttpResponse<String> response = SampleHttp.get(this.port, "/assistants/missing?namespace=user_1");
		assertThat(response.statusCode()).isEqualTo(404);
		assertThat(response.body()).contains("req_1");
	}

}
