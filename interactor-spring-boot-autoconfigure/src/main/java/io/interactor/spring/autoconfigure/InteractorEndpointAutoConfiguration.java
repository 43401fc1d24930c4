package io.interactor.spring.autoconfigure;

import io.interactor.spring.actuate.InteractorEndpoint.ClientDescriptor;
import io.interactor.spring.actuate.InteractorEndpoint;
import io.interactor.spring.actuate.WebhookComponents;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.actuate.autoconfigure.endpoint.condition.ConditionalOnAvailableEndpoint;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

/**
 * Auto-configuration of the {@code interactor} actuator endpoint ({@link InteractorEndpoint}); like every endpoint
 * it is served over HTTP only once exposed, e.g. {@code management.endpoints.web.exposure.include=health,interactor}.
 * <p>
 * Runs after the client and webhook auto-configurations so that a user-defined {@link InteractorEndpoint} and the
 * beans it describes are all known; the endpoint reads them on each request.
 */
@AutoConfiguration(after = { InteractorClientAutoConfiguration.class, InteractorWebhookAutoConfiguration.class })
@ConditionalOnClass({ Endpoint.class, ConditionalOnAvailableEndpoint.class })
@ConditionalOnAvailableEndpoint(InteractorEndpoint.class)
@EnableConfigurationProperties(InteractorProperties.class)
@Import(WebhookComponentsConfiguration.class)
public final class InteractorEndpointAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	InteractorEndpoint interactorEndpoint(InteractorProperties properties,
			ConfigurableListableBeanFactory beanFactory, ObjectProvider<WebhookComponents> webhookComponents) {
		InteractorOperationsSupport support = new InteractorOperationsSupport(properties, beanFactory);
		return new InteractorEndpoint(() -> new ClientDescriptor(support.hasClient() && support.isClientConfigured(),
				support.environment(), properties.determineAccountServerUrl(), properties.determineCoreApiUrl()),
				webhookComponents.getIfAvailable());
	}

}
