package io.interactor.spring.client.stream;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.IntStream;

import io.interactor.spring.client.ReactiveInteractorClient;
import io.netty.channel.Channel;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;
import reactor.netty.http.server.HttpServerRequest;
import reactor.netty.http.server.HttpServerResponse;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * 50 event streams open at once, each dropped twice by the server in the middle of an event (the id and half the
 * data line sent, then the connection closed), on a real HTTP peer on 127.0.0.1. Each stream reconnects with the
 * {@code Last-Event-ID} of the last complete event, the peer resumes after it, and every subscriber receives each of
 * its 20 events exactly once, in order: the half event is neither delivered nor skipped.
 */
class DroppedStreamResumeLoadTests {

	private static final int STREAMS = 50;

	private static final int EVENTS = 20;

	/** A connection that starts after event {@code n} (0 for none) breaks in the middle of the event after this. */
	private static final List<Integer> DROP_AFTER = List.of(5, 12);

	private static final Duration WAIT = Duration.ofSeconds(120);

	private final Map<String, List<String>> lastEventIds = new ConcurrentHashMap<>();

	private DisposableServer server;

	@BeforeEach
	void start() {
		this.server = HttpServer.create().host("127.0.0.1").port(0).handle(this::handle).bindNow();
	}

	@AfterEach
	void stop() {
		this.server.disposeNow(Duration.ofSeconds(5));
	}

	@Test
	void everyDroppedStreamResumesWithoutLosingOrRepeatingAnEvent() {
		ReactiveInteractorClient client = ReactiveInteractorClient.builder()
			.credentials("client_streams", "secret_streams")
			.accountServerUrl("http://127.0.0.1:" + this.server.port() + "/account")
			.coreApiUrl("http://127.0.0.1:" + this.server.port() + "/core")
			.build();
		StreamSettings settings = StreamSettings.defaults()
			.withBackoff(Duration.ofMillis(20), Duration.ofMillis(200))
			.withMaxAttempts(5)
			.withHeartbeatTimeout(Duration.ofSeconds(45));
		List<String> rooms = IntStream.range(0, STREAMS).mapToObj((i) -> "room_" + i).toList();
		Map<String, List<String>> received = Flux.fromIterable(rooms)
			.flatMap((room) -> client.rooms()
				.stream("user_1", room, settings)
				.take(EVENTS)
				.map((event) -> event.id() + ":" + event.data().path("seq").asInt())
				.collectList()
				.map((ids) -> Map.entry(room, ids)), STREAMS)
			.collectMap(Map.Entry::getKey, Map.Entry::getValue)
			.block(WAIT);
		List<String> expected = IntStream.rangeClosed(1, EVENTS).mapToObj((n) -> n + ":" + n).toList();
		assertThat(received).hasSize(STREAMS).allSatisfy((room, events) -> assertThat(events).isEqualTo(expected));
		List<String> resumes = new ArrayList<>();
		resumes.add("");
		DROP_AFTER.forEach((n) -> resumes.add(Integer.toString(n)));
		assertThat(this.lastEventIds).hasSize(STREAMS)
			.allSatisfy((room, ids) -> assertThat(ids).as("Last-Event-ID of each connection of " + room)
				.isEqualTo(resumes));
	}

	private Mono<Void> handle(HttpServerRequest request, HttpServerResponse response) {
		String path = request.path();
		if (path.startsWith("account/")) {
			return request.receive().then(response.header("Content-Type", "application/json")
				.sendString(Mono.just("{\"access_token\":\"at_streams\",\"expires_in\":3600}"))
				.then());
		}
		// core/rooms/{id}/stream
		String room = path.split("/")[2];
		String lastEventId = request.requestHeaders().get("Last-Event-ID");
		this.lastEventIds.computeIfAbsent(room, (key) -> new CopyOnWriteArrayList<>())
			.add((lastEventId != null) ? lastEventId : "");
		int after = (lastEventId != null) ? Integer.parseInt(lastEventId) : 0;
		Integer drop = DROP_AFTER.stream().filter((n) -> n > after).findFirst().orElse(null);
		response.header("Content-Type", "text/event-stream").header("Cache-Control", "no-cache");
		int last = (drop != null) ? drop : EVENTS;
		Flux<String> events = Flux.range(after + 1, last - after).map(DroppedStreamResumeLoadTests::event);
		if (drop == null) {
			// The last connection stays open: the subscriber ends it once it has every event.
			return response.sendString(events.concatWith(Flux.never()), StandardCharsets.UTF_8).then();
		}
		// Half of the next event: its id and the start of its data line, then the connection breaks.
		String half = event(drop + 1);
		half = half.substring(0, half.indexOf("\"seq\"") + 3);
		AtomicReference<Channel> channel = new AtomicReference<>();
		response.withConnection((connection) -> channel.set(connection.channel()));
		return response.sendString(events.concatWithValues(half), StandardCharsets.UTF_8)
			.then()
			.then(Mono.fromRunnable(() -> channel.get().close()));
	}

	private static String event(int n) {
		return "id: " + n + "\nevent: message.delta\ndata: {\"type\":\"message.delta\",\"seq\":" + n + "}\n\n";
	}

}
