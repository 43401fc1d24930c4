package io.interactor.spring.actuate.metrics;

import java.net.ServerSocket;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import io.interactor.spring.client.ReactiveInteractorClient;
import io.interactor.spring.client.core.ListParams;
import io.interactor.spring.client.error.InteractorAuthenticationException;
import io.interactor.spring.client.error.InteractorNetworkException;
import io.interactor.spring.client.error.InteractorNotFoundException;
import io.interactor.spring.client.error.InteractorValidationException;
import io.interactor.spring.client.http.RetryPolicy;
import io.interactor.spring.test.PeerRequests;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.observation.ObservationRegistry;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static io.interactor.spring.test.PeerRequests.enqueue;
import static io.interactor.spring.test.PeerRequests.json;
import static io.interactor.spring.test.PeerRequests.jsonBuilder;
import static io.interactor.spring.test.PeerRequests.token;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Client metrics after real calls against a real HTTP peer, read from a {@link SimpleMeterRegistry}.
 */
class ClientMetricsTests {

	private static final String NS = "user_123";

	private static final String ASSISTANT_ID = "asst_9f8e7d";

	private static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");

	private final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);

	private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

	private MockWebServer server;

	@BeforeEach
	void start() throws Exception {
		this.server = PeerRequests.start();
	}

	@AfterEach
	void stop() {
		this.server.close();
	}

	private ReactiveInteractorClient client(boolean namespaceTag) {
		return PeerRequests.credentialsClientBuilder(this.server)
			.clock(this.clock)
			.observationRegistry(
					observing(new InteractorMeterObservationHandler(this.registry, namespaceTag, this.clock)))
			.build();
	}

	/** A registry that records the Interactor meters, as Spring Boot's does with the handler bean. */
	static ObservationRegistry observing(InteractorMeterObservationHandler handler) {
		ObservationRegistry observations = ObservationRegistry.create();
		observations.observationConfig().observationHandler(handler);
		return observations;
	}

	@Test
	void eachExchangeIsCountedAndTimedByPathTemplateMethodStatusAndOutcome() {
		ReactiveInteractorClient client = client(false);
		enqueue(this.server, token(1), json(200, "{\"data\":{\"id\":\"" + ASSISTANT_ID + "\"}}"),
				json(200, "{\"data\":[],\"meta\":{\"page\":2}}"));
		client.assistants().get(NS, ASSISTANT_ID).block(Duration.ofSeconds(10));
		client.assistants().list(NS, ListParams.page(2)).block(Duration.ofSeconds(10));
		assertThat(this.registry.get("interactor.requests")
			.tags("endpoint", "/assistants/{assistantId}", "method", "GET", "status", "200", "outcome", "SUCCESS")
			.counter()
			.count()).isEqualTo(1);
		// The query of a list call is not part of the tag: /assistants, not /assistants?page={_q0} or ?page=2.
		assertThat(this.registry.get("interactor.requests").tags("endpoint", "/assistants").counter().count())
			.isEqualTo(1);
		assertThat(this.registry.get("interactor.request.duration")
			.tags("endpoint", "/assistants/{assistantId}", "method", "GET", "status", "200", "outcome", "SUCCESS")
			.timer()
			.count()).isEqualTo(1);
		assertNoIdInAnyTag();
	}

	@Test
	void everyRetryAttemptIsCountedWithItsOwnStatus() {
		ReactiveInteractorClient client = client(false);
		enqueue(this.server, token(1), json(503, "{\"error\":{\"code\":\"service_unavailable\"}}"),
				json(200, "{\"data\":{\"id\":\"" + ASSISTANT_ID + "\"}}"));
		client.assistants().get(NS, ASSISTANT_ID).block(Duration.ofSeconds(10));
		assertThat(this.registry.get("interactor.requests").tags("status", "503", "outcome", "SERVER_ERROR")
			.counter()
			.count()).isEqualTo(1);
		assertThat(this.registry.get("interactor.requests").tags("status", "200").counter().count()).isEqualTo(1);
		// Recovered by a retry: not an error for the caller.
		assertThat(this.registry.find("interactor.errors").counters()).isEmpty();
	}

	@Test
	void failuresAreCountedByTypeAndBoundedCode() {
		ReactiveInteractorClient client = client(false);
		enqueue(this.server, token(1), json(404, "{\"error\":{\"code\":\"assistant_not_found\",\"message\":\"no\"}}"),
				json(422, "{\"error\":{\"code\":\"field_" + ASSISTANT_ID + "_is_bad\",\"message\":\"no\"}}"));
		assertThatExceptionOfType(InteractorNotFoundException.class)
			.isThrownBy(() -> client.assistants().get(NS, ASSISTANT_ID).block(Duration.ofSeconds(10)));
		assertThatExceptionOfType(InteractorValidationException.class)
			.isThrownBy(() -> client.assistants().get(NS, ASSISTANT_ID).block(Duration.ofSeconds(10)));
		assertThat(this.registry.get("interactor.errors").tags("type", "not_found", "code", "assistant_not_found")
			.counter()
			.count()).isEqualTo(1);
		// A code the platform does not document could be anything, ids included: it is tagged "other".
		assertThat(this.registry.get("interactor.errors").tags("type", "validation", "code", "other")
			.counter()
			.count()).isEqualTo(1);
		assertThat(this.registry.get("interactor.requests").tags("status", "404", "outcome", "CLIENT_ERROR")
			.counter()
			.count()).isEqualTo(1);
		assertNoIdInAnyTag();
	}

	@Test
	void networkFailuresAreCountedAsIoErrorsAndNetworkErrors() throws Exception {
		int closedPort;
		try (ServerSocket socket = new ServerSocket(0)) {
			closedPort = socket.getLocalPort();
		}
		enqueue(this.server, token(1));
		ReactiveInteractorClient client = PeerRequests.credentialsClientBuilder(this.server)
			.coreApiUrl("http://127.0.0.1:" + closedPort + "/api/v1")
			.retryPolicy(RetryPolicy.NONE)
			.observationRegistry(observing(new InteractorMeterObservationHandler(this.registry)))
			.build();
		assertThatExceptionOfType(InteractorNetworkException.class)
			.isThrownBy(() -> client.assistants().get(NS, ASSISTANT_ID).block(Duration.ofSeconds(10)));
		assertThat(this.registry.get("interactor.requests")
			.tags("endpoint", "/assistants/{assistantId}", "status", "IO_ERROR", "outcome", "UNKNOWN")
			.counter()
			.count()).isEqualTo(1);
		assertThat(this.registry.get("interactor.errors").tags("type", "network", "code", "none").counter().count())
			.isEqualTo(1);
	}

	@Test
	void tokenRefreshesAreCountedAndTheExpiryGaugeShowsSecondsLeft() {
		ReactiveInteractorClient client = client(false);
		enqueue(this.server, token(1), json(200, "{\"data\":{\"id\":\"a\"}}"), json(200, "{\"data\":{\"id\":\"b\"}}"));
		client.assistants().get(NS, "a").block(Duration.ofSeconds(10));
		client.assistants().get(NS, "b").block(Duration.ofSeconds(10));
		// One token request, cached for the second call.
		assertThat(this.registry.get("interactor.token.refresh").tags("status", "success").counter().count())
			.isEqualTo(1);
		assertThat(this.registry.get("interactor.token.expiry").gauge().value()).isEqualTo(900);
		assertThat(this.registry.find("interactor.token.refresh").tags("status", "failure").counter()).isNull();
	}

	@Test
	void failedTokenRequestsAreCountedAsFailuresAndAuthErrors() {
		ReactiveInteractorClient client = client(false);
		enqueue(this.server, json(401, "{\"error\":\"invalid_client\",\"error_description\":\"bad\"}"));
		assertThatExceptionOfType(InteractorAuthenticationException.class)
			.isThrownBy(() -> client.assistants().get(NS, ASSISTANT_ID).block(Duration.ofSeconds(10)));
		assertThat(this.registry.get("interactor.token.refresh").tags("status", "failure").counter().count())
			.isEqualTo(1);
		assertThat(this.registry.get("interactor.errors").tags("type", "auth", "code", "invalid_client")
			.counter()
			.count()).isEqualTo(1);
		// No token was ever obtained: the gauge is not there rather than claiming 0 seconds.
		assertThat(this.registry.find("interactor.token.expiry").gauge()).isNull();
	}

	@Test
	void rateLimitGaugeFollowsTheLastRemainingHeader() {
		ReactiveInteractorClient client = client(false);
		assertThat(this.registry.find("interactor.rate-limit.remaining").gauge()).isNull();
		enqueue(this.server, token(1), 
				jsonBuilder(200, "{\"data\":{\"id\":\"a\"}}").addHeader("X-RateLimit-Limit", "600")
					.addHeader("X-RateLimit-Remaining", "42")
					.build(),
				jsonBuilder(200, "{\"data\":{\"id\":\"b\"}}").addHeader("X-RateLimit-Remaining", "41").build(),
				json(200, "{\"data\":{\"id\":\"c\"}}"));
		client.assistants().get(NS, "a").block(Duration.ofSeconds(10));
		assertThat(this.registry.get("interactor.rate-limit.remaining").gauge().value()).isEqualTo(42);
		client.assistants().get(NS, "b").block(Duration.ofSeconds(10));
		assertThat(this.registry.get("interactor.rate-limit.remaining").gauge().value()).isEqualTo(41);
		// A response without the header keeps the last value.
		client.assistants().get(NS, "c").block(Duration.ofSeconds(10));
		assertThat(this.registry.get("interactor.rate-limit.remaining").gauge().value()).isEqualTo(41);
		assertThat(client.rateLimitStatus().remaining()).isEqualTo(41);
	}

	@Test
	void namespaceTagIsOffByDefault() {
		ReactiveInteractorClient client = client(false);
		enqueue(this.server, token(1), json(404, "{\"error\":{\"code\":\"not_found\"}}"));
		assertThatExceptionOfType(InteractorNotFoundException.class)
			.isThrownBy(() -> client.assistants().get(NS, ASSISTANT_ID).block(Duration.ofSeconds(10)));
		assertThat(this.registry.getMeters()).isNotEmpty()
			.allSatisfy((meter) -> assertThat(meter.getId().getTag("namespace")).isNull());
	}

	@Test
	void namespaceTagIsAddedWhenEnabled() {
		ReactiveInteractorClient client = client(true);
		enqueue(this.server, token(1), json(404, "{\"error\":{\"code\":\"not_found\"}}"));
		assertThatExceptionOfType(InteractorNotFoundException.class)
			.isThrownBy(() -> client.assistants().get(NS, ASSISTANT_ID).block(Duration.ofSeconds(10)));
		assertThat(this.registry.get("interactor.requests").tags("namespace", NS).counter().count()).isEqualTo(1);
		assertThat(this.registry.get("interactor.request.duration").tags("namespace", NS).timer().count())
			.isEqualTo(1);
		assertThat(this.registry.get("interactor.errors").tags("namespace", NS).counter().count()).isEqualTo(1);
	}

	private void assertNoIdInAnyTag() {
		assertNoTagContains(this.registry, ASSISTANT_ID, NS);
	}

	static void assertNoTagContains(MeterRegistry registry, String... values) {
		for (Meter meter : registry.getMeters()) {
			for (Tag tag : meter.getId().getTags()) {
				for (String value : values) {
					assertThat(tag.getValue()).as(meter.getId().getName() + " tag " + tag.getKey())
						.doesNotContain(value);
				}
			}
		}
	}

}
