package io.interactor.spring.benchmarks;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import io.interactor.spring.client.ReactiveInteractorClient;
import io.interactor.spring.client.stream.StreamEvent;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;
import tools.jackson.databind.JsonNode;

import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * P7: server-sent events per second read through {@code rooms().stream} (token, headers, the WHATWG parser,
 * reconnect and watchdog operators, JSON data into a {@link StreamEvent}) compared with a raw WebClient SSE read of
 * the same stream ({@code bodyToFlux(ServerSentEvent<JsonNode>)} with the same headers). A Reactor Netty server on
 * 127.0.0.1 sends {@value #EVENTS} text-delta events in chunks of ten and keeps the connection open; each operation
 * opens the stream, reads every event and cancels. Scores are events per millisecond.
 *
 * @since 0.1.0
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class StreamBenchmark {

	static final int EVENTS = 1000;

	private static final byte[] TOKEN = "{\"data\":{\"access_token\":\"bench\",\"expires_in\":3600}}"
		.getBytes(StandardCharsets.UTF_8);

	private static final ParameterizedTypeReference<ServerSentEvent<JsonNode>> SSE = new ParameterizedTypeReference<>() {
	};

	private DisposableServer server;

	private ReactiveInteractorClient client;

	private WebClient raw;

	@Setup(Level.Trial)
	public void start() {
		List<byte[]> chunks = chunks();
		this.server = HttpServer.create()
			.host("127.0.0.1")
			.port(0)
			.route((routes) -> routes
				.post("/auth/oauth/token",
						(request, response) -> response.header("Content-Type", "application/json")
							.send(Mono.just(Unpooled.wrappedBuffer(TOKEN))))
				.get("/api/v1/rooms/{id}/stream", (request, response) -> response
					.header("Content-Type", "text/event-stream")
					.send(Flux.fromIterable(chunks).<ByteBuf>map(Unpooled::wrappedBuffer).concatWith(Flux.never()),
							(buffer) -> true)))
			.bindNow();
		String base = "http://127.0.0.1:" + this.server.port();
		this.client = ReactiveInteractorClient.builder()
			.credentials("client_bench", "secret_bench")
			.accountServerUrl(base + "/auth")
			.coreApiUrl(base + "/api/v1")
			.build();
		this.raw = WebClient.create(base + "/api/v1");
		if (starterStream() != EVENTS || rawStream() != EVENTS) {
			throw new IllegalStateException("Both sides must read every event");
		}
	}

	private static List<byte[]> chunks() {
		List<byte[]> chunks = new ArrayList<>();
		StringBuilder chunk = new StringBuilder();
		for (int i = 1; i <= EVENTS; i++) {
			chunk.append("id: ")
				.append(i)
				.append("\nevent: message.delta\ndata: {\"type\":\"text_delta\",\"delta\":\"token ")
				.append(i)
				.append(" \"}\n\n");
			if (i % 10 == 0) {
				chunks.add(chunk.toString().getBytes(StandardCharsets.UTF_8));
				chunk.setLength(0);
			}
		}
		return chunks;
	}

	@TearDown(Level.Trial)
	public void stop() {
		this.server.disposeNow(Duration.ofSeconds(5));
	}

	@Benchmark
	@OperationsPerInvocation(EVENTS)
	public long starterStream() {
		return this.client.rooms().stream("user_1", "room_1").take(EVENTS).count().block();
	}

	@Benchmark
	@OperationsPerInvocation(EVENTS)
	public long rawStream() {
		return this.raw.get()
			.uri("/rooms/{id}/stream", "room_1")
			.header(HttpHeaders.AUTHORIZATION, "Bearer bench")
			.header("X-Namespace", "user_1")
			.accept(MediaType.TEXT_EVENT_STREAM)
			.retrieve()
			.bodyToFlux(SSE)
			.take(EVENTS)
			.count()
			.block();
	}

}
