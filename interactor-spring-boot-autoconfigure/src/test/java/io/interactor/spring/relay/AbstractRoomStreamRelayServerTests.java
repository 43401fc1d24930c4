package io.interactor.spring.relay;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import io.interactor.spring.client.testsupport.MockCoreApi;
import mockwebserver3.RecordedRequest;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Import;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.reactive.function.client.WebClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The relay behind a controller of a real application on a random port, between a browser (a {@link WebClient}
 * reading the event stream over HTTP) and a real upstream platform ({@link MockCoreApi}): the subclasses run it on
 * Spring MVC (Tomcat) and on WebFlux (Reactor Netty).
 */
abstract class AbstractRoomStreamRelayServerTests {

	static final String NAMESPACE = "user_42";

	private static final Duration TIMEOUT = Duration.ofSeconds(20);

	private static final ParameterizedTypeReference<ServerSentEvent<String>> EVENT = new ParameterizedTypeReference<>() {
	};

	private static final String EVENTS = """
			id: 42
			event: message.delta
			data: {"content":"Hel"}

			id: 43
			event: tool_call.start
			data: {"tool_call":{"id":"call_1","name":"lookup"}}

			event: custom.status
			data: {"status":"thinking"}

			id: 44
			event: message.complete
			data: {"message":{"id":"msg_1","content":"Hello"}}

			""";

	private final List<UpstreamStream> upstreams = new ArrayList<>();

	private MockCoreApi api;

	private ConfigurableApplicationContext app;

	private WebClient browser;

	abstract WebApplicationType webApplicationType();

	@BeforeEach
	void start() throws Exception {
		this.api = new MockCoreApi();
		this.app = new SpringApplicationBuilder(RelayApplication.class).web(webApplicationType())
			.properties("server.port=0", "server.address=127.0.0.1", "interactor.client-id=id",
					"interactor.client-secret=secret", "interactor.account-server-url=" + this.api.accountServerUrl(),
					"interactor.core-api-url=" + this.api.coreApiUrl())
			.run();
		int port = ((WebServerApplicationContext) this.app).getWebServer().getPort();
		this.browser = WebClient.create("http://127.0.0.1:" + port);
	}

	@AfterEach
	void stop() {
		this.upstreams.forEach(UpstreamStream::stop);
		this.app.close();
		this.api.close();
	}

	@Test
	void eventsKeepTheirNamesIdsAndDataAndHeartbeatsBecomeComments() {
		UpstreamStream upstream = upstream(EVENTS);
		List<ServerSentEvent<String>> received = events("room_1", null).take(5).collectList().block(TIMEOUT);
		assertThat(received).extracting(ServerSentEvent::event)
			.containsExactly("message.delta", "tool_call.start", "custom.status", "message.complete", null);
		// An event without id: carries the last id, as a browser's EventSource would report it.
		assertThat(received).extracting(ServerSentEvent::id).containsExactly("42", "43", "43", "44", null);
		assertThat(received.get(0).data()).isEqualTo("{\"content\":\"Hel\"}");
		assertThat(received.get(1).data()).isEqualTo("{\"tool_call\":{\"id\":\"call_1\",\"name\":\"lookup\"}}");
		assertThat(received.get(3).data()).isEqualTo("{\"message\":{\"id\":\"msg_1\",\"content\":\"Hello\"}}");
		assertThat(received.get(4).comment()).isEqualTo("heartbeat");
		assertThat(received.get(4).data()).isNull();
		awaitClosed(upstream);
		RecordedRequest request = this.api.coreRequests().get(0);
		assertThat(request.getTarget()).isEqualTo("/api/v1/rooms/room_1/stream");
		assertThat(request.getHeaders().get("X-Namespace")).isEqualTo(NAMESPACE);
		assertThat(request.getHeaders().get("Last-Event-ID")).isNull();
	}

