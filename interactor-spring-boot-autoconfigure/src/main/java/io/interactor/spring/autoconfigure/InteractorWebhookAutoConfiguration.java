package io.interactor.spring.autoconfigure;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import io.interactor.spring.webhook.dispatch.InteractorWebhookAnnotationBeanPostProcessor;
import io.interactor.spring.webhook.dispatch.WebhookDispatcher;
import io.interactor.spring.webhook.dispatch.WebhookHandlerRegistry;
import io.interactor.spring.webhook.dispatch.WebhookOutcomeCounts;
import io.interactor.spring.webhook.idempotency.IdempotencyStoreType;
import io.interactor.spring.webhook.idempotency.InMemoryWebhookIdempotencyStore;
import io.interactor.spring.webhook.idempotency.RedisWebhookIdempotencyStore;
import io.interactor.spring.webhook.idempotency.WebhookIdempotencyStore;
import io.interactor.spring.webhook.signature.EnvelopeTimestampPolicy;
import io.interactor.spring.webhook.signature.HmacWebhookSignatureVerifier;
import io.interactor.spring.webhook.signature.WebhookSignatureVerifier;
import io.interactor.spring.webhook.web.WebhookReactiveEndpoint;
import io.interactor.spring.webhook.web.WebhookServletEndpoint;
import io.micrometer.observation.ObservationHandler;
import io.micrometer.observation.ObservationRegistry;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.AnyNestedCondition;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnNotWebApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication.Type;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.http.HttpHeaders;

/**
 * Auto-configuration of the Interactor webhook endpoint: signature verifier, idempotency store (with
 * {@code interactor.webhook.idempotency.store=auto}, the default, Redis when the application has a
 * {@code RedisConnectionFactory}, else in-memory; the choice is logged at startup), {@code @InteractorWebhook}
 * discovery, dispatcher and the
 * {@code RouterFunction} for servlet or reactive applications. Every component backs off when the application defines
 * a bean of its type. Spring Security is configured for the endpoint by
 * {@link InteractorWebhookSecurityAutoConfiguration}.
 * <p>
 * Needs no client credentials. Runs after the Redis auto-configuration so that it sees the application's
 * {@code RedisConnectionFactory}.
 *
 * @since 0.1.0
 */
@AutoConfiguration(afterName = InteractorWebhookAutoConfiguration.DATA_REDIS_AUTO_CONFIGURATION)
@ConditionalOnClass(HttpHeaders.class)
@ConditionalOnBooleanProperty(name = "interactor.webhook.enabled", matchIfMissing = true)
@EnableConfigurationProperties(InteractorProperties.class)
public final class InteractorWebhookAutoConfiguration {

	static final String DATA_REDIS_AUTO_CONFIGURATION = "org.springframework.boot.data.redis.autoconfigure.DataRedisAutoConfiguration";

	static final String STORE_PROPERTY = "interactor.webhook.idempotency.store";

	private static final String REDIS_CONNECTION_FACTORY = "org.springframework.data.redis.connection.RedisConnectionFactory";

