package io.interactor.spring.client.observation;

import java.time.Duration;

import io.interactor.spring.client.ReactiveInteractorClient;
import io.interactor.spring.client.error.InteractorNotFoundException;
import io.interactor.spring.test.PeerRequests;
import io.micrometer.common.KeyValues;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.observation.tck.TestObservationRegistry;
import io.micrometer.observation.tck.TestObservationRegistryAssert;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static io.interactor.spring.test.PeerRequests.enqueue;
import static io.interactor.spring.test.PeerRequests.json;
import static io.interactor.spring.test.PeerRequests.token;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The client's observations against a real HTTP peer: names, bounded key values, the namespace kept out of the
 * low-cardinality ones, and conventions replaced through the builder.
 */
class ClientObservationsTests {

	private static final String NS = "user_obs";

	private static final String ASSISTANT_ID = "asst_obs_1";

	private final TestObservationRegistry registry = TestObservationRegistry.create();

	private MockWebServer server;

	@BeforeEach
	void start() throws Exception {
		this.server = PeerRequests.start();
	}

	private ReactiveInteractorClient.Builder clientBuilder() {
		return PeerRequests.credentialsClientBuilder(this.server);
	}

	@AfterEach
	void stop() {
		this.server.close();
	}

	@Test
	void callAttemptAndTokenRequestAreObservedWithBoundedKeyValues() {
		ReactiveInteractorClient client = clientBuilder().observationRegistry(this.registry).build();
		enqueue(this.server, token(1), json(503, "{\"error\":{\"code\":\"service_unavailable\"}}"),
				json(404, "{\"error\":{\"code\":\"assistant_not_found\"}}"));
		assertThatExceptionOfType(InteractorNotFoundException.class)
			.isThrownBy(() -> client.assistants().get(NS, ASSISTANT_ID).block(Duration.ofSeconds(10)));
		TestObservationRegistryAssert.assertThat(this.registry)
			.hasNumberOfObservationsWithNameEqualTo("interactor.client.call", 1)
			.hasNumberOfObservationsWithNameEqualTo("interactor.client.request", 2)
			.hasNumberOfObservationsWithNameEqualTo("interactor.client.token", 1)
			.forAllObservationsWithNameEqualTo("interactor.client.call", (call) -> call
				.hasLowCardinalityKeyValue("endpoint", "/assistants/{assistantId}")
				.hasLowCardinalityKeyValue("method", "GET")
				.hasLowCardinalityKeyValue("error.type", "not_found")
				.hasLowCardinalityKeyValue("error.code", "assistant_not_found")
				.hasHighCardinalityKeyValue("namespace", NS)
				.doesNotHaveLowCardinalityKeyValueWithKey("namespace")
				.hasError())
			.forAllObservationsWithNameEqualTo("interactor.client.token",
					(token) -> token.hasLowCardinalityKeyValue("status", "success").doesNotHaveError())
			.hasAnObservation((attempt) -> attempt.hasNameEqualTo("interactor.client.request")
				.hasLowCardinalityKeyValue("status", "503")
				.hasLowCardinalityKeyValue("outcome", "SERVER_ERROR"))
			.hasAnObservation((attempt) -> attempt.hasNameEqualTo("interactor.client.request")
				.hasLowCardinalityKeyValue("status", "404")
				.hasLowCardinalityKeyValue("outcome", "CLIENT_ERROR"));
	}

	@Test
	void conventionsSetOnTheBuilderReplaceTheDefaults() {
		ReactiveInteractorClient client = clientBuilder()
			.observationRegistry(this.registry)
			.callObservationConvention(new DefaultCoreApiCallObservationConvention() {

				@Override
				public String getName() {
					return "my.interactor.call";
				}

				@Override
				public KeyValues getLowCardinalityKeyValues(CoreApiCallObservationContext context) {
					return super.getLowCardinalityKeyValues(context).and("team", "payments");
				}

			})
			.requestObservationConvention(new DefaultCoreApiRequestObservationConvention() {

				@Override
				public String getName() {
					return "my.interactor.attempt";
				}

			})
			.build();
		enqueue(this.server, token(1), json(200, "{\"data\":{\"id\":\"" + ASSISTANT_ID + "\"}}"));
		client.assistants().get(NS, ASSISTANT_ID).block(Duration.ofSeconds(10));
		TestObservationRegistryAssert.assertThat(this.registry)
			.hasNumberOfObservationsWithNameEqualTo("interactor.client.call", 0)
			.hasNumberOfObservationsWithNameEqualTo("my.interactor.attempt", 1)
			.forAllObservationsWithNameEqualTo("my.interactor.call",
					(call) -> call.hasLowCardinalityKeyValue("team", "payments")
						.hasLowCardinalityKeyValue("error.type", "none"));
	}

	@Test
	void withoutARegistryTheClientObservesNothing() {
		ReactiveInteractorClient client = clientBuilder().build();
		enqueue(this.server, token(1), json(200, "{\"data\":{\"id\":\"" + ASSISTANT_ID + "\"}}"));
		assertThat(client.assistants().get(NS, ASSISTANT_ID).block(Duration.ofSeconds(10)).id())
			.isEqualTo(ASSISTANT_ID);
		assertThat(client.api().observationRegistry()).isSameAs(ObservationRegistry.NOOP);
	}

}
