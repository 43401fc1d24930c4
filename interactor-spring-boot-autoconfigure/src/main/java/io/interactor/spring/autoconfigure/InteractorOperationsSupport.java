package io.interactor.spring.autoconfigure;

import java.util.Locale;

import io.interactor.spring.actuate.WebhookComponents;
import io.interactor.spring.webhook.dispatch.WebhookDispatcher;
import io.interactor.spring.webhook.dispatch.WebhookHandlerRegistry;
import io.interactor.spring.webhook.idempotency.WebhookIdempotencyStore;
import io.interactor.spring.webhook.signature.WebhookSignatureVerifier;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;

/**
 * What health and the actuator endpoint need to know about the webhook pipeline and the environment.
 */
final class InteractorOperationsSupport {

	private final InteractorProperties properties;

	private final ConfigurableListableBeanFactory beanFactory;

	InteractorOperationsSupport(InteractorProperties properties, ConfigurableListableBeanFactory beanFactory) {
		this.properties = properties;
		this.beanFactory = beanFactory;
	}

	String environment() {
		return this.properties.getEnvironment().name().toLowerCase(Locale.ROOT);
	}

	/**
	 * The webhook pipeline, or {@code null} when webhooks are disabled.
	 */
	@Nullable WebhookComponents webhookComponents() {
		WebhookDispatcher dispatcher = this.beanFactory.getBeanProvider(WebhookDispatcher.class).getIfAvailable();
		WebhookHandlerRegistry registry = this.beanFactory.getBeanProvider(WebhookHandlerRegistry.class)
			.getIfAvailable();
		WebhookSignatureVerifier verifier = this.beanFactory.getBeanProvider(WebhookSignatureVerifier.class)
			.getIfAvailable();
		WebhookIdempotencyStore store = this.beanFactory.getBeanProvider(WebhookIdempotencyStore.class)
			.getIfAvailable();
		if (dispatcher == null || registry == null || verifier == null || store == null) {
			return null;
		}
		return new WebhookComponents(this.properties.getWebhook().getPath(), verifier, registry, store, dispatcher);
	}

}
