package io.interactor.spring.autoconfigure;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import io.interactor.spring.webhook.dispatch.InteractorWebhookAnnotationBeanPostProcessor;
import io.interactor.spring.webhook.dispatch.WebhookDispatcher;
import io.interactor.spring.webhook.dispatch.WebhookHandlerRegistry;
import io.interactor.spring.webhook.dispatch.WebhookOutcomeCounts;
import io.interactor.spring.webhook.idempotency.InMemoryWebhookIdempotencyStore;
import io.interactor.spring.webhook.idempotency.RedisWebhookIdempotencyStore;
import io.interactor.spring.webhook.idempotency.WebhookIdempotencyStore;
import io.interactor.spring.webhook.signature.WebhookSignatureVerifier;
import io.interactor.spring.webhook.web.WebhookReactiveEndpoint;
import io.interactor.spring.webhook.web.WebhookServletEndpoint;
import io.micrometer.observation.ObservationHandler;
import io.micrometer.observation.ObservationRegistry;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication.Type;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.context.NoOpServerSecurityContextRepository;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatchers;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;

/**
 * Auto-configuration of the Interactor webhook endpoint: signature verifier, idempotency store (in-memory, or Redis
 * with {@code interactor.webhook.idempotency.store=redis}), {@code @InteractorWebhook} discovery, dispatcher, the
 * {@code RouterFunction} for servlet or reactive applications, and, with Spring Security, a filter chain that lets
 * {@code POST} requests to the webhook path through without CSRF token or login.
 * <p>
 * Needs no client credentials. Runs after the Redis and Spring Security auto-configurations so that it sees the
 * application's {@code RedisConnectionFactory} and so that Spring Boot's default security filter chains are kept
 * (the actuator's management chain runs before the servlet security auto-configuration, so it is covered too).
 */
@AutoConfiguration(afterName = { InteractorWebhookAutoConfiguration.DATA_REDIS_AUTO_CONFIGURATION,
		InteractorWebhookAutoConfiguration.SERVLET_WEB_SECURITY_AUTO_CONFIGURATION,
		InteractorWebhookAutoConfiguration.REACTIVE_WEB_SECURITY_AUTO_CONFIGURATION })
@ConditionalOnClass(HttpHeaders.class)
@ConditionalOnBooleanProperty(name = "interactor.webhook.enabled", matchIfMissing = true)
@EnableConfigurationProperties(InteractorProperties.class)
public final class InteractorWebhookAutoConfiguration {

	static final String DATA_REDIS_AUTO_CONFIGURATION = "org.springframework.boot.data.redis.autoconfigure.DataRedisAutoConfiguration";

	static final String SERVLET_WEB_SECURITY_AUTO_CONFIGURATION = "org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration";

	static final String REACTIVE_WEB_SECURITY_AUTO_CONFIGURATION = "org.springframework.boot.security.autoconfigure.web.reactive.ReactiveWebSecurityAutoConfiguration";

	/** Order of the webhook security filter chain: before application chains that match every request. */
	public static final int SECURITY_FILTER_CHAIN_ORDER = Ordered.HIGHEST_PRECEDENCE + 100;

	@Bean
	static InteractorWebhookAnnotationBeanPostProcessor interactorWebhookAnnotationBeanPostProcessor() {
		return new InteractorWebhookAnnotationBeanPostProcessor();
	}

	@Bean
	@ConditionalOnMissingBean
	WebhookHandlerRegistry interactorWebhookHandlerRegistry() {
		return new WebhookHandlerRegistry();
	}

	@Bean
	@ConditionalOnMissingBean
	WebhookSignatureVerifier interactorWebhookSignatureVerifier(InteractorProperties properties) {
		InteractorProperties.Webhook webhook = properties.getWebhook();
		List<String> secrets = new ArrayList<>();
		if (webhook.getSecret() != null) {
			secrets.add(webhook.getSecret().trim());
		}
		webhook.getPreviousSecrets().forEach((secret) -> secrets.add(secret.trim()));
		return new WebhookSignatureVerifier(secrets, webhook.getSignatureScheme(), webhook.getTolerance(),
				Clock.systemUTC());
	}

