package io.interactor.spring.test.autoconfigure;

import io.interactor.spring.autoconfigure.InteractorClientAutoConfiguration;
import io.interactor.spring.autoconfigure.InteractorConnectionDetails;
import io.interactor.spring.autoconfigure.InteractorProperties;
import io.interactor.spring.test.MockInteractorServer;
import io.interactor.spring.webhook.dispatch.WebhookDispatcher;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Auto-configuration imported by {@link AutoConfigureMockInteractor}: a {@link MockInteractorServer} on a random
 * port, closed with the context, and the {@link InteractorConnectionDetails} that lead the client to it. Runs before
 * the client's auto-configuration so that the properties-based connection details back off. In an application
 * with a web server and a webhook endpoint, the endpoint is registered with the mock once the server is running.
 *
 * @since 0.1.0
 */
@AutoConfiguration(before = InteractorClientAutoConfiguration.class)
public final class MockInteractorAutoConfiguration {

	@Bean(destroyMethod = "close")
	@ConditionalOnMissingBean
	MockInteractorServer mockInteractorServer() {
		return MockInteractorServer.start();
	}

	@Bean
	@ConditionalOnMissingBean(InteractorConnectionDetails.class)
	MockInteractorConnectionDetails mockInteractorConnectionDetails(MockInteractorServer server) {
		return new MockInteractorConnectionDetails(server);
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(WebServerInitializedEvent.class)
	static class WebhookRegistrationConfiguration {

		@Bean
		MockInteractorWebhookRegistrar mockInteractorWebhookRegistrar(MockInteractorServer server,
				ObjectProvider<InteractorProperties> properties, ObjectProvider<WebhookDispatcher> dispatcher) {
			return new MockInteractorWebhookRegistrar(server, properties, dispatcher);
		}

	}

}
