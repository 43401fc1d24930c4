package io.interactor.spring.webhook.dispatch;

import io.interactor.spring.autoconfigure.InteractorWebhookAutoConfiguration;
import io.interactor.spring.test.Deliveries;
import io.interactor.spring.webhook.InteractorEvents;
import io.interactor.spring.webhook.dispatch.WebhookDispatcherTests.ExactHandler;
import io.interactor.spring.webhook.dispatch.WebhookOutcome.Result;
import io.micrometer.observation.GlobalObservationConvention;
import io.micrometer.observation.Observation;
import io.micrometer.observation.tck.TestObservationRegistry;
import io.micrometer.observation.tck.TestObservationRegistryAssert;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.micrometer.observation.autoconfigure.ObservationAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The {@code interactor.webhook.delivery} observation of real deliveries through the auto-configured dispatcher, in
 * the application's (Spring Boot's) registry.
 */
class WebhookDeliveryObservationTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(
				AutoConfigurations.of(ObservationAutoConfiguration.class, InteractorWebhookAutoConfiguration.class))
		.withUserConfiguration(RegistryConfiguration.class, ExactHandler.class)
		.withPropertyValues("interactor.webhook.secret=" + Deliveries.SECRET);

	@Test
	void deliveryIsObservedWithBoundedKeyValuesAndTheNamespaceAsHighCardinality() {
		this.runner.run((context) -> {
			String body = Deliveries.body(InteractorEvents.ROOM_MESSAGE_CREATED);
			assertThat(WebhookDispatcherTests.deliver(context, body).result()).isEqualTo(Result.PROCESSED);
			assertThat(WebhookDispatcherTests.deliver(context, Deliveries.body("agent.custom_thing")).result())
				.isEqualTo(Result.UNHANDLED);
			TestObservationRegistry registry = context.getBean(TestObservationRegistry.class);
			TestObservationRegistryAssert.assertThat(registry)
				.hasNumberOfObservationsWithNameEqualTo("interactor.webhook.delivery", 2)
				.hasAnObservation((delivery) -> delivery
					.hasContextualNameEqualTo("interactor webhook room.message.created")
					.hasLowCardinalityKeyValue("event", "room.message.created")
					.hasLowCardinalityKeyValue("status", "processed")
					.hasHighCardinalityKeyValueWithKey("namespace")
					.doesNotHaveLowCardinalityKeyValueWithKey("namespace"))
				.hasAnObservation((delivery) -> delivery.hasLowCardinalityKeyValue("event", "other")
					.hasLowCardinalityKeyValue("status", "ignored"));
			// The endpoint's counts come from the same observations.
			assertThat(context.getBean(WebhookOutcomeCounts.class).get(Result.PROCESSED)).isEqualTo(1);
			assertThat(context.getBean(WebhookOutcomeCounts.class).get(Result.UNHANDLED)).isEqualTo(1);
		});
	}

	@Test
	void globalConventionBeanReplacesTheDefaultAndCountsStillWork() {
		this.runner.withUserConfiguration(ConventionConfiguration.class).run((context) -> {
			String body = Deliveries.body(InteractorEvents.ROOM_MESSAGE_CREATED);
			assertThat(WebhookDispatcherTests.deliver(context, body).result()).isEqualTo(Result.PROCESSED);
			TestObservationRegistryAssert.assertThat(context.getBean(TestObservationRegistry.class))
				.hasNumberOfObservationsWithNameEqualTo("interactor.webhook.delivery", 0)
				.hasObservationWithNameEqualTo("acme.webhooks")
				.that()
				.hasLowCardinalityKeyValue("status", "processed");
			assertThat(context.getBean(WebhookOutcomeCounts.class).get(Result.PROCESSED)).isEqualTo(1);
		});
	}

	@Configuration(proxyBeanMethods = false)
	static class RegistryConfiguration {

		@Bean
		TestObservationRegistry observationRegistry() {
			return TestObservationRegistry.create();
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class ConventionConfiguration {

		@Bean
		GlobalObservationConvention<WebhookDeliveryObservationContext> acmeConvention() {
			return new AcmeConvention();
		}

	}

	static class AcmeConvention extends DefaultWebhookDeliveryObservationConvention
			implements GlobalObservationConvention<WebhookDeliveryObservationContext> {

		@Override
		public String getName() {
			return "acme.webhooks";
		}

		@Override
		public boolean supportsContext(Observation.Context context) {
			return context instanceof WebhookDeliveryObservationContext;
		}

	}

}
