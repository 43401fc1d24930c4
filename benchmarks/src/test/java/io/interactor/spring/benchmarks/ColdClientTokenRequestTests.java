package io.interactor.spring.benchmarks;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import io.interactor.spring.client.ReactiveInteractorClient;
import io.interactor.spring.client.resource.Assistant;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelOption;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * P4: a cold client that gets 1000 concurrent calls asks the account server for a token exactly once, and every call
 * carries that token. The token answer is held back so that all calls are in flight before it arrives.
 */
class ColdClientTokenRequestTests {

	private static final int CALLS = 1000;

	private static final byte[] TOKEN = "{\"data\":{\"access_token\":\"shared\",\"expires_in\":900}}"
		.getBytes(StandardCharsets.UTF_8);

	private static final byte[] ASSISTANT = "{\"data\":{\"id\":\"asst_1\",\"name\":\"support\"}}"
		.getBytes(StandardCharsets.UTF_8);

	private final AtomicInteger tokenRequests = new AtomicInteger();

	private final AtomicInteger unauthorized = new AtomicInteger();

	private DisposableServer server;

	@BeforeEach
	void start() {
		this.server = HttpServer.create()
			.host("127.0.0.1")
			.port(0)
			// room for 1000 connections arriving at once: a full accept queue drops SYNs, retried a second later
			.option(ChannelOption.SO_BACKLOG, 2048)
			.route((routes) -> routes.post("/auth/oauth/token", (request, response) -> {
				this.tokenRequests.incrementAndGet();
				return response.header("Content-Type", "application/json")
					.send(Mono.delay(Duration.ofMillis(500)).map((tick) -> Unpooled.wrappedBuffer(TOKEN)));
			}).get("/api/v1/assistants/{id}", (request, response) -> {
				if (!"Bearer shared".equals(request.requestHeaders().get("Authorization"))) {
					this.unauthorized.incrementAndGet();
					return response.status(401).send();
				}
				return response.header("Content-Type", "application/json")
					.send(Mono.just(Unpooled.wrappedBuffer(ASSISTANT)));
			}))
			.bindNow();
	}

	@AfterEach
	void stop() {
		this.server.disposeNow(Duration.ofSeconds(5));
	}

	@Test
	void thousandConcurrentCallsOnAColdClientCauseExactlyOneTokenRequest() throws Exception {
		String base = "http://127.0.0.1:" + this.server.port();
		ReactiveInteractorClient client = ReactiveInteractorClient.builder()
			.credentials("client_test", "secret_test")
			.accountServerUrl(base + "/auth")
			.coreApiUrl(base + "/api/v1")
			.build();
		ExecutorService callers = Executors.newFixedThreadPool(16);
		try {
			CountDownLatch go = new CountDownLatch(1);
			List<CompletableFuture<CompletableFuture<Assistant>>> submitted = new ArrayList<>();
			for (int i = 0; i < CALLS; i++) {
				submitted.add(CompletableFuture.supplyAsync(() -> {
					awaitQuietly(go);
					return client.assistants().get("user_1", "asst_1").toFuture();
				}, callers));
			}
			go.countDown();
			for (CompletableFuture<CompletableFuture<Assistant>> call : submitted) {
				assertThat(call.get(30, TimeUnit.SECONDS).get(30, TimeUnit.SECONDS).id()).isEqualTo("asst_1");
			}
		}
		finally {
			callers.shutdownNow();
		}
		assertThat(this.tokenRequests).hasValue(1);
		assertThat(this.unauthorized).hasValue(0);
	}

	private static void awaitQuietly(CountDownLatch latch) {
		try {
			latch.await(30, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
