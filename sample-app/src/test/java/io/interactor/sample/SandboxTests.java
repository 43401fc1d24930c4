package io.interactor.sample;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;

import io.interactor.spring.client.InteractorClient;
import io.interactor.spring.client.resource.Assistant;
import io.interactor.spring.client.resource.CreateAssistantRequest;
import io.interactor.spring.client.resource.CreateRoomRequest;
import io.interactor.spring.client.resource.Room;
import io.interactor.spring.test.MockInteractorServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sample against Interactor's sandbox, with the credentials of {@code INTERACTOR_SANDBOX_CLIENT_ID} and
 * {@code INTERACTOR_SANDBOX_CLIENT_SECRET}; skipped (with a console message) without them. Works in a namespace of
 * its own and deletes what it creates.
 */
@ExtendWith(SandboxCredentials.class)
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "interactor.environment=sandbox", "sample.namespace=spring-starter-sandbox-tests" })
class SandboxTests {

	private static final String NAMESPACE = "spring-starter-sandbox-tests";

	private static final Duration TIMEOUT = Duration.ofSeconds(60);

	@LocalServerPort
	private int port;

	@Autowired
	private InteractorClient client;

	@DynamicPropertySource
	static void sandboxCredentials(DynamicPropertyRegistry registry) {
		// Also called by process-test-aot, where the variables may be unset.
		registry.add("interactor.client-id", () -> Objects.requireNonNullElse(System.getenv(SandboxCredentials.CLIENT_ID), ""));
		registry.add("interactor.client-secret",
				() -> Objects.requireNonNullElse(System.getenv(SandboxCredentials.CLIENT_SECRET), ""));
	}

	@Test
	void withRealCredentialsTheMockDoesNotStart(@Autowired ApplicationContext context) {
		assertThat(context.getBeanNamesForType(MockInteractorServer.class)).isEmpty();
	}

	@Test
	void chatApiListsAssistantsOfTheNamespace() throws Exception {
		HttpResponse<String> response = SampleHttp.get(this.port, "/api/assistants");
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.body()).startsWith("[");
	}

	@Test
	void roomStreamIsRelayedToTheBrowserSide() throws Exception {
		Assistant assistant = this.client.assistants()
			.create(NAMESPACE, CreateAssistantRequest.of("sandbox_test", "gpt-4o", "Answer in one word."));
		try {
			Room room = this.client.rooms().create(NAMESPACE, CreateRoomRequest.of(assistant.id()));
			HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
			HttpResponse<Stream<String>> events = http.send(HttpRequest
				.newBuilder(URI.create("http://127.0.0.1:" + this.port + "/api/rooms/" + room.id() + "/events"))
				.timeout(TIMEOUT)
				.build(), HttpResponse.BodyHandlers.ofLines());
			assertThat(events.statusCode()).isEqualTo(200);
			events.body().close();
			List<?> messages = this.client.rooms().listMessages(NAMESPACE, room.id()).data();
			assertThat(messages).isNotNull();
		}
		finally {
			this.client.assistants().delete(NAMESPACE, assistant.id());
		}
	}

}
