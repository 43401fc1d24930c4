package io.interactor.spring.autoconfigure;

import io.interactor.spring.actuate.WebhookComponents;
import io.interactor.spring.webhook.dispatch.WebhookDispatcher;
import io.interactor.spring.webhook.dispatch.WebhookHandlerRegistry;
import io.interactor.spring.webhook.dispatch.WebhookOutcomeCounts;
import io.interactor.spring.webhook.idempotency.WebhookIdempotencyStore;
import io.interactor.spring.webhook.signature.WebhookSignatureVerifier;

import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The webhook pipeline as health and the actuator endpoint describe it, imported by both of their
 * auto-configurations (which run after {@link InteractorWebhookAutoConfiguration}). Exists only while the pipeline
 * does: with webhooks disabled neither reports a webhook part.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnBean({ WebhookDispatcher.class, WebhookHandlerRegistry.class, WebhookSignatureVerifier.class,
		WebhookIdempotencyStore.class, WebhookOutcomeCounts.class })
class WebhookComponentsConfiguration {

	@Bean
	@ConditionalOnMissingBean
	WebhookComponents interactorWebhookComponents(InteractorProperties properties, WebhookHandlerRegistry registry,
			WebhookSignatureVerifier verifier, WebhookIdempotencyStore store, WebhookOutcomeCounts outcomeCounts) {
		return new WebhookComponents(properties.getWebhook().getPath(), verifier, registry, store, outcomeCounts);
	}

}
