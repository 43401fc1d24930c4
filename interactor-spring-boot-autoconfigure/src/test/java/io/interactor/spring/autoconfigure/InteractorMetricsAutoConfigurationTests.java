package io.interactor.spring.autoconfigure;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import io.interactor.spring.actuate.metrics.InteractorMeterObservationHandler;
import io.interactor.spring.client.InteractorClient;
import io.interactor.spring.client.ReactiveInteractorClient;
import io.interactor.spring.client.error.InteractorNotFoundException;
import io.interactor.spring.client.stream.StreamSettings;
import io.interactor.spring.test.PeerRequests;
import mockwebserver3.MockWebServer;
import io.interactor.spring.test.Deliveries;
import io.interactor.spring.webhook.InteractorEvents;
import io.interactor.spring.webhook.InteractorWebhook;
import io.interactor.spring.webhook.dispatch.WebhookDispatcher;
import io.interactor.spring.webhook.dispatch.WebhookOutcome.Result;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.observation.DefaultMeterObservationHandler;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationHandler;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import mockwebserver3.MockResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.export.simple.SimpleMetricsExportAutoConfiguration;
import org.springframework.boot.micrometer.observation.autoconfigure.ObservationAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.ClassUtils;

import static io.interactor.spring.test.PeerRequests.enqueue;
import static io.interactor.spring.test.PeerRequests.json;
import static io.interactor.spring.test.PeerRequests.takeCore;
import static io.interactor.spring.test.PeerRequests.takeToken;
import static io.interactor.spring.test.PeerRequests.token;
import static io.interactor.spring.test.PeerRequests.jsonBuilder;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * {@link InteractorMetricsAutoConfiguration} and how the client and webhook auto-configurations use its bean.
 */
class InteractorMetricsAutoConfigurationTests {

