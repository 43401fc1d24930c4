package io.interactor.spring.webhook.dispatch;

import java.time.Duration;
import java.util.UUID;

import io.interactor.spring.autoconfigure.InteractorWebhookAutoConfiguration;
import io.interactor.spring.test.Deliveries;
import io.interactor.spring.test.EnabledIfRedis;
import io.interactor.spring.test.RedisCondition;
import io.interactor.spring.test.TcpProxy;
import io.interactor.spring.webhook.dispatch.AbstractConcurrentDeliveryTests.FirstHandler;
import io.interactor.spring.webhook.dispatch.AbstractConcurrentDeliveryTests.Recorder;
import io.interactor.spring.webhook.dispatch.AbstractConcurrentDeliveryTests.SecondHandler;
import io.interactor.spring.webhook.dispatch.AbstractConcurrentDeliveryTests.ThirdHandler;
import io.interactor.spring.webhook.dispatch.WebhookOutcome.Result;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.data.redis.autoconfigure.DataRedisAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static io.interactor.spring.webhook.dispatch.AbstractConcurrentDeliveryTests.deliver;
import static io.interactor.spring.webhook.dispatch.AbstractConcurrentDeliveryTests.delivery;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two instances sharing Redis: a claim that Redis going away left in doubt on one instance is settled in the
 * background as soon as Redis is back, although no further delivery reaches that instance, so the redelivery that
 * reaches the other instance is processed instead of waiting for the processing timeout.
 */
@EnabledIfRedis
class RedisBackgroundSettlingTests {

	private final String prefix = "interactor:webhook:test:" + UUID.randomUUID() + ":";

	private ApplicationContextRunner instance(String host, int port, Recorder recorder) {
		return new ApplicationContextRunner()
			.withConfiguration(
					AutoConfigurations.of(InteractorWebhookAutoConfiguration.class, DataRedisAutoConfiguration.class))
			.withBean(Recorder.class, () -> recorder)
			.withUserConfiguration(FirstHandler.class, SecondHandler.class, ThirdHandler.class)
			// a processing timeout far longer than the test: only settling can free the claim
			.withPropertyValues("interactor.webhook.secret=" + Deliveries.SECRET,
					"interactor.webhook.idempotency.store=redis", "interactor.webhook.idempotency.key-prefix=" + this.prefix,
					"interactor.webhook.idempotency.processing-timeout=30m", "spring.data.redis.host=" + host,
					"spring.data.redis.port=" + port, "spring.data.redis.timeout=1s",
					"spring.data.redis.connect-timeout=1s");
	}

	@Test
	void claimLeftInDoubtOnOneInstanceIsSettledInTheBackgroundSoTheOtherInstanceProcessesTheRedelivery()
			throws Exception {
		try (TcpProxy proxy = new TcpProxy(RedisCondition.host(), RedisCondition.port())) {
			// Redis goes away from instance A right after the second handler's side effect
			Recorder onA = new Recorder().afterCompletion("second", proxy::stop);
			Recorder onB = new Recorder();
			instance("127.0.0.1", proxy.getPort(), onA).run((a) -> instance(RedisCondition.host(),
					RedisCondition.port(), onB)
				.run((b) -> {
					WebhookDispatcher instanceA = a.getBean(WebhookDispatcher.class);
					WebhookDispatcher instanceB = b.getBean(WebhookDispatcher.class);
					String body = delivery();
					assertThat(deliver(instanceA, body).result()).isEqualTo(Result.STORE_UNAVAILABLE);
					assertThat(onA.calls).containsExactly("first", "second");
					// A could neither record the second completion nor release its claim
					assertThat(instanceA.unsettledClaims()).isOne();
					assertThat(instanceA.isSettlingInBackground()).isTrue();
					assertThat(deliver(instanceB, body).result()).isEqualTo(Result.DUPLICATE_IN_PROGRESS);

					proxy.start();
					// no delivery reaches A from here on
					await().atMost(Duration.ofSeconds(60))
						.pollInterval(Duration.ofMillis(100))
						.until(() -> instanceA.unsettledClaims() == 0);
					WebhookOutcome redelivered = deliver(instanceB, body);
					assertThat(redelivered.result()).isEqualTo(Result.PROCESSED);
					// A's unrecorded completion was recorded when it settled: B ran only the handler that never ran
					assertThat(onB.calls).containsExactly("third");
					assertThat(onA.calls).containsExactly("first", "second");
					assertThat(deliver(instanceB, body).result()).isEqualTo(Result.DUPLICATE);
					await().atMost(Duration.ofSeconds(30)).until(() -> !instanceA.isSettlingInBackground());
				}));
		}
	}

}
