package io.interactor.spring.autoconfigure;


import io.interactor.spring.actuate.InteractorEndpoint;
import io.interactor.spring.actuate.InteractorEndpoint.WebhooksDescriptor;
import io.interactor.spring.actuate.WebhookComponents;
import io.interactor.spring.test.ForwardingIdempotencyStore;
import io.interactor.spring.test.Deliveries;
import io.interactor.spring.webhook.InteractorEvents;
import io.interactor.spring.webhook.InteractorWebhook;
import io.interactor.spring.webhook.RoomMessageData;
import io.interactor.spring.webhook.dispatch.WebhookHandlerRegistry;
import io.interactor.spring.webhook.dispatch.WebhookOutcomeCounts;
import io.interactor.spring.webhook.idempotency.WebhookIdempotencyStore;
import io.interactor.spring.webhook.signature.SignatureScheme;
import io.interactor.spring.webhook.signature.VerificationResult;
import io.interactor.spring.webhook.signature.WebhookSignatureVerifier;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.health.contributor.CompositeHealthContributor;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Health and the actuator endpoint receive the webhook pipeline from the context: the beans the dispatcher really
 * uses, including application replacements, and nothing when webhooks are disabled.
 */
class WebhookComponentsConfigurationTests {

	// listed first on purpose: the ordering after the webhook auto-configuration must make the beans visible
	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(InteractorHealthContributorAutoConfiguration.class,
				InteractorEndpointAutoConfiguration.class, InteractorWebhookAutoConfiguration.class))
		.withClassLoader(new FilteredClassLoader("org.springframework.web.reactive.function.client"))
		.withPropertyValues("management.endpoints.web.exposure.include=interactor");

	private static WebhooksDescriptor endpointWebhooks(AssertableApplicationContext context) {
		return context.getBean(InteractorEndpoint.class).interactor().webhooks();
	}

	private static Health healthWebhooks(AssertableApplicationContext context) {
		CompositeHealthContributor interactor = context.getBean("interactorHealthContributor",
				CompositeHealthContributor.class);
		return ((HealthIndicator) interactor.getContributor("webhooks")).health();
	}

	@Test
	void describesTheAutoConfiguredPipeline() {
		this.runner.withPropertyValues("interactor.webhook.secret=" + Deliveries.SECRET, "interactor.webhook.path=/hooks")
			.withUserConfiguration(Handler.class)
			.run((context) -> {
				WebhookComponents components = context.getBean(WebhookComponents.class);
				assertThat(components.outcomeCounts()).isSameAs(context.getBean(WebhookOutcomeCounts.class));
				assertThat(components.registry()).isSameAs(context.getBean(WebhookHandlerRegistry.class));
				WebhooksDescriptor webhooks = endpointWebhooks(context);
				assertThat(webhooks.path()).isEqualTo("/hooks");
				assertThat(webhooks.secretConfigured()).isTrue();
				assertThat(webhooks.idempotencyStore()).isEqualTo("memory");
				assertThat(webhooks.handlers()).containsOnlyKeys(InteractorEvents.ROOM_MESSAGE_CREATED);
				assertThat(healthWebhooks(context).getDetails()).containsEntry("handlerCount", 1);
			});
	}

	@Test
	void describesTheApplicationsVerifierAndStore() {
		this.runner.withUserConfiguration(Handler.class, ApplicationVerifierAndStore.class).run((context) -> {
			WebhooksDescriptor webhooks = endpointWebhooks(context);
			assertThat(webhooks.secretConfigured()).isTrue();
			assertThat(webhooks.idempotencyStore()).isEqualTo(ApplicationStore.class.getName());
			assertThat(healthWebhooks(context).getDetails()).containsEntry("secretConfigured", true)
				.containsEntry("idempotencyStore", ApplicationStore.class.getName());
		});
	}

	@Test
	void nothingAboutWebhooksWhenTheyAreDisabled() {
		this.runner.withPropertyValues("interactor.webhook.enabled=false").run((context) -> {
			assertThat(context).hasNotFailed().doesNotHaveBean(WebhookComponents.class);
			assertThat(endpointWebhooks(context)).isNull();
			// without client and webhooks there is nothing to report
			assertThat(context).doesNotHaveBean("interactorHealthContributor");
		});
	}

	@Test
	void backsOffToTheApplicationsComponents() {
		this.runner.withPropertyValues("interactor.webhook.secret=" + Deliveries.SECRET)
			.withUserConfiguration(ApplicationComponents.class)
			.run((context) -> {
				assertThat(context.getBeansOfType(WebhookComponents.class)).containsOnlyKeys("myComponents");
				assertThat(endpointWebhooks(context).path()).isEqualTo("/behind-the-proxy");
			});
	}

	@Configuration(proxyBeanMethods = false)
	static class Handler {

		@InteractorWebhook(InteractorEvents.ROOM_MESSAGE_CREATED)
		void handle(RoomMessageData data) {
		}

	}

	static class ApplicationStore extends ForwardingIdempotencyStore {

	}

	@Configuration(proxyBeanMethods = false)
	static class ApplicationVerifierAndStore {

		// verifies with keys of its own, so no interactor.webhook.secret is set
		@Bean
		WebhookSignatureVerifier applicationVerifier() {
			return (headers, body) -> VerificationResult.valid(SignatureScheme.TIMESTAMPED, 0);
		}

		@Bean
		ApplicationStore applicationStore() {
			return new ApplicationStore();
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class ApplicationComponents {

		@Bean
		WebhookComponents myComponents(WebhookOutcomeCounts outcomeCounts, WebhookHandlerRegistry registry,
				WebhookSignatureVerifier verifier, WebhookIdempotencyStore store) {
			return new WebhookComponents("/behind-the-proxy", verifier, registry, store, outcomeCounts);
		}

	}

}
