package io.interactor.spring.autoconfigure;

import java.util.Locale;

import io.interactor.spring.actuate.WebhookComponents;
import io.interactor.spring.client.ReactiveInteractorClient;
import io.interactor.spring.client.auth.AccessTokenProvider;
import io.interactor.spring.webhook.dispatch.WebhookHandlerRegistry;
import io.interactor.spring.webhook.dispatch.WebhookOutcomeCounts;
import io.interactor.spring.webhook.idempotency.WebhookIdempotencyStore;
import io.interactor.spring.webhook.signature.WebhookSignatureVerifier;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.util.ClassUtils;
import org.springframework.util.StringUtils;

/**
 * What health and the actuator endpoint need to know about the client and the webhook pipeline, found without
 * creating the lazy client beans of an application that has no credentials (creating them would throw
 * {@link MissingInteractorCredentialsException}).
 */
final class InteractorOperationsSupport {

	private static final String WEB_CLIENT = "org.springframework.web.reactive.function.client.WebClient";

	private final InteractorProperties properties;

	private final ConfigurableListableBeanFactory beanFactory;

	InteractorOperationsSupport(InteractorProperties properties, ConfigurableListableBeanFactory beanFactory) {
		this.properties = properties;
		this.beanFactory = beanFactory;
	}

	/**
	 * Whether the application has an Interactor client bean at all (WebClient present, auto-configured or user
	 * defined), configured or not.
	 */
	boolean hasClient() {
		return ClassUtils.isPresent(WEB_CLIENT, getClass().getClassLoader())
				&& clientBeanNames().length > 0;
	}

	/**
	 * Whether the client can obtain tokens: credentials are set, an {@link AccessTokenProvider} bean exists, or the
	 * client bean was created already (an application-defined client, or one injected somewhere).
	 */
	boolean isClientConfigured() {
		if (StringUtils.hasText(this.properties.getClientId())
				&& StringUtils.hasText(this.properties.getClientSecret())) {
			return true;
		}
		if (this.beanFactory.getBeanNamesForType(AccessTokenProvider.class, true, false).length > 0) {
			return true;
		}
		for (String name : clientBeanNames()) {
			if (this.beanFactory.containsSingleton(name)) {
				return true;
			}
		}
		return false;
	}

	/**
	 * The client's token provider, creating the client if needed, or {@code null} when it is not configured.
	 */
	@Nullable AccessTokenProvider tokenProvider() {
		if (!hasClient() || !isClientConfigured()) {
			return null;
		}
		return this.beanFactory.getBean(ReactiveInteractorClient.class).tokenProvider();
	}

	String environment() {
		return this.properties.getEnvironment().name().toLowerCase(Locale.ROOT);
	}

	/**
	 * The webhook pipeline, or {@code null} when webhooks are disabled.
	 */
	@Nullable WebhookComponents webhookComponents() {
		WebhookOutcomeCounts outcomeCounts = this.beanFactory.getBeanProvider(WebhookOutcomeCounts.class)
			.getIfAvailable();
		WebhookHandlerRegistry registry = this.beanFactory.getBeanProvider(WebhookHandlerRegistry.class)
			.getIfAvailable();
		WebhookSignatureVerifier verifier = this.beanFactory.getBeanProvider(WebhookSignatureVerifier.class)
			.getIfAvailable();
		WebhookIdempotencyStore store = this.beanFactory.getBeanProvider(WebhookIdempotencyStore.class)
			.getIfAvailable();
		if (outcomeCounts == null || registry == null || verifier == null || store == null) {
			return null;
		}
		return new WebhookComponents(this.properties.getWebhook().getPath(), verifier, registry, store,
				outcomeCounts);
	}

	private String[] clientBeanNames() {
		return this.beanFactory.getBeanNamesForType(ReactiveInteractorClient.class, true, false);
	}

}