	@Test
	void browserLastEventIdResumesTheUpstreamStream() {
		UpstreamStream upstream = upstream("id: 43\nevent: message.delta\ndata: {\"content\":\"lo\"}\n\n");
		ServerSentEvent<String> first = events("room_1", "42").blockFirst(TIMEOUT);
		assertThat(first.id()).isEqualTo("43");
		awaitClosed(upstream);
		assertThat(this.api.coreRequests()).singleElement()
			.satisfies((request) -> assertThat(request.getHeaders().get("Last-Event-ID")).isEqualTo("42"));
	}

	@Test
	void browserDisconnectClosesTheUpstreamConnection() {
		UpstreamStream upstream = upstream(EVENTS);
		// The browser goes away after the first event while the upstream stream stays open.
		assertThat(events("room_1", null).blockFirst(TIMEOUT).event()).isEqualTo("message.delta");
		awaitClosed(upstream);
		assertThat(this.api.coreRequests()).hasSize(1);
	}

	@Test
	void upstreamFailureEndsTheStreamWithOneSafeErrorEvent() {
		// No route: the platform answers 404, which no reconnect can fix.
		List<ServerSentEvent<String>> received = events("room_missing", null).collectList().block(TIMEOUT);
		assertThat(received).singleElement().satisfies((event) -> {
			assertThat(event.event()).isEqualTo("error");
			assertThat(event.data()).isEqualTo(
					"{\"error\":{\"code\":\"not_found\",\"message\":\"The room does not exist.\"}}");
		});
	}

	private UpstreamStream upstream(String events) {
		UpstreamStream upstream = new UpstreamStream(events);
		this.upstreams.add(upstream);
		this.api.on("GET", "/rooms/room_1/stream", upstream.response());
		return upstream;
	}

	private Flux<ServerSentEvent<String>> events(String roomId, @Nullable String lastEventId) {
		return this.browser.get()
			.uri("/rooms/{id}/events", roomId)
			.accept(MediaType.TEXT_EVENT_STREAM)
			.headers((headers) -> {
				if (lastEventId != null) {
					headers.set("Last-Event-ID", lastEventId);
				}
			})
			.exchangeToFlux((response) -> {
				assertThat(response.statusCode().value()).isEqualTo(200);
				assertThat(response.headers().contentType()).hasValueSatisfying(
						(type) -> assertThat(type.isCompatibleWith(MediaType.TEXT_EVENT_STREAM)).isTrue());
				return response.bodyToFlux(EVENT);
			});
	}

	private static void awaitClosed(UpstreamStream upstream) {
		try {
			assertThat(upstream.clientClosed.await(TIMEOUT.toSeconds(), TimeUnit.SECONDS))
				.as("upstream connection closed by the relay")
				.isTrue();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new AssertionError(ex);
		}
	}

	@SpringBootConfiguration
	@EnableAutoConfiguration(excludeName = {
			"org.springframework.boot.security.autoconfigure.SecurityAutoConfiguration",
			"org.springframework.boot.security.autoconfigure.UserDetailsServiceAutoConfiguration",
			"org.springframework.boot.security.autoconfigure.ReactiveUserDetailsServiceAutoConfiguration",
			"org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration",
			"org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterAutoConfiguration",
			"org.springframework.boot.security.autoconfigure.web.reactive.ReactiveWebSecurityAutoConfiguration",
			"org.springframework.boot.security.autoconfigure.actuate.web.servlet.ManagementWebSecurityAutoConfiguration",
			"org.springframework.boot.security.autoconfigure.actuate.web.reactive.ReactiveManagementWebSecurityAutoConfiguration" })
	@Import(RoomEventsController.class)
	static class RelayApplication {

	}

	/** The controller an application writes: the namespace comes from the server side, never from the request. */
	@RestController
	static class RoomEventsController {

		private final RoomStreamRelay relay;

		RoomEventsController(RoomStreamRelay relay) {
			this.relay = relay;
		}

		@GetMapping(path = "/rooms/{id}/events", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
		Flux<ServerSentEvent<JsonNode>> events(@PathVariable String id,
				@RequestHeader(name = "Last-Event-ID", required = false) @Nullable String lastEventId) {
			return this.relay.relay(NAMESPACE, id, lastEventId);
		}

	}

}
