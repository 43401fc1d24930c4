package io.interactor.spring.client.http;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import io.interactor.spring.client.ReactiveInteractorClient;
import io.interactor.spring.client.error.InteractorGoneException;
import io.interactor.spring.test.PeerRequests;
import io.interactor.spring.test.ReceivedRequests;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static io.interactor.spring.test.PeerRequests.json;
import static io.interactor.spring.test.PeerRequests.noRetryClientBuilder;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Deprecation and sunset headers are logged once per endpoint; rate-limit headers are kept for metrics; 410 has its
 * own exception.
 */
@ExtendWith(OutputCaptureExtension.class)
class PlatformSignalsFilterTest {

	private static final String NS = "user_123";

	private static final Instant NOW = Instant.parse("2026-03-01T10:00:00Z");

	private MockWebServer server;

	private ReceivedRequests received;

	private ReactiveInteractorClient client;

	@BeforeEach
	void start() throws Exception {
		this.server = PeerRequests.start(PeerRequests.notFound());
		this.received = new ReceivedRequests(this.server);
		this.client = noRetryClientBuilder(this.server).clock(Clock.fixed(NOW, ZoneOffset.UTC)).build();
	}

	@AfterEach
	void stop() {
		this.server.close();
	}

	@Test
	void deprecationIsLoggedOncePerEndpointWithoutIds(CapturedOutput output) {
		for (String id : new String[] { "asst_secret1", "asst_secret2" }) {
			this.server.enqueue(new MockResponse.Builder().setHeader("Content-Type", "application/json")
						.setHeader("Deprecation", "true")
						.setHeader("Sunset", "Wed, 01 Jul 2026 00:00:00 GMT")
						.body("{\"data\":{\"id\":\"" + id + "\"}}")
						.build());
			this.client.assistants().get(NS, id).block();
		}
		String log = output.getAll();
		assertThat(log).containsOnlyOnce("GET /assistants/{assistantId}")
			.contains("deprecated")
			.contains("Wed, 01 Jul 2026 00:00:00 GMT")
			.doesNotContain("asst_secret");
	}

	@Test
	void lastRateLimitValuesAreKept() {
		assertThat(this.client.rateLimitStatus().limit()).isNull();
		this.server.enqueue(new MockResponse.Builder().setHeader("Content-Type", "application/json")
					.setHeader("X-RateLimit-Limit", "600")
					.setHeader("X-RateLimit-Remaining", "42")
					.setHeader("X-RateLimit-Reset", "1772359260")
					.body("{\"data\":{\"id\":\"tool_1\"}}")
					.build());
		this.server.enqueue(new MockResponse.Builder().setHeader("Content-Type", "application/json")
					.setHeader("X-RateLimit-Remaining", "41")
					.body("{\"data\":{\"id\":\"tool_1\"}}")
					.build());
		this.client.tools().get(NS, "tool_1").block();
		this.client.tools().get(NS, "tool_1").block();
		RateLimitStatus status = this.client.rateLimitStatus();
		assertThat(status.limit()).isEqualTo(600);
		assertThat(status.remaining()).isEqualTo(41);
		assertThat(status.reset()).isEqualTo(Instant.ofEpochSecond(1772359260));
		assertThat(status.updatedAt()).isEqualTo(NOW);
		assertThat(status.remainingRatio()).isEqualTo(41.0 / 600);
	}

	@Test
	void goneHasItsOwnException() {
		this.server.enqueue(json(410, "{\"error\":{\"code\":\"api_version_sunset\",\"message\":\"v1 is gone\"}}"));
		assertThatExceptionOfType(InteractorGoneException.class)
			.isThrownBy(() -> this.client.workflows().get(NS, "wf_1").block())
			.satisfies((ex) -> assertThat(ex.status()).isEqualTo(410));
	}

}
