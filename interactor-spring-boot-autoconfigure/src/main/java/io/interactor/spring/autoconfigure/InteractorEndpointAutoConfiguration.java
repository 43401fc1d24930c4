package io.interactor.spring.autoconfigure;

import java.util.Locale;

import io.interactor.spring.actuate.InteractorEndpoint.ClientDescriptor;
import io.interactor.spring.actuate.InteractorEndpoint;
import io.interactor.spring.actuate.WebhookComponents;
import io.interactor.spring.client.auth.AccessTokenProvider;

import org.springframework.beans.BeansException;
import org.springframework.beans.factory.ObjectProvider;
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
 *
 * @since 0.1.0
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
			ObjectProvider<AccessTokenProvider> tokenProvider,
			ObjectProvider<InteractorConnectionDetails> connectionDetails,
			ObjectProvider<WebhookComponents> webhookComponents) {
		return new InteractorEndpoint(() -> {
			InteractorConnectionDetails connection = connectionDetails
				.getIfAvailable(() -> new PropertiesInteractorConnectionDetails(properties));
			String environment = properties.getEnvironment().name().toLowerCase(Locale.ROOT);
			return new ClientDescriptor(isConfigured(tokenProvider), environment, connection.getAccountServerUrl(),
					connection.getCoreApiUrl());
		}, webhookComponents.getIfAvailable());
	}

	/**
	 * Whether the client has a token provider: the application's, or the client-credentials one that is only
	 * defined when credentials are set.
	 */
	private static boolean isConfigured(ObjectProvider<AccessTokenProvider> tokenProvider) {
		try {
			return tokenProvider.getIfAvailable() != null;
		}
		catch (BeansException ex) {
			// Defined but not creatable (an invalid URL, several candidates): configured, though wrongly.
			return true;
		}
	}

}
