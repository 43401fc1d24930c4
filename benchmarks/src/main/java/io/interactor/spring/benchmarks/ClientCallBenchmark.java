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
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

import org.springframework.http.HttpHeaders;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * P3: one authenticated Core API call end to end (token cache, filters, namespace, retry and error mapping, JSON
 * mapping) against a Reactor Netty server on 127.0.0.1 that answers instantly, compared like for like with a
 * hand-written WebClient call doing the same job: {@code Authorization: Bearer} and {@code X-Namespace} headers, the
 * id as a URI variable, the {@code data} envelope decoded into the same {@link Assistant} record. Both use their own
 * connection pool on the same server; the difference is what the starter's pipeline costs per call.
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

	private WebClient handWritten;

	private String token;

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
		this.handWritten = WebClient.create(base + "/api/v1");
		// the hand-written side holds a token too, fetched once like the starter's cache
		this.token = WebClient.create(base)
			.post()
			.uri("/auth/oauth/token")
			.retrieve()
			.bodyToMono(TokenEnvelope.class)
			.block()
			.data()
			.accessToken();
		if (!starterGet().equals(handWrittenGet())) {
			throw new IllegalStateException("Both sides must decode the same assistant");
		}
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
	public Assistant handWrittenGet() {
		return this.handWritten.get()
			.uri("/assistants/{id}", "asst_1")
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + this.token)
			.header("X-Namespace", "user_1")
			.retrieve()
			.bodyToMono(AssistantEnvelope.class)
			.block()
			.data();
	}

	/** The Core API's {@code {"data": ...}} envelope, as a hand-written client would declare it. */
	record AssistantEnvelope(Assistant data) {
	}

	record TokenEnvelope(Token data) {
	}

	@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
	record Token(String accessToken) {
	}

}
