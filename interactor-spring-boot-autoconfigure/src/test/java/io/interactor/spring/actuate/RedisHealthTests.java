package io.interactor.spring.actuate;

import io.interactor.spring.autoconfigure.InteractorEndpointAutoConfiguration;
import io.interactor.spring.autoconfigure.InteractorHealthContributorAutoConfiguration;
import io.interactor.spring.autoconfigure.InteractorWebhookAutoConfiguration;
import io.interactor.spring.test.Deliveries;
import io.interactor.spring.test.EnabledIfRedis;
import io.interactor.spring.test.RedisCondition;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.data.redis.autoconfigure.DataRedisAutoConfiguration;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.data.redis.connection.RedisConnectionFactory;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The webhook part of the {@code interactor} health with the Redis idempotency store on a real Redis.
 */
@EnabledIfRedis
class RedisHealthTests {

	@Test
	void redisStoreReachableIsReportedUp() {
		new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(InteractorWebhookAutoConfiguration.class,
					InteractorHealthContributorAutoConfiguration.class))
			.withPropertyValues("interactor.webhook.secret=" + Deliveries.SECRET,
					"interactor.webhook.idempotency.store=redis")
			.withBean(RedisConnectionFactory.class,
					() -> RedisFactories.lettuce(RedisCondition.host(), RedisCondition.port()))
			.run((context) -> {
				Health webhooks = InteractorHealthTests.part(context, "webhooks");
				assertThat(webhooks.getStatus()).isEqualTo(Status.UP);
				assertThat(webhooks.getDetails()).containsEntry("idempotencyStore", "redis")
					.containsEntry("redisReachable", true)
					.containsEntry("handlerCount", 0);
			});
	}

	@Test
	void automaticStoreChoiceIsReportedAsTheStoreInUse() {
		new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(InteractorWebhookAutoConfiguration.class,
					DataRedisAutoConfiguration.class, InteractorHealthContributorAutoConfiguration.class,
					InteractorEndpointAutoConfiguration.class))
			.withPropertyValues("interactor.webhook.secret=" + Deliveries.SECRET,
					"management.endpoints.web.exposure.include=interactor",
					"spring.data.redis.host=" + RedisCondition.host(), "spring.data.redis.port=" + RedisCondition.port())
			.run((context) -> {
				// the property is 'auto' (its default); health and the endpoint show what it resolved to
				assertThat(InteractorHealthTests.part(context, "webhooks").getDetails())
					.containsEntry("idempotencyStore", "redis")
					.containsEntry("redisReachable", true);
				assertThat(context.getBean(InteractorEndpoint.class).interactor().webhooks().idempotencyStore())
					.isEqualTo("redis");
			});
	}

}
