package io.interactor.spring.relay;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import io.interactor.spring.test.PeerRequests;
import io.interactor.spring.test.ReceivedRequests;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
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
 * reading the event stream over HTTP) and a real upstream HTTP peer ({@link MockWebServer} answering the token
 * endpoint and each test's room stream): the subclasses run it on Spring MVC (Tomcat) and on WebFlux (Reactor Netty).
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

	// One platform and one application per class (starting them is the slow part); every test has its own room.
	private static MockWebServer upstreamServer;

	private static ReceivedRequests upstreamRequests;

	private static RoomStreams roomStreams;

	private static ConfigurableApplicationContext app;

	private static WebClient browser;

	static void startApplication(WebApplicationType type) throws Exception {
		upstreamServer = PeerRequests.start();
		roomStreams = new RoomStreams();
		upstreamServer.setDispatcher(roomStreams);
		upstreamRequests = new ReceivedRequests(upstreamServer);
		app = new SpringApplicationBuilder(RelayApplication.class).web(type)
			.properties("server.port=0", "server.address=127.0.0.1", "server.shutdown=immediate")
			.properties(PeerRequests.springProperties(upstreamServer))
			.run();
		int port = ((WebServerApplicationContext) app).getWebServer().getPort();
		browser = WebClient.create("http://127.0.0.1:" + port);
	}

	@AfterAll
	static void stopApplication() {
		if (app != null) {
			app.close();
		}
		if (upstreamServer != null) {
			upstreamServer.close();
		}
	}

	@AfterEach
	void stopUpstreams() {
		this.upstreams.forEach(UpstreamStream::stop);
	}

	@Test
	void eventsKeepTheirNamesIdsAndDataAndHeartbeatsBecomeComments() {
		UpstreamStream upstream = upstream("room_events", EVENTS);
		List<ServerSentEvent<String>> received = events("room_events", null).take(5).collectList().block(TIMEOUT);
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
		RecordedRequest request = requestsOf("room_events").get(0);
		assertThat(request.getHeaders().get("X-Namespace")).isEqualTo(NAMESPACE);
		assertThat(request.getHeaders().get("Last-Event-ID")).isNull();
	}

	@Test
	void browserLastEventIdResumesTheUpstreamStream() {
		UpstreamStream upstream = upstream("room_resume", "id: 43\nevent: message.delta\ndata: {\"content\":\"lo\"}\n\n");
		ServerSentEvent<String> first = events("room_resume", "42").blockFirst(TIMEOUT);
		assertThat(first.id()).isEqualTo("43");
		awaitClosed(upstream);
		assertThat(requestsOf("room_resume")).singleElement()
			.satisfies((request) -> assertThat(request.getHeaders().get("Last-Event-ID")).isEqualTo("42"));
	}

	@Test
	void browserDisconnectClosesTheUpstreamConnection() {
		UpstreamStream upstream = upstream("room_disconnect", EVENTS);
		// The browser goes away after the first event while the upstream stream stays open.
		assertThat(events("room_disconnect", null).blockFirst(TIMEOUT).event()).isEqualTo("message.delta");
		awaitClosed(upstream);
		assertThat(requestsOf("room_disconnect")).hasSize(1);
	}

	@Test
	void upstreamFailureEndsTheStreamWithOneSafeErrorEvent() {
		// No stream for this room: the platform answers 404, which no reconnect can fix.
		List<ServerSentEvent<String>> received = events("room_missing", null).collectList().block(TIMEOUT);
		assertThat(received).singleElement().satisfies((event) -> {
			assertThat(event.event()).isEqualTo("error");
			assertThat(event.data()).isEqualTo(
					"{\"error\":{\"code\":\"not_found\",\"message\":\"The room does not exist.\"}}");
		});
	}

	private UpstreamStream upstream(String roomId, String events) {
		UpstreamStream upstream = new UpstreamStream(events);
		this.upstreams.add(upstream);
		roomStreams.answer(roomId, upstream.response());
		return upstream;
	}

	private static List<RecordedRequest> requestsOf(String roomId) {
		return upstreamRequests.all()
			.stream()
			.filter((request) -> request.getTarget().equals(streamTarget(roomId)))
			.toList();
	}

	private Flux<ServerSentEvent<String>> events(String roomId, @Nullable String lastEventId) {
		return browser.get()
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
			})
			// The relay's own keep-alive comments come at their own pace, here once at the start.
			.filter((event) -> !RoomStreamRelay.KEEP_ALIVE_COMMENT.equals(event.comment()));
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

	/**
	 * The upstream platform: the token endpoint, and each room's stream once, as a test set it up; anything else is
	 * the platform's {@code 404}.
	 */
	private static final class RoomStreams extends Dispatcher {

		private final Map<String, MockResponse> streams = new ConcurrentHashMap<>();

		void answer(String roomId, MockResponse response) {
			this.streams.put(streamTarget(roomId), response);
		}

		@Override
		public MockResponse dispatch(RecordedRequest request) {
			if (request.getTarget().startsWith("/auth/")) {
				return PeerRequests.token(1);
			}
			MockResponse stream = this.streams.remove(request.getTarget());
			return (stream != null) ? stream : PeerRequests.notFound();
		}

	}

	private static String streamTarget(String roomId) {
		return "/api/v1/rooms/" + roomId + "/stream";
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
