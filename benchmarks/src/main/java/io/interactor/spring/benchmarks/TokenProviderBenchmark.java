package io.interactor.spring.benchmarks;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import io.interactor.spring.client.auth.AccessToken;
import io.interactor.spring.client.auth.ClientCredentialsTokenProvider;
import io.interactor.spring.client.auth.TokenRequestFormat;
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
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;
import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.web.reactive.function.client.WebClient;

/**
 * The cached-token path every Core call takes, from 4 threads at once: it must cost next to nothing and never
 * contend.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
@Threads(4)
public class TokenProviderBenchmark {

	private DisposableServer server;

	private ClientCredentialsTokenProvider provider;

	@Setup(Level.Trial)
	public void start() {
		this.server = HttpServer.create()
			.host("127.0.0.1")
			.port(0)
			.route((routes) -> routes.post("/oauth/token",
					(request, response) -> response.header("Content-Type", "application/json")
						.send(Mono.just(Unpooled.wrappedBuffer(
								"{\"access_token\":\"bench\",\"expires_in\":3600}".getBytes())))))
			.bindNow();
		this.provider = new ClientCredentialsTokenProvider(WebClient.create(),
				URI.create("http://127.0.0.1:" + this.server.port() + "/oauth/token"), "client_bench",
				"secret_bench", null, TokenRequestFormat.JSON, Duration.ofSeconds(60), Clock.systemUTC(),
				JsonMapper.builder().build());
		this.provider.getToken().block();
	}

	@TearDown(Level.Trial)
	public void stop() {
		this.server.disposeNow(Duration.ofSeconds(5));
	}

	@Benchmark
	public AccessToken cachedToken() {
		return this.provider.getToken().block();
	}

}
