package io.interactor.spring.benchmarks;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import io.interactor.spring.client.InteractorClient;
import io.interactor.spring.client.ReactiveInteractorClient;
import io.interactor.spring.client.resource.Assistant;
import io.netty.buffer.Unpooled;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;

/**
 * One authenticated Core API call end to end (token cache, filters, namespace, JSON mapping) against a Reactor
 * Netty server on loopback that answers instantly, compared with a bare WebClient GET of the same response. The
 * difference is what the starter's pipeline costs per call.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class ClientCallBenchmark {

	private static final byte[] TOKEN = "{\"data\":{\"access_token\":\"bench\",\"expires_in\":3600}}"
		.getBytes(StandardCharsets.UTF_8);

	private static final byte[] ASSISTANT = ("{\"data\":{\"id\":\"asst_1\",\"name\":\"support\",\"model\":\"gpt-4o\","
			+ "\"system_prompt\":\"Be kind\",\"temperature\":0.3,\"created_at\":\"2026-01-02T03:04:05Z\"}}")
		.getBytes(StandardCharsets.UTF_8);

	private DisposableServer server;

	private InteractorClient client;

	private org.springframework.web.reactive.function.client.WebClient bare;

	@Setup(Level.Trial)
	public void start() {
		this.server = HttpServer.create()
			.host("127.0.0.1")
			.port(0)
			.route((routes) -> routes
				.post("/auth/oauth/token",
						(request, response) -> response.header("Content-Type", "application/json")
							.send(Mono.just(Unpooled.wrappedBuffer(TOKEN))))
				.get("/api/v1/assistants/{id}",
						(request, response) -> response.header("Content-Type", "application/json")
							.send(Mono.just(Unpooled.wrappedBuffer(ASSISTANT)))))
			.bindNow();
		String base = "http://127.0.0.1:" + this.server.port();
		this.client = new InteractorClient(ReactiveInteractorClient.builder()
			.credentials("client_bench", "secret_bench")
			.accountServerUrl(base + "/auth")
			.coreApiUrl(base + "/api/v1")
			.build());
		this.bare = org.springframework.web.reactive.function.client.WebClient.create(base);
	}

	@TearDown(Level.Trial)
	public void stop() {
		this.server.disposeNow(Duration.ofSeconds(5));
	}

	@Benchmark
	public Assistant starterGet() {
		return this.client.assistants().get("user_1", "asst_1");
	}

	@Benchmark
	public byte[] bareWebClientGet() {
		return this.bare.get().uri("/api/v1/assistants/asst_1").retrieve().bodyToMono(byte[].class).block();
	}

}
