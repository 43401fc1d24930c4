package io.interactor.spring.autoconfigure;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.BooleanSupplier;

import io.interactor.spring.actuate.InteractorClientHealthIndicator;
import io.interactor.spring.actuate.InteractorWebhookHealthIndicator;
import io.interactor.spring.actuate.RedisPing;
import io.interactor.spring.actuate.WebhookComponents;
import io.interactor.spring.client.auth.AccessTokenProvider;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.AnyNestedCondition;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.health.autoconfigure.contributor.ConditionalOnEnabledHealthIndicator;
import org.springframework.boot.health.contributor.CompositeHealthContributor;
import org.springframework.boot.health.contributor.HealthContributor;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Import;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.util.ClassUtils;

/**
 * Auto-configuration of the {@code interactor} health contributor (Spring Boot's {@code spring-boot-health}), with
 * a {@code client} part ({@link InteractorClientHealthIndicator} over the {@link AccessTokenProvider} bean, if any)
 * when the Interactor client is auto-configured (there is an {@link InteractorConnectionDetails} bean) and a
 * {@code webhooks} part ({@link InteractorWebhookHealthIndicator}) when the webhook endpoint is enabled.
 * Disabled with {@code management.health.interactor.enabled=false}.
 * <p>
 * Runs after the client and webhook auto-configurations, whose beans decide which parts exist (the webhook one runs
 * after Spring Boot's Redis auto-configuration), and before Spring Boot's {@code HealthContributorAutoConfiguration},
 * as Spring Boot's own contributors do. The Redis connection factory is looked up when the contributor is created.
 *
 * @since 0.1.0
 */
@AutoConfiguration(after = { InteractorClientAutoConfiguration.class, InteractorWebhookAutoConfiguration.class },
		beforeName = InteractorHealthContributorAutoConfiguration.HEALTH_CONTRIBUTOR_AUTO_CONFIGURATION)
@ConditionalOnClass({ HealthIndicator.class, ConditionalOnEnabledHealthIndicator.class })
@ConditionalOnEnabledHealthIndicator("interactor")
@EnableConfigurationProperties(InteractorProperties.class)
@Import(WebhookComponentsConfiguration.class)
public final class InteractorHealthContributorAutoConfiguration {

	static final String HEALTH_CONTRIBUTOR_AUTO_CONFIGURATION = "org.springframework.boot.health.autoconfigure.contributor.HealthContributorAutoConfiguration";

	private static final boolean REDIS_PRESENT = ClassUtils.isPresent(
			"org.springframework.data.redis.connection.RedisConnectionFactory",
			InteractorHealthContributorAutoConfiguration.class.getClassLoader());

	@Bean
	@ConditionalOnMissingBean(name = "interactorHealthContributor")
	@Conditional(ClientOrWebhooksCondition.class)
	CompositeHealthContributor interactorHealthContributor(InteractorProperties properties,
			ObjectProvider<InteractorConnectionDetails> connectionDetails,
			ObjectProvider<AccessTokenProvider> tokenProvider, ObjectProvider<WebhookComponents> webhookComponents,
			ConfigurableListableBeanFactory beanFactory) {
		Map<String, HealthContributor> parts = new LinkedHashMap<>();
		if (connectionDetails.getIfAvailable() != null) {
			// No AccessTokenProvider bean (no credentials): reported as not configured, nothing is created.
			parts.put("client", new InteractorClientHealthIndicator(tokenProvider::getIfAvailable,
					InteractorClientHealthIndicator.DEFAULT_TIMEOUT, Clock.systemUTC()));
		}
		webhookComponents.ifAvailable((webhooks) -> parts.put("webhooks",
				new InteractorWebhookHealthIndicator(webhooks, redisPing(webhooks, beanFactory))));
		return CompositeHealthContributor.fromMap(parts);
	}

	private static @Nullable BooleanSupplier redisPing(WebhookComponents webhooks,
			ConfigurableListableBeanFactory beanFactory) {
		if (!REDIS_PRESENT || !WebhookComponents.REDIS_STORE.equals(webhooks.storeType())) {
			return null;
		}
		return RedisPingFactory.create(beanFactory);
	}

	/**
	 * Kept apart so that Spring Data Redis classes are only loaded when the Redis store is used.
	 */
	private static final class RedisPingFactory {

		static @Nullable BooleanSupplier create(ConfigurableListableBeanFactory beanFactory) {
			RedisConnectionFactory connectionFactory = beanFactory.getBeanProvider(RedisConnectionFactory.class)
				.getIfAvailable();
			return (connectionFactory != null) ? new RedisPing(connectionFactory) : null;
		}

	}

	static final class ClientOrWebhooksCondition extends AnyNestedCondition {

		ClientOrWebhooksCondition() {
			super(ConfigurationPhase.REGISTER_BEAN);
		}

		@ConditionalOnBean(type = "io.interactor.spring.client.ReactiveInteractorClient")
		static class HasClient {

		}

		@ConditionalOnBean(type = "io.interactor.spring.webhook.dispatch.WebhookDispatcher")
		static class HasWebhooks {

		}

	}

}
