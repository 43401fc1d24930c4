package io.interactor.spring.autoconfigure;

import java.util.ArrayList;
import java.util.List;

import io.interactor.spring.client.InteractorClient;
import io.interactor.spring.client.ReactiveInteractorClient;
import io.interactor.spring.client.auth.AccessTokenProvider;
import io.interactor.spring.client.core.BaseUrls;
import io.interactor.spring.client.http.RetryPolicy;
import io.micrometer.observation.ObservationHandler;
import io.micrometer.observation.ObservationRegistry;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Lazy;
import org.springframework.util.StringUtils;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * Auto-configuration of the {@link ReactiveInteractorClient} and {@link InteractorClient} beans.
 * <p>
 * Both beans are lazy: an application that never injects them (one that only receives webhooks) starts without
 * credentials, while one that injects them without credentials fails at startup with
 * {@link MissingInteractorCredentialsException}. Spring Boot's {@link WebClient.Builder} is used when present
 * (cloned, so its customisations apply without being changed), and the application's {@link JsonMapper}.
 * <p>
 * The client reports through the context's {@link ObservationRegistry} ({@code interactor.client.*} observations, and
 * {@code http.client.requests} with trace propagation), set on the client directly so that they do not depend on
 * {@code spring-boot-webclient}. Without a registry bean it reports to a registry of its own holding the
 * {@link ObservationHandler} beans, such as the one recording the {@code interactor.*} meters (see
 * {@link InteractorMetricsAutoConfiguration}).
 */
@AutoConfiguration(afterName = { "org.springframework.boot.webclient.autoconfigure.WebClientAutoConfiguration",
		"org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration" })
@ConditionalOnClass(WebClient.class)
@EnableConfigurationProperties(InteractorProperties.class)
public final class InteractorClientAutoConfiguration {

	@Bean
	@Lazy
	@ConditionalOnMissingBean
	ReactiveInteractorClient reactiveInteractorClient(InteractorProperties properties,
			ObjectProvider<WebClient.Builder> webClientBuilder, ObjectProvider<JsonMapper> jsonMapper,
			ObjectProvider<AccessTokenProvider> tokenProvider, ObjectProvider<InteractorClientCustomizer> customizers,
			ObjectProvider<ObservationRegistry> observationRegistry,
			ObjectProvider<ObservationHandler<?>> observationHandlers) {
		ReactiveInteractorClient.Builder builder = ReactiveInteractorClient.builder();
		AccessTokenProvider customTokenProvider = tokenProvider.getIfAvailable();
		if (customTokenProvider != null) {
			builder.tokenProvider(customTokenProvider);
		}
		else {
			requireCredentials(properties);
			builder.credentials(properties.getClientId(), properties.getClientSecret())
				.accountServerUrl(validUrl("interactor.account-server-url", properties.determineAccountServerUrl()));
		}
		InteractorProperties.Retry retry = properties.getRetry();
		builder.scopes(properties.getScopes())
			.coreApiUrl(validUrl("interactor.core-api-url", properties.determineCoreApiUrl()))
			.tokenRequestFormat(properties.getToken().getRequestFormat())
			.refreshBeforeExpiry(properties.getToken().getRefreshBeforeExpiry())
			.connectTimeout(properties.getHttp().getConnectTimeout())
			.responseTimeout(properties.getHttp().getResponseTimeout())
			.retryPolicy(new RetryPolicy(retry.getMaxRetries(), retry.getInitialBackoff(), retry.getMaxBackoff(),
					retry.getMaxRetryAfter()));
		WebClient.Builder bootWebClientBuilder = webClientBuilder.getIfAvailable();
		if (bootWebClientBuilder != null) {
			builder.webClientBuilder(bootWebClientBuilder);
		}
		ObservationRegistry registry = InteractorObservationRegistries.resolve(observationRegistry,
				observationHandlers);
		if (registry != ObservationRegistry.NOOP) {
			builder.observationRegistry(registry);
		}
		jsonMapper.ifAvailable(builder::jsonMapper);
		customizers.orderedStream().forEach((customizer) -> customizer.customize(builder));
		return builder.build();
	}

	@Bean
	@Lazy
	@ConditionalOnMissingBean
	InteractorClient interactorClient(ReactiveInteractorClient reactiveInteractorClient) {
		return new InteractorClient(reactiveInteractorClient);
	}

	private static void requireCredentials(InteractorProperties properties) {
		List<String> missing = new ArrayList<>();
		if (!StringUtils.hasText(properties.getClientId())) {
			missing.add("interactor.client-id");
		}
		if (!StringUtils.hasText(properties.getClientSecret())) {
			missing.add("interactor.client-secret");
		}
		if (!missing.isEmpty()) {
			throw new MissingInteractorCredentialsException(missing);
		}
	}

	private static String validUrl(String property, String url) {
		try {
			return BaseUrls.normalize(property, url);
		}
		catch (IllegalArgumentException ex) {
			throw new InvalidConfigurationPropertyValueException(property, url,
					"It must be an absolute http(s) URL such as https://core.interactor.com/api/v1.");
		}
	}

}
