package io.interactor.spring.autoconfigure;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.http.client.HttpClientSettings;
import org.springframework.boot.http.client.reactive.ClientHttpConnectorBuilder;
import org.springframework.boot.ssl.SslBundles;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Lazy;
import org.springframework.core.ResolvableType;
import org.springframework.core.io.ResourceLoader;
import org.springframework.http.client.reactive.ClientHttpConnector;

/**
 * The connector of the Interactor calls, built with Spring Boot's HTTP client support
 * ({@code spring-boot-http-client}, which {@code spring-boot-starter-webclient} brings). It is not a default
 * candidate for injection by type, so it never stands in for the application's own {@link ClientHttpConnector}.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnClass(ClientHttpConnectorBuilder.class)
class InteractorClientHttpConnectorConfiguration {

	/**
	 * Checks the {@code interactor.http.*} settings of the connector bean this configuration defines, without
	 * creating the connector: the client asks for it on its first request, but a wrong setting must still fail the
	 * start.
	 * @param beanFactory the bean factory
	 * @param properties the properties the connector is built with
	 */
	static void checkSettings(ConfigurableListableBeanFactory beanFactory, InteractorProperties properties) {
		ClientHttpConnectorBuilder<?> builder = beanFactory
			.<ClientHttpConnectorBuilder<?>>getBeanProvider(ResolvableType.forClass(ClientHttpConnectorBuilder.class))
			.getIfAvailable(() -> ClientHttpConnectorBuilder.detect(beanFactory.getBeanClassLoader()));
		new InteractorClientHttpConnectorFactory(properties.getHttp(),
				beanFactory.getBeanProvider(SslBundles.class).getIfAvailable())
			.check(builder);
	}

	@Bean(name = InteractorClientAutoConfiguration.CONNECTOR_BEAN_NAME, defaultCandidate = false)
	@Lazy
	@ConditionalOnMissingBean(name = InteractorClientAutoConfiguration.CONNECTOR_BEAN_NAME)
	ClientHttpConnector interactorClientHttpConnector(InteractorProperties properties, ResourceLoader resourceLoader,
			ObjectProvider<ClientHttpConnectorBuilder<?>> connectorBuilder,
			ObjectProvider<HttpClientSettings> httpClientSettings, ObjectProvider<SslBundles> sslBundles) {
		ClientHttpConnectorBuilder<?> builder = connectorBuilder
			.getIfAvailable(() -> ClientHttpConnectorBuilder.detect(resourceLoader.getClassLoader()));
		return new InteractorClientHttpConnectorFactory(properties.getHttp(), sslBundles.getIfAvailable())
			.create(builder, httpClientSettings.getIfAvailable(HttpClientSettings::defaults));
	}

}