	private static final String NS = "user_123";

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(InteractorMetricsAutoConfiguration.class,
				InteractorClientAutoConfiguration.class, InteractorWebhookAutoConfiguration.class))
		.withPropertyValues("interactor.webhook.secret=" + Deliveries.SECRET);

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
	void isRegisteredInAutoConfigurationImports() throws Exception {
		String imports = new String(getClass().getClassLoader()
			.getResourceAsStream("META-INF/spring/org.springframework.boot.autoconfigure.AutoConfiguration.imports")
			.readAllBytes(), StandardCharsets.UTF_8);
		assertThat(imports.lines()).contains(InteractorMetricsAutoConfiguration.class.getName());
	}

	@Test
	void everyAfterNameIsARealAutoConfigurationClass() {
		AutoConfiguration annotation = InteractorMetricsAutoConfiguration.class.getAnnotation(AutoConfiguration.class);
		assertThat(annotation.afterName()).containsExactlyInAnyOrder(MetricsAutoConfiguration.class.getName(),
				CompositeMeterRegistryAutoConfiguration.class.getName());
		for (String name : annotation.afterName()) {
			assertThat(ClassUtils.isPresent(name, getClass().getClassLoader())).as(name).isTrue();
		}
	}

	@Test
	void runsAfterBootsMetricsAutoConfigurationsSoItSeesTheirRegistry() {
		// Listed first and sorting first by name: only the afterName ordering puts it after the registry's
		// definition, without which @ConditionalOnBean(MeterRegistry) would not match.
		new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(InteractorMetricsAutoConfiguration.class,
					MetricsAutoConfiguration.class, SimpleMetricsExportAutoConfiguration.class,
					CompositeMeterRegistryAutoConfiguration.class))
			.run((context) -> {
				assertThat(context).hasSingleBean(InteractorMeterObservationHandler.class);
				assertThat(context).hasSingleBean(SimpleMeterRegistry.class);
			});
	}

	@Test
	void bootsMeterPropertiesApplyByPrefix() {
		new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(InteractorMetricsAutoConfiguration.class,
					InteractorClientAutoConfiguration.class, MetricsAutoConfiguration.class,
					SimpleMetricsExportAutoConfiguration.class, CompositeMeterRegistryAutoConfiguration.class))
			.withPropertyValues(PeerRequests.springProperties(this.server))
			.withPropertyValues("management.metrics.enable.interactor.requests=false")
			.run((context) -> {
				enqueue(this.server, token(1), json(200, "{\"data\":{\"id\":\"asst_1\"}}"));
				context.getBean(InteractorClient.class).assistants().get(NS, "asst_1");
				MeterRegistry registry = context.getBean(MeterRegistry.class);
				assertThat(registry.find("interactor.requests").counters()).isEmpty();
				assertThat(registry.get("interactor.request.duration").timer().count()).isEqualTo(1);
				// Without Boot's ObservationRegistry the starter's own registry groups the meter handlers as Boot
				// does: its default handler, present here, does not time the Interactor observations again.
				assertThat(context).hasSingleBean(DefaultMeterObservationHandler.class);
				assertThat(registry.find("interactor.client.request").meters()).isEmpty();
			});
	}

	@Test
	void noMeterRegistryMeansNoMetricsBean() {
		this.runner.run((context) -> assertThat(context).hasNotFailed()
			.doesNotHaveBean(InteractorMeterObservationHandler.class));
	}

	@Test
	void withoutMicrometerTheClientAndTheWebhookEndpointStillWork() {
		this.runner.withClassLoader(new FilteredClassLoader("io.micrometer.core"))
			.withUserConfiguration(Handler.class)
			.withPropertyValues(PeerRequests.springProperties(this.server))
			.run((context) -> {
				assertThat(context).hasNotFailed().doesNotHaveBean("interactorMeterObservationHandler");
				assertThat(ClassUtils.isPresent("io.micrometer.core.instrument.MeterRegistry",
						context.getClassLoader())).isFalse();
				enqueue(this.server, token(1), json(200, "{\"data\":{\"id\":\"asst_1\"}}"));
				assertThat(context.getBean(InteractorClient.class).assistants().get(NS, "asst_1").id())
					.isEqualTo("asst_1");
				assertThat(deliver(context)).isEqualTo(Result.PROCESSED);
				assertThat(context.getBean(Handler.class).calls).hasValue(1);
			});
	}

	@Test
	void clientAndWebhookEndpointReportToTheRegistry() {
		this.runner.withUserConfiguration(SimpleRegistryConfiguration.class, Handler.class)
			.withPropertyValues(PeerRequests.springProperties(this.server))
			.run((context) -> {
				assertThat(context).hasSingleBean(InteractorMeterObservationHandler.class);
				enqueue(this.server, token(1), json(200, "{\"data\":{\"id\":\"asst_1\"}}"));
				context.getBean(InteractorClient.class).assistants().get(NS, "asst_1");
				assertThat(deliver(context)).isEqualTo(Result.PROCESSED);
				MeterRegistry registry = context.getBean(MeterRegistry.class);
				assertThat(registry.get("interactor.requests").tags("endpoint", "/assistants/{assistantId}")
					.counter()
					.count()).isEqualTo(1);
				assertThat(registry.get("interactor.token.refresh").tags("status", "success").counter().count())
					.isEqualTo(1);
				assertThat(registry.get("interactor.webhook.received")
					.tags("event", "room.message.created", "status", "processed")
					.counter()
					.count()).isEqualTo(1);
				assertThat(registry.get("interactor.requests").counter().getId().getTag("namespace")).isNull();
			});
	}

	@Test
	void namespaceTagPropertyIsBound() {
		this.runner.withUserConfiguration(SimpleRegistryConfiguration.class)
			.withPropertyValues(PeerRequests.springProperties(this.server))
			.withPropertyValues("interactor.metrics.namespace-tag=true")
			.run((context) -> {
				assertThat(context.getBean(InteractorProperties.class).getMetrics().isNamespaceTag()).isTrue();
				enqueue(this.server, token(1), json(200, "{\"data\":{\"id\":\"asst_1\"}}"));
				context.getBean(InteractorClient.class).assistants().get(NS, "asst_1");
				assertThat(context.getBean(MeterRegistry.class).get("interactor.requests")
					.tags("namespace", NS)
					.counter()
					.count()).isEqualTo(1);
			});
	}

	@Test
	void backsOffFromAUserHandlerBean() {
		this.runner.withUserConfiguration(SimpleRegistryConfiguration.class, UserHandlerConfiguration.class)
			.withPropertyValues(PeerRequests.springProperties(this.server))
			.run((context) -> {
				assertThat(context).hasSingleBean(InteractorMeterObservationHandler.class)
					.hasBean("userMeterHandler");
				enqueue(this.server, token(1), json(200, "{\"data\":{\"id\":\"asst_1\"}}"));
				context.getBean(InteractorClient.class).assistants().get(NS, "asst_1");
				// The user's handler tags the namespace, the auto-configured one would not.
				assertThat(context.getBean(MeterRegistry.class).get("interactor.requests")
					.tags("namespace", NS)
					.counter()
					.count()).isEqualTo(1);
			});
	}

	@Test
	void otherObservationHandlerBeansSeeTheInteractorObservationsWithoutBootsRegistry() {
		this.runner.withUserConfiguration(CountingHandlerConfiguration.class, Handler.class)
			.withPropertyValues(PeerRequests.springProperties(this.server))
			.run((context) -> {
				enqueue(this.server, token(1), json(200, "{\"data\":{\"id\":\"asst_1\"}}"));
				context.getBean(InteractorClient.class).assistants().get(NS, "asst_1");
				assertThat(deliver(context)).isEqualTo(Result.PROCESSED);
				assertThat(context.getBean(CountingHandler.class).names).contains("interactor.client.call",
						"interactor.client.request", "interactor.client.token", "interactor.webhook.delivery");
			});
	}

	@Test
	void withBootsObservationRegistryTheMetersAreRecordedOnceWithoutDefaultTimers() {
		new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(ObservationAutoConfiguration.class,
					MetricsAutoConfiguration.class, SimpleMetricsExportAutoConfiguration.class,
					CompositeMeterRegistryAutoConfiguration.class, InteractorMetricsAutoConfiguration.class,
					InteractorClientAutoConfiguration.class, InteractorWebhookAutoConfiguration.class))
			.withUserConfiguration(Handler.class)
			.withPropertyValues(PeerRequests.springProperties(this.server))
			.withPropertyValues("interactor.webhook.secret=" + Deliveries.SECRET)
			.run((context) -> {
				assertThat(context).hasSingleBean(DefaultMeterObservationHandler.class);
				enqueue(this.server, token(1), json(200, "{\"data\":{\"id\":\"asst_1\"}}"));
				context.getBean(InteractorClient.class).assistants().get(NS, "asst_1");
				assertThat(deliver(context)).isEqualTo(Result.PROCESSED);
				MeterRegistry registry = context.getBean(MeterRegistry.class);
				assertThat(registry.get("interactor.requests").counter().count()).isEqualTo(1);
				assertThat(registry.get("interactor.request.duration").timer().count()).isEqualTo(1);
				assertThat(registry.get("interactor.webhook.received").counter().count()).isEqualTo(1);
				// Spring Boot's default handler stays out: no timers named after the observations.
				assertThat(registry.getMeters()).extracting((meter) -> meter.getId().getName())
					.noneMatch((name) -> name.startsWith("interactor.client")
							|| name.equals("interactor.webhook.delivery"));
				// ... while it still times every other observation.
				assertThat(registry.find("http.client.requests").timers()).isNotEmpty();
			});
	}

	@Test
	void prometheusRendersTheDocumentedNames() {
		this.runner.withUserConfiguration(PrometheusConfiguration.class, Handler.class)
			.withPropertyValues(PeerRequests.springProperties(this.server))
			.run((context) -> {
				enqueue(this.server, token(1), 
						jsonBuilder(200, "{\"data\":{\"id\":\"asst_1\"}}").addHeader("X-RateLimit-Remaining", "99")
							.build(),
						json(404, "{\"error\":{\"code\":\"assistant_not_found\"}}"),
						new MockResponse.Builder().setHeader("Content-Type", "text/event-stream")
							.body("id: 1\ndata: {\"type\":\"ping\"}\n\n")
							.build());
				ReactiveInteractorClient client = context.getBean(ReactiveInteractorClient.class);
				client.assistants().get(NS, "asst_1").block(Duration.ofSeconds(10));
				assertThatExceptionOfType(InteractorNotFoundException.class)
					.isThrownBy(() -> client.assistants().get(NS, "asst_2").block(Duration.ofSeconds(10)));
				StepVerifier.create(client.rooms().stream(NS, "room_1", StreamSettings.defaults()).take(1))
					.expectNextCount(1)
					.expectComplete()
					.verify(Duration.ofSeconds(10));
				assertThat(deliver(context)).isEqualTo(Result.PROCESSED);
				String scrape = context.getBean(PrometheusMeterRegistry.class).scrape();
				assertThat(scrape).contains("interactor_requests_total{", "interactor_request_duration_seconds_count{",
						"interactor_request_duration_seconds_bucket{", "interactor_errors_total{",
						"interactor_token_refresh_total{", "interactor_token_expiry_seconds ",
						"interactor_rate_limit_remaining 99", "interactor_sse_connections_active{",
						"interactor_sse_disconnects_total{", "interactor_webhook_received_total{",
						"interactor_webhook_processing_duration_seconds_count{");
				assertThat(scrape).doesNotContain("asst_1", "asst_2", "room_1", NS, "evt_");
			});
	}

	private static Result deliver(AssertableApplicationContext context) {
		String body = Deliveries.body(InteractorEvents.ROOM_MESSAGE_CREATED);
		return context.getBean(WebhookDispatcher.class).dispatch(Deliveries.sign(body), Deliveries.bytes(body)).result();
	}

	@Configuration(proxyBeanMethods = false)
	static class SimpleRegistryConfiguration {

		@Bean
		SimpleMeterRegistry meterRegistry() {
			return new SimpleMeterRegistry();
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class PrometheusConfiguration {

		@Bean
		PrometheusMeterRegistry meterRegistry() {
			return new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class UserHandlerConfiguration {

		@Bean
		InteractorMeterObservationHandler userMeterHandler(MeterRegistry registry) {
			return new InteractorMeterObservationHandler(registry, true, Clock.systemUTC());
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class CountingHandlerConfiguration {

		@Bean
		CountingHandler countingHandler() {
			return new CountingHandler();
		}

	}

	static class CountingHandler implements ObservationHandler<Observation.Context> {

		final Set<String> names = ConcurrentHashMap.newKeySet();

		@Override
		public void onStop(Observation.Context context) {
			this.names.add(context.getName());
		}

		@Override
		public boolean supportsContext(Observation.Context context) {
			return true;
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class Handler {

		final AtomicInteger calls = new AtomicInteger();

		@InteractorWebhook(InteractorEvents.ROOM_MESSAGE_CREATED)
		void handle() {
			this.calls.incrementAndGet();
		}

	}

}
