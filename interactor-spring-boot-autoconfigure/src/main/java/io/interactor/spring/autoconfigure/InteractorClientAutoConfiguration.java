package io.interactor.spring.autoconfigure;

import java.util.ArrayList;
import java.util.List;

import io.interactor.spring.client.InteractorClient;
import io.interactor.spring.client.ReactiveInteractorClient;
import io.interactor.spring.client.auth.AccessTokenProvider;
import io.interactor.spring.client.auth.ClientCredentialsTokenProvider;
import io.interactor.spring.client.core.BaseUrls;
import io.interactor.spring.client.http.RetryPolicy;
import io.micrometer.observation.ObservationHandler;
import io.micrometer.observation.ObservationRegistry;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Lazy;
import org.springframework.http.client.reactive.ClientHttpConnector;
import org.springframework.util.StringUtils;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * Auto-configuration of the {@link ReactiveInteractorClient} and {@link InteractorClient} beans, the
 * {@link AccessTokenProvider} they authenticate with and the {@link InteractorConnectionDetails} they connect
 * with.
 * <p>
 * The client and token provider beans are lazy: an application that never injects them (one that only receives
 * webhooks) starts without credentials, while one that injects them without credentials fails at startup with
 * {@link MissingInteractorCredentialsException}. The client-credentials token provider is only defined when
 * credentials are available (see {@link OnInteractorCredentialsCondition}); an {@link AccessTokenProvider} bean of
 * the application replaces it.
 * <p>
 * The token endpoint and Core API calls share one connector, the bean named {@value #CONNECTOR_BEAN_NAME}, built
 * with Spring Boot's {@code ClientHttpConnectorBuilder} and {@code HttpClientSettings} and the
 * {@code interactor.http.*} timeouts, SSL bundle and proxy. Spring Boot's {@link WebClient.Builder} is used when
 * present (cloned, so its customisations apply without being changed), and the application's {@link JsonMapper}.
 * <p>
 * The client and the token provider report through the context's {@link ObservationRegistry}
 * ({@code interactor.client.*} observations, and {@code http.client.requests} with trace propagation), set on the
 * client directly so that they do not depend on {@code spring-boot-webclient}. Without a registry bean they report to
 * a registry of their own holding the {@link ObservationHandler} beans, such as the one recording the
 * {@code interactor.*} meters (see {@link InteractorMetricsAutoConfiguration}).
 *
 * @since 0.1.0
 */
@AutoConfiguration(afterName = { "org.springframework.boot.webclient.autoconfigure.WebClientAutoConfiguration",
		"org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration" })
@ConditionalOnClass(WebClient.class)
@EnableConfigurationProperties(InteractorProperties.class)
@Import(InteractorClientHttpConnectorConfiguration.class)
public final class InteractorClientAutoConfiguration {

	/**
	 * Name of the {@link ClientHttpConnector} bean the Interactor calls share. Define a bean of that name (with
	 * {@code @Bean(defaultCandidate = false)}, so it does not replace Spring Boot's connector elsewhere) to supply
	 * the connector yourself; the {@code interactor.http.*} settings then do not apply.
	 */
	public static final String CONNECTOR_BEAN_NAME = "interactorClientHttpConnector";

	/** The bean name of the imported configuration defining the connector, by name: see its condition. */
	private static final String CONNECTOR_CONFIGURATION = "io.interactor.spring.autoconfigure.InteractorClientHttpConnectorConfiguration";

	@Bean
	@ConditionalOnMissingBean(InteractorConnectionDetails.class)
	PropertiesInteractorConnectionDetails interactorConnectionDetails(InteractorProperties properties) {
		return new PropertiesInteractorConnectionDetails(properties);
	}

	/**
	 * Checks the values of an application's {@link InteractorConnectionDetails} bean at startup, although the
	 * beans using them are lazy.
	 */
	@Bean
	InteractorConnectionDetailsCheck interactorConnectionDetailsCheck(ListableBeanFactory beanFactory) {
		return new InteractorConnectionDetailsCheck(beanFactory);
	}

	@Bean
	@Lazy
	@ConditionalOnMissingBean(AccessTokenProvider.class)
	@Conditional(OnInteractorCredentialsCondition.class)
	ClientCredentialsTokenProvider interactorAccessTokenProvider(InteractorProperties properties,
			InteractorConnectionDetails connectionDetails, ConfigurableListableBeanFactory beanFactory,
			@Qualifier(CONNECTOR_BEAN_NAME) ObjectProvider<ClientHttpConnector> connector,
			ObjectProvider<WebClient.Builder> webClientBuilder, ObjectProvider<JsonMapper> jsonMapper,
			ObjectProvider<ObservationRegistry> observationRegistry,
			ObjectProvider<ObservationHandler<?>> observationHandlers) {
		requireCredentials(connectionDetails);
		return builder(properties, beanFactory, connector, webClientBuilder, jsonMapper,
				InteractorObservationRegistries.resolve(observationRegistry, observationHandlers))
			.credentials(connectionDetails.getClientId(), connectionDetails.getClientSecret())
			.accountServerUrl(validUrl(connectionDetails, InvalidInteractorUrlFailureAnalyzer.ACCOUNT_SERVER_URL,
					connectionDetails.getAccountServerUrl()))
			.scopes(properties.getScopes())
			.tokenRequestFormat(properties.getToken().getRequestFormat())
			.refreshBeforeExpiry(properties.getToken().getRefreshBeforeExpiry())
			.buildTokenProvider();
	}

	@Bean
	@Lazy
	@ConditionalOnMissingBean
	ReactiveInteractorClient reactiveInteractorClient(InteractorProperties properties,
			InteractorConnectionDetails connectionDetails, ConfigurableListableBeanFactory beanFactory,
			ObjectProvider<AccessTokenProvider> tokenProvider,
			@Qualifier(CONNECTOR_BEAN_NAME) ObjectProvider<ClientHttpConnector> connector,
			ObjectProvider<WebClient.Builder> webClientBuilder, ObjectProvider<JsonMapper> jsonMapper,
			ObjectProvider<InteractorClientCustomizer> customizers,
			ObjectProvider<ObservationRegistry> observationRegistry,
			ObjectProvider<ObservationHandler<?>> observationHandlers) {
		AccessTokenProvider tokens = tokenProvider.getIfAvailable();
		if (tokens == null) {
			requireCredentials(connectionDetails);
			throw new IllegalStateException("No AccessTokenProvider bean is available: define one, or an "
					+ "InteractorConnectionDetails bean in the application's configuration");
		}
		ReactiveInteractorClient.Builder builder = builder(properties, beanFactory, connector, webClientBuilder,
				jsonMapper, InteractorObservationRegistries.resolve(observationRegistry, observationHandlers))
			.tokenProvider(tokens)
			.coreApiUrl(validUrl(connectionDetails, InvalidInteractorUrlFailureAnalyzer.CORE_API_URL,
					connectionDetails.getCoreApiUrl()));
		customizers.orderedStream().forEach((customizer) -> customizer.customize(builder));
		return builder.build();
	}

	@Bean
	@Lazy
	@ConditionalOnMissingBean
	InteractorClient interactorClient(ReactiveInteractorClient reactiveInteractorClient) {
		return new InteractorClient(reactiveInteractorClient);
	}

	/**
	 * A builder with what the token and Core API calls have in common: transport, retries, JSON, observations. The
	 * connector bean is asked for by the first request, so that the HTTP client it creates does not add to the
	 * start-up; the settings it is built with are checked now.
	 */
	private static ReactiveInteractorClient.Builder builder(InteractorProperties properties,
			ConfigurableListableBeanFactory beanFactory, ObjectProvider<ClientHttpConnector> connector,
			ObjectProvider<WebClient.Builder> webClientBuilder, ObjectProvider<JsonMapper> jsonMapper,
			ObservationRegistry observationRegistry) {
		ReactiveInteractorClient.Builder builder = ReactiveInteractorClient.builder();
		InteractorProperties.Http http = properties.getHttp();
		if (beanFactory.containsBean(CONNECTOR_BEAN_NAME)) {
			if (isAutoConfiguredConnector(beanFactory)) {
				InteractorClientHttpConnectorConfiguration.checkSettings(beanFactory, properties);
			}
			builder.clientConnector(connector::getIfAvailable);
		}
		else {
			requireHttpClientSupport(http);
			// Without spring-boot-http-client: the client's own Reactor Netty connector, shared all the same.
			builder.connectTimeout((http.getConnectTimeout() != null) ? http.getConnectTimeout()
					: InteractorProperties.Http.DEFAULT_CONNECT_TIMEOUT)
				.responseTimeout((http.getResponseTimeout() != null) ? http.getResponseTimeout()
						: InteractorProperties.Http.DEFAULT_RESPONSE_TIMEOUT);
		}
		InteractorProperties.Retry retry = properties.getRetry();
		builder.retryPolicy(new RetryPolicy(retry.getMaxRetries(), retry.getInitialBackoff(), retry.getMaxBackoff(),
					retry.getMaxRetryAfter()));
		// Asked for by the first request too: Spring Boot's builder brings Spring Boot's own connector.
		builder.webClientBuilder(webClientBuilder::getIfAvailable);
		if (observationRegistry != ObservationRegistry.NOOP) {
			builder.observationRegistry(observationRegistry);
		}
		jsonMapper.ifAvailable(builder::jsonMapper);
		return builder;
	}

	/**
	 * Whether the connector bean is the one {@link InteractorClientHttpConnectorConfiguration} defines, not the
	 * application's (then the configuration's class, which needs Spring Boot's HTTP client support, is loadable).
	 */
	private static boolean isAutoConfiguredConnector(ConfigurableListableBeanFactory beanFactory) {
		return beanFactory.containsBeanDefinition(CONNECTOR_BEAN_NAME) && CONNECTOR_CONFIGURATION
			.equals(beanFactory.getBeanDefinition(CONNECTOR_BEAN_NAME).getFactoryBeanName());
	}

	private static void requireHttpClientSupport(InteractorProperties.Http http) {
		if (StringUtils.hasText(http.getSsl().getBundle()) || StringUtils.hasText(http.getProxy().getHost())) {
			throw new IllegalStateException("interactor.http.ssl.bundle and interactor.http.proxy.* need Spring "
					+ "Boot's HTTP client support: add spring-boot-starter-webclient (the Interactor starter brings it)");
		}
	}

	private static void requireCredentials(InteractorConnectionDetails connectionDetails) {
		List<String> missing = new ArrayList<>();
		if (!StringUtils.hasText(connectionDetails.getClientId())) {
			missing.add("interactor.client-id");
		}
		if (!StringUtils.hasText(connectionDetails.getClientSecret())) {
			missing.add("interactor.client-secret");
		}
		if (!missing.isEmpty()) {
			throw new MissingInteractorCredentialsException(missing);
		}
	}

	private static String validUrl(InteractorConnectionDetails connectionDetails, String property, String url) {
		try {
			return BaseUrls.normalize(property, url);
		}
		catch (IllegalArgumentException ex) {
			if (connectionDetails instanceof PropertiesInteractorConnectionDetails) {
				throw new InvalidConfigurationPropertyValueException(property, url,
						"It must be an absolute http(s) URL such as https://core.interactor.com/api/v1.");
			}
			throw new IllegalStateException("The InteractorConnectionDetails bean ("
					+ connectionDetails.getClass().getName() + ") supplies an invalid base URL", ex);
		}
	}

}
