package io.interactor.spring.autoconfigure;

import io.interactor.spring.client.ReactiveInteractorClient;

/**
 * Callback to customise the auto-configured Interactor clients before they are built: add WebClient filters,
 * change the retry policy, ... Beans of this type are applied in
 * {@link org.springframework.core.annotation.Order @Order}, after the {@code interactor.*} properties.
 * <p>
 * The builder is that of the Core API calls: tokens come from the
 * {@link io.interactor.spring.client.auth.AccessTokenProvider AccessTokenProvider} bean, so credentials set here
 * have no effect, and a connector set here is used by the Core API calls only. Proxy, TLS and timeouts of both are set with {@code interactor.http.*}, Spring Boot's
 * {@code spring.http.clients.*} and {@code ClientHttpConnectorBuilderCustomizer}s, or a connector bean named
 * {@value InteractorClientAutoConfiguration#CONNECTOR_BEAN_NAME}.
 *
 * @since 0.1.0
 */
@FunctionalInterface
public interface InteractorClientCustomizer {

	/**
	 * Customise the builder.
	 * @param builder the builder, already configured from the properties
	 */
	void customize(ReactiveInteractorClient.Builder builder);

}
