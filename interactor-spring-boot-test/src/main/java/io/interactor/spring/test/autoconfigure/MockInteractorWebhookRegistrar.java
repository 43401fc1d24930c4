package io.interactor.spring.test.autoconfigure;

import java.util.concurrent.atomic.AtomicBoolean;

import io.interactor.spring.autoconfigure.InteractorProperties;
import io.interactor.spring.test.MockInteractorServer;
import io.interactor.spring.webhook.dispatch.WebhookDispatcher;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.context.ApplicationListener;

/**
 * Once the application's web server is running, registers its webhook endpoint,
 * {@code http://127.0.0.1:<port><interactor.webhook.path>}, with the {@link MockInteractorServer} for every event,
 * signed with {@code interactor.webhook.secret}: the events a test's actions cause reach the application's
 * {@code @InteractorWebhook} handlers. Does nothing without a webhook endpoint or without a secret, and ignores the
 * management server.
 */
final class MockInteractorWebhookRegistrar implements ApplicationListener<WebServerInitializedEvent> {

	private static final String MANAGEMENT_NAMESPACE = "management";

	private final MockInteractorServer server;

	private final ObjectProvider<InteractorProperties> properties;

	private final ObjectProvider<WebhookDispatcher> dispatcher;

	private final AtomicBoolean registered = new AtomicBoolean();

	MockInteractorWebhookRegistrar(MockInteractorServer server, ObjectProvider<InteractorProperties> properties,
			ObjectProvider<WebhookDispatcher> dispatcher) {
		this.server = server;
		this.properties = properties;
		this.dispatcher = dispatcher;
	}

	@Override
	public void onApplicationEvent(WebServerInitializedEvent event) {
		if (MANAGEMENT_NAMESPACE.equals(event.getApplicationContext().getServerNamespace())) {
			return;
		}
		InteractorProperties properties = this.properties.getIfAvailable();
		if (properties == null || this.dispatcher.getIfAvailable() == null) {
			return;
		}
		String secret = properties.getWebhook().getSecret();
		if (secret == null || secret.isBlank() || !this.registered.compareAndSet(false, true)) {
			return;
		}
		String url = "http://127.0.0.1:" + event.getWebServer().getPort() + properties.getWebhook().getPath();
		this.server.webhook(url, secret);
	}

}