	/**
	 * Counts webhook outcomes for the actuator endpoint from the {@code interactor.webhook.delivery} observations:
	 * as an {@link ObservationHandler} bean it is registered with the dispatcher's {@link ObservationRegistry}.
	 */
	@Bean
	@ConditionalOnMissingBean
	WebhookOutcomeCounts interactorWebhookOutcomeCounts() {
		return new WebhookOutcomeCounts();
	}

	@Bean
	@ConditionalOnMissingBean
	WebhookDispatcher interactorWebhookDispatcher(WebhookSignatureVerifier verifier,
			ObjectProvider<WebhookIdempotencyStore> store, WebhookHandlerRegistry registry,
			ObjectProvider<JsonMapper> jsonMapper, InteractorProperties properties,
			ObjectProvider<ObservationRegistry> observationRegistry,
			ObjectProvider<ObservationHandler<?>> observationHandlers) {
		InteractorProperties.Webhook webhook = properties.getWebhook();
		WebhookIdempotencyStore idempotencyStore = store.getIfAvailable(() -> {
			throw new IllegalStateException("No WebhookIdempotencyStore: 'interactor.webhook.idempotency.store="
					+ webhook.getIdempotency().getStore().name().toLowerCase(java.util.Locale.ROOT) + "' needs spring-boot-starter-data-redis"
					+ " and a RedisConnectionFactory (or define a WebhookIdempotencyStore bean)");
		});
		Duration processingTimeout = webhook.getIdempotency().getProcessingTimeout();
		Duration retryAfter = (processingTimeout.compareTo(Duration.ofSeconds(30)) < 0) ? processingTimeout
				: Duration.ofSeconds(30);
		return new WebhookDispatcher(verifier, idempotencyStore, registry,
				jsonMapper.getIfAvailable(() -> JsonMapper.builder().build()), webhook.getMaxPayloadSize().toBytes(),
				retryAfter, InteractorObservationRegistries.resolve(observationRegistry, observationHandlers));
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnProperty(name = "interactor.webhook.idempotency.store", havingValue = "memory", matchIfMissing = true)
	static class InMemoryIdempotencyStoreConfiguration {

		@Bean
		@ConditionalOnMissingBean(WebhookIdempotencyStore.class)
		InMemoryWebhookIdempotencyStore interactorWebhookIdempotencyStore(InteractorProperties properties) {
			InteractorProperties.Webhook.Idempotency idempotency = properties.getWebhook().getIdempotency();
			return new InMemoryWebhookIdempotencyStore(idempotency.getMaxEntries(), idempotency.getProcessingTimeout(),
					idempotency.getTtl(), Clock.systemUTC());
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(StringRedisTemplate.class)
	@ConditionalOnProperty(name = "interactor.webhook.idempotency.store", havingValue = "redis")
	static class RedisIdempotencyStoreConfiguration {

		@Bean
		@ConditionalOnMissingBean(WebhookIdempotencyStore.class)
		@ConditionalOnBean(RedisConnectionFactory.class)
		RedisWebhookIdempotencyStore interactorWebhookIdempotencyStore(RedisConnectionFactory connectionFactory,
				InteractorProperties properties) {
			InteractorProperties.Webhook.Idempotency idempotency = properties.getWebhook().getIdempotency();
			return new RedisWebhookIdempotencyStore(new StringRedisTemplate(connectionFactory),
					idempotency.getKeyPrefix(), idempotency.getProcessingTimeout(), idempotency.getTtl());
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnWebApplication(type = Type.SERVLET)
	@ConditionalOnClass(org.springframework.web.servlet.function.RouterFunction.class)
	static class ServletEndpointConfiguration {

		@Bean
		@ConditionalOnMissingBean(name = "interactorWebhookRouterFunction")
		org.springframework.web.servlet.function.RouterFunction<org.springframework.web.servlet.function.ServerResponse> interactorWebhookRouterFunction(
				WebhookDispatcher dispatcher, InteractorProperties properties) {
			return new WebhookServletEndpoint(properties.getWebhook().getPath(), dispatcher).routerFunction();
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnWebApplication(type = Type.REACTIVE)
	@ConditionalOnClass(org.springframework.web.reactive.function.server.RouterFunction.class)
	static class ReactiveEndpointConfiguration {

		@Bean
		@ConditionalOnMissingBean(name = "interactorWebhookRouterFunction")
		org.springframework.web.reactive.function.server.RouterFunction<org.springframework.web.reactive.function.server.ServerResponse> interactorWebhookRouterFunction(
				WebhookDispatcher dispatcher, InteractorProperties properties) {
			return new WebhookReactiveEndpoint(properties.getWebhook().getPath(), dispatcher).routerFunction();
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnWebApplication(type = Type.SERVLET)
	@ConditionalOnClass({ SecurityFilterChain.class, HttpSecurity.class, PathPatternRequestMatcher.class })
	@ConditionalOnBean(HttpSecurity.class)
	@ConditionalOnBooleanProperty(name = "interactor.webhook.security.permit-path", matchIfMissing = true)
	static class ServletSecurityConfiguration {

		@Bean
		@Order(SECURITY_FILTER_CHAIN_ORDER)
		@ConditionalOnMissingBean(name = "interactorWebhookSecurityFilterChain")
		SecurityFilterChain interactorWebhookSecurityFilterChain(HttpSecurity http,
				ObjectProvider<PathPatternRequestMatcher.Builder> matcherBuilder, InteractorProperties properties)
				throws Exception {
			PathPatternRequestMatcher.Builder builder = matcherBuilder
				.getIfAvailable(PathPatternRequestMatcher::withDefaults);
			http.securityMatcher(builder.matcher(HttpMethod.POST, properties.getWebhook().getPath()))
				.authorizeHttpRequests((requests) -> requests.anyRequest().permitAll())
				.csrf(AbstractHttpConfigurer::disable)
				.requestCache(AbstractHttpConfigurer::disable)
				.sessionManagement((session) -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS));
			return http.build();
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnWebApplication(type = Type.REACTIVE)
	@ConditionalOnClass({ SecurityWebFilterChain.class, ServerHttpSecurity.class })
	@ConditionalOnBean(ServerHttpSecurity.class)
	@ConditionalOnBooleanProperty(name = "interactor.webhook.security.permit-path", matchIfMissing = true)
	static class ReactiveSecurityConfiguration {

		/**
		 * Spring Security applies its default WebFlux chain only while no {@link SecurityWebFilterChain} bean exists,
		 * so adding the webhook chain alone would leave every other path open. When the application defines no chain
		 * of its own, this one takes the default's place (every exchange authenticated, HTTP Basic and form login).
		 * It must stay declared before the webhook chain: conditions are evaluated in declaration order.
		 */
		@Bean
		@Order(Ordered.LOWEST_PRECEDENCE)
		@ConditionalOnMissingBean(SecurityWebFilterChain.class)
		SecurityWebFilterChain interactorDefaultSecurityWebFilterChain(ServerHttpSecurity http) {
			return http.authorizeExchange((exchanges) -> exchanges.anyExchange().authenticated())
				.httpBasic(Customizer.withDefaults())
				.formLogin(Customizer.withDefaults())
				.build();
		}

		@Bean
		@Order(SECURITY_FILTER_CHAIN_ORDER)
		@ConditionalOnMissingBean(name = "interactorWebhookSecurityWebFilterChain")
		SecurityWebFilterChain interactorWebhookSecurityWebFilterChain(ServerHttpSecurity http,
				InteractorProperties properties) {
			return http
				.securityMatcher(ServerWebExchangeMatchers.pathMatchers(HttpMethod.POST,
						properties.getWebhook().getPath()))
				.authorizeExchange((exchanges) -> exchanges.anyExchange().permitAll())
				.csrf(ServerHttpSecurity.CsrfSpec::disable)
				.requestCache(ServerHttpSecurity.RequestCacheSpec::disable)
				.securityContextRepository(NoOpServerSecurityContextRepository.getInstance())
				.build();
		}

	}

}