	private static final Log logger = LogFactory.getLog(InteractorWebhookAutoConfiguration.class);

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
	@ConditionalOnMissingBean(WebhookSignatureVerifier.class)
	HmacWebhookSignatureVerifier interactorWebhookSignatureVerifier(InteractorProperties properties) {
		InteractorProperties.Webhook webhook = properties.getWebhook();
		// The verifier trims each secret and ignores blank ones, as it does for any caller.
		List<String> secrets = new ArrayList<>();
		if (webhook.getSecret() != null) {
			secrets.add(webhook.getSecret());
		}
		secrets.addAll(webhook.getPreviousSecrets());
		return new HmacWebhookSignatureVerifier(secrets, webhook.getSignatureScheme(), webhook.getTolerance(),
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
			// Only 'redis' can leave the pipeline without a store: 'auto' falls back to memory.
			throw new InvalidConfigurationPropertyValueException(STORE_PROPERTY,
					storeName(webhook.getIdempotency().getStore()),
					"The Redis store needs spring-boot-starter-data-redis and a RedisConnectionFactory bean (configure "
							+ "spring.data.redis.*), or use 'auto' to fall back to the in-memory store, or define a "
							+ "WebhookIdempotencyStore bean.");
		});
		Duration processingTimeout = webhook.getIdempotency().getProcessingTimeout();
		Duration retryAfter = (processingTimeout.compareTo(Duration.ofSeconds(30)) < 0) ? processingTimeout
				: Duration.ofSeconds(30);
		WebhookDispatcher dispatcher = new WebhookDispatcher(verifier, idempotencyStore, registry,
				jsonMapper.getIfAvailable(() -> JsonMapper.builder().build()), webhook.getMaxPayloadSize().toBytes(),
				retryAfter, InteractorObservationRegistries.resolve(observationRegistry, observationHandlers));
		dispatcher.setEnvelopeTimestampPolicy(
				new EnvelopeTimestampPolicy(webhook.getIdempotency().getTtl(), webhook.getTolerance()));
		return dispatcher;
	}

	@Configuration(proxyBeanMethods = false)
	@Conditional(InMemoryIdempotencyStoreCondition.class)
	static class InMemoryIdempotencyStoreConfiguration {

		@Bean
		@ConditionalOnMissingBean(WebhookIdempotencyStore.class)
		InMemoryWebhookIdempotencyStore interactorWebhookIdempotencyStore(InteractorProperties properties) {
			InteractorProperties.Webhook.Idempotency idempotency = properties.getWebhook().getIdempotency();
			logger.info("Interactor webhook idempotency store: memory, correct for a single instance only (a "
					+ "redelivery reaching another instance is processed again), because " + STORE_PROPERTY + "="
					+ storeName(idempotency.getStore()) + ((idempotency.getStore() == IdempotencyStoreType.AUTO)
							? " and the application has no RedisConnectionFactory bean" : ""));
			return new InMemoryWebhookIdempotencyStore(idempotency.getMaxEntries(), idempotency.getProcessingTimeout(),
					idempotency.getTtl(), Clock.systemUTC());
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(StringRedisTemplate.class)
	@Conditional(RedisIdempotencyStoreCondition.class)
	static class RedisIdempotencyStoreConfiguration {

		@Bean
		@ConditionalOnMissingBean(WebhookIdempotencyStore.class)
		@ConditionalOnBean(RedisConnectionFactory.class)
		RedisWebhookIdempotencyStore interactorWebhookIdempotencyStore(RedisConnectionFactory connectionFactory,
				InteractorProperties properties) {
			InteractorProperties.Webhook.Idempotency idempotency = properties.getWebhook().getIdempotency();
			logger.info("Interactor webhook idempotency store: redis, shared by every instance, because "
					+ STORE_PROPERTY + "=" + storeName(idempotency.getStore())
					+ ((idempotency.getStore() == IdempotencyStoreType.AUTO)
							? " and the application has a RedisConnectionFactory bean" : ""));
			return new RedisWebhookIdempotencyStore(new StringRedisTemplate(connectionFactory),
					idempotency.getKeyPrefix(), idempotency.getProcessingTimeout(), idempotency.getTtl());
		}

	}

	/**
	 * The in-memory store: forced with {@code memory}, or chosen by {@code auto} (the default) when the application
	 * has no {@code RedisConnectionFactory} (named by type, as Spring Data Redis is optional).
	 */
	static class InMemoryIdempotencyStoreCondition extends AnyNestedCondition {

		InMemoryIdempotencyStoreCondition() {
			super(ConfigurationPhase.REGISTER_BEAN);
		}

		@ConditionalOnProperty(name = STORE_PROPERTY, havingValue = "memory")
		static class Forced {

		}

		@ConditionalOnProperty(name = STORE_PROPERTY, havingValue = "auto", matchIfMissing = true)
		@ConditionalOnMissingBean(type = REDIS_CONNECTION_FACTORY)
		static class AutoWithoutRedis {

		}

	}

	/**
	 * The Redis store: forced with {@code redis}, or chosen by {@code auto} (the default) when the application has a
	 * {@code RedisConnectionFactory}.
	 */
	static class RedisIdempotencyStoreCondition extends AnyNestedCondition {

		RedisIdempotencyStoreCondition() {
			super(ConfigurationPhase.REGISTER_BEAN);
		}

		@ConditionalOnProperty(name = STORE_PROPERTY, havingValue = "redis")
		static class Forced {

		}

		@ConditionalOnProperty(name = STORE_PROPERTY, havingValue = "auto", matchIfMissing = true)
		@ConditionalOnBean(type = REDIS_CONNECTION_FACTORY)
		static class AutoWithRedis {

		}

	}

	/**
	 * Handlers in a non-web application would never receive a delivery: the start fails instead of the application
	 * exiting silently (see {@link NonWebApplicationWebhookCheck}).
	 */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnNotWebApplication
	@ConditionalOnBooleanProperty(name = "interactor.webhook.require-web-application", matchIfMissing = true)
	static class NonWebApplicationConfiguration {

		@Bean
		NonWebApplicationWebhookCheck interactorNonWebApplicationWebhookCheck(
				ObjectProvider<WebhookHandlerRegistry> registry) {
			return new NonWebApplicationWebhookCheck(registry);
		}

	}

	private static String storeName(IdempotencyStoreType type) {
		return type.name().toLowerCase(Locale.ROOT);
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

}
