package io.interactor.spring.autoconfigure;

import io.interactor.spring.webhook.dispatch.WebhookHandlerRegistry;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ApplicationContextAware;
import org.springframework.context.ApplicationListener;

/**
 * Fails the start of a non-web {@link org.springframework.boot.SpringApplication} that has
 * {@code @InteractorWebhook} handlers, which would otherwise start and exit without ever receiving a delivery.
 * <p>
 * Registered only when the context is not a web application context; reacting to
 * {@link ApplicationStartedEvent}, published by {@code SpringApplication} alone, it leaves contexts built
 * otherwise (such as {@code ApplicationContextRunner} tests calling the dispatcher directly) alone. A failure
 * thrown here is reported by the application's failure analyzers and closes the context.
 */
class NonWebApplicationWebhookCheck implements ApplicationListener<ApplicationStartedEvent>, ApplicationContextAware {

	private final ObjectProvider<WebhookHandlerRegistry> registry;

	private @Nullable ApplicationContext applicationContext;

	NonWebApplicationWebhookCheck(ObjectProvider<WebhookHandlerRegistry> registry) {
		this.registry = registry;
	}

	@Override
	public void setApplicationContext(ApplicationContext applicationContext) {
		this.applicationContext = applicationContext;
	}

	@Override
	public void onApplicationEvent(ApplicationStartedEvent event) {
		if (event.getApplicationContext() != this.applicationContext) {
			// a child context's event, passed on to this (parent) context
			return;
		}
		WebhookHandlerRegistry handlers = this.registry.getIfAvailable();
		if (handlers != null && !handlers.getHandlers().isEmpty()) {
			throw new WebhookHandlersWithoutWebApplicationException(handlers.getHandlers().size());
		}
	}

}
