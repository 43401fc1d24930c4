package io.interactor.spring.autoconfigure;

import io.interactor.spring.client.InteractorClient;
import io.interactor.spring.client.core.ListParams;
import io.interactor.spring.test.PeerRequests;
import mockwebserver3.MockWebServer;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationHandler;
import io.micrometer.observation.transport.SenderContext;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.export.simple.SimpleMetricsExportAutoConfiguration;
import org.springframework.boot.micrometer.observation.autoconfigure.ObservationAutoConfiguration;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.webclient.autoconfigure.WebClientAutoConfiguration;
import org.springframework.boot.webclient.autoconfigure.WebClientObservationAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static io.interactor.spring.test.PeerRequests.enqueue;
import static io.interactor.spring.test.PeerRequests.json;
import static io.interactor.spring.test.PeerRequests.takeCore;
import static io.interactor.spring.test.PeerRequests.takeToken;
import static io.interactor.spring.test.PeerRequests.token;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Client calls observed by Spring Boot: {@code http.client.requests} with a low-cardinality {@code uri} tag, and
 * trace context written into the outbound requests, with and without Spring Boot's {@code WebClient.Builder}.
 */
class InteractorClientObservationTests {

	private static final String NS = "user_123";

	private static final String ASSISTANT_ID = "asst_77aa";

	private static final String TRACEPARENT = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";

	private final ApplicationContextRunner runner = new ApplicationContextRunner().withConfiguration(
			AutoConfigurations.of(ObservationAutoConfiguration.class, MetricsAutoConfiguration.class,
					SimpleMetricsExportAutoConfiguration.class, CompositeMeterRegistryAutoConfiguration.class,
					InteractorMetricsAutoConfiguration.class, InteractorClientAutoConfiguration.class));

	private MockWebServer server;

	@BeforeEach
	void start() throws Exception {
		this.server = PeerRequests.start();
	}

	@AfterEach
	void stop() {
		this.server.close();
	}

	@Test
	void withoutBootsWebClientBuilderCallsAreObservedWithThePathTemplate() {
		this.runner.withPropertyValues(PeerRequests.springProperties(this.server)).run(this::assertHttpClientRequests);
	}

	@Test
	void withBootsWebClientBuilderCallsAreObservedWithThePathTemplate() {
		this.runner
			.withConfiguration(AutoConfigurations.of(WebClientAutoConfiguration.class,
					WebClientObservationAutoConfiguration.class))
			.withPropertyValues(PeerRequests.springProperties(this.server))
			.run(this::assertHttpClientRequests);
	}

	@Test
	void traceContextIsPropagatedOnOutboundCalls() throws Exception {
		this.runner.withUserConfiguration(PropagationConfiguration.class)
			.withPropertyValues(PeerRequests.springProperties(this.server))
			.run((context) -> {
				enqueue(this.server, token(1), json(200, "{\"data\":{\"id\":\"" + ASSISTANT_ID + "\"}}"));
				context.getBean(InteractorClient.class).assistants().get(NS, ASSISTANT_ID);
				RecordedRequest request = takeCore(this.server);
				assertThat(request.getHeaders().get("traceparent")).isEqualTo(TRACEPARENT);
			});
	}

	@Test
	void traceContextIsPropagatedThroughBootsWebClientBuilder() throws Exception {
		this.runner
			.withConfiguration(AutoConfigurations.of(WebClientAutoConfiguration.class,
					WebClientObservationAutoConfiguration.class))
			.withUserConfiguration(PropagationConfiguration.class)
			.withPropertyValues(PeerRequests.springProperties(this.server))
			.run((context) -> {
				enqueue(this.server, token(1), json(200, "{\"data\":{\"id\":\"" + ASSISTANT_ID + "\"}}"));
				context.getBean(InteractorClient.class).assistants().get(NS, ASSISTANT_ID);
				assertThat(takeCore(this.server).getHeaders().get("traceparent")).isEqualTo(TRACEPARENT);
			});
	}

	private void assertHttpClientRequests(AssertableApplicationContext context) {
		enqueue(this.server, token(1), json(200, "{\"data\":{\"id\":\"" + ASSISTANT_ID + "\"}}"),
				json(200, "{\"data\":[],\"meta\":{\"page\":3}}"));
		InteractorClient client = context.getBean(InteractorClient.class);
		client.assistants().get(NS, ASSISTANT_ID);
		client.assistants().list(NS, ListParams.page(3));
		MeterRegistry registry = context.getBean(MeterRegistry.class);
		assertThat(registry.get("http.client.requests")
			.tags("uri", "/assistants/{assistantId}", "method", "GET", "status", "200")
			.timer()
			.count()).isEqualTo(1);
		// The query variables are not part of the tag.
		assertThat(registry.get("http.client.requests").tags("uri", "/assistants").timer().count()).isEqualTo(1);
		assertThat(registry.get("http.client.requests").tags("uri", "/oauth/token", "method", "POST").timer().count())
			.isEqualTo(1);
		for (Meter meter : registry.find("http.client.requests").meters()) {
			for (Tag tag : meter.getId().getTags()) {
				assertThat(tag.getValue()).doesNotContain(ASSISTANT_ID, NS, "?", "_q0", "page");
			}
		}
	}

	@Configuration(proxyBeanMethods = false)
	static class PropagationConfiguration {

		/**
		 * Writes trace context into the carrier as a tracer's propagating handler does (Micrometer Tracing is not
		 * on the test classpath): what reaches the server shows that outbound calls are observed as senders.
		 */
		@Bean
		ObservationHandler<SenderContext<Object>> propagatingHandler() {
			return new ObservationHandler<>() {

				@Override
				public void onStart(SenderContext<Object> context) {
					Object carrier = context.getCarrier();
					if (carrier != null && context.getSetter() != null) {
						context.getSetter().set(carrier, "traceparent", TRACEPARENT);
					}
				}

				@Override
				public boolean supportsContext(Observation.Context context) {
					return context instanceof SenderContext;
				}

			};
		}

	}

}
