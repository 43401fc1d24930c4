package io.interactor.spring.autoconfigure;

import io.interactor.spring.client.ReactiveInteractorClient;

/**
 * Callback to customise the auto-configured Interactor clients before they are built: add WebClient filters, set
 * a connector with proxy or TLS settings, change the retry policy, ... Beans of this type are applied in
 * {@link org.springframework.core.annotation.Order @Order}, after the {@code interactor.*} properties.
 */
@FunctionalInterface
public interface InteractorClientCustomizer {

	/**
	 * Customise the builder.
	 * @param builder the builder, already configured from the properties
	 */
	void customize(ReactiveInteractorClient.Builder builder);

}
