package io.interactor.spring.webhook.dispatch;

import java.util.UUID;

import io.interactor.spring.autoconfigure.InteractorWebhookAutoConfiguration;
import io.interactor.spring.test.Deliveries;
import io.interactor.spring.test.EnabledIfRedis;
import io.interactor.spring.test.RedisCondition;
import io.interactor.spring.webhook.InteractorEvents;
import io.interactor.spring.webhook.dispatch.AbstractConcurrentDeliveryTests.CountingHandler;
import io.interactor.spring.webhook.dispatch.WebhookOutcome.Result;
import io.interactor.spring.webhook.idempotency.RedisWebhookIdempotencyStore;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.data.redis.autoconfigure.DataRedisAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two instances of an application with Spring Data Redis and default settings: a redelivery reaching the other
 * instance is recognised, because the default store ('auto') is Redis once a connection factory exists.
 */
@EnabledIfRedis
class RedisMultiInstanceDeliveryTests {

	private final String prefix = "interactor:webhook:test:" + UUID.randomUUID() + ":";

	private final ApplicationContextRunner instance = new ApplicationContextRunner()
		.withConfiguration(
				AutoConfigurations.of(InteractorWebhookAutoConfiguration.class, DataRedisAutoConfiguration.class))
		.withUserConfiguration(CountingHandler.class)
		// no interactor.webhook.idempotency.store: the default applies
		.withPropertyValues("interactor.webhook.secret=" + Deliveries.SECRET,
				"interactor.webhook.idempotency.key-prefix=" + this.prefix, "spring.data.redis.host=" + RedisCondition.host(),
				"spring.data.redis.port=" + RedisCondition.port(), "spring.data.redis.timeout=2s");

	@Test
	void redeliveryToAnotherInstanceIsADuplicateByDefault() {
		String body = Deliveries.body(InteractorEvents.ROOM_MESSAGE_CREATED);
		this.instance.run((first) -> this.instance.run((second) -> {
			assertThat(first).hasSingleBean(RedisWebhookIdempotencyStore.class);
			assertThat(second).hasSingleBean(RedisWebhookIdempotencyStore.class);
			WebhookOutcome processed = first.getBean(WebhookDispatcher.class)
				.dispatch(Deliveries.sign(body), Deliveries.bytes(body));
			assertThat(processed.result()).isEqualTo(Result.PROCESSED);
			// the platform retries, and the load balancer sends the retry to the other instance
			WebhookOutcome redelivered = second.getBean(WebhookDispatcher.class)
				.dispatch(Deliveries.sign(body), Deliveries.bytes(body));
			assertThat(redelivered.result()).isEqualTo(Result.DUPLICATE);
			assertThat(redelivered.status()).isEqualTo(200);
			assertThat(first.getBean(CountingHandler.class).invocations).hasValue(1);
			assertThat(second.getBean(CountingHandler.class).invocations).hasValue(0);
		}));
	}

}
