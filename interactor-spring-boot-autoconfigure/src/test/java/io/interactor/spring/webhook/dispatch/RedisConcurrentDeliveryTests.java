package io.interactor.spring.webhook.dispatch;

import java.time.Duration;
import java.util.UUID;

import io.interactor.spring.autoconfigure.InteractorWebhookAutoConfiguration;
import io.interactor.spring.test.Deliveries;
import io.interactor.spring.test.EnabledIfRedis;
import io.interactor.spring.test.RedisCondition;
import io.interactor.spring.test.TcpProxy;
import io.interactor.spring.webhook.InteractorEvents;
import io.interactor.spring.webhook.dispatch.WebhookOutcome.Result;
import io.interactor.spring.webhook.idempotency.RedisWebhookIdempotencyStore;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.data.redis.autoconfigure.DataRedisAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@EnabledIfRedis
class RedisConcurrentDeliveryTests extends AbstractConcurrentDeliveryTests {

	private final String prefix = "interactor:webhook:test:" + UUID.randomUUID() + ":";

	@BeforeEach
	void usesTheRedisStore() {
		runner().run((context) -> assertThat(context).hasSingleBean(RedisWebhookIdempotencyStore.class));
	}

	@Override
	protected ApplicationContextRunner runner() {
		return runner(RedisCondition.host(), RedisCondition.port());
	}

	@Override
	protected ApplicationContextRunner restartableRunner() {
		// every context shares the key prefix, like instances of one application
		return runner();
	}

	private ApplicationContextRunner runner(String host, int port) {
		return new ApplicationContextRunner()
			.withConfiguration(
					AutoConfigurations.of(InteractorWebhookAutoConfiguration.class, DataRedisAutoConfiguration.class))
			.withPropertyValues("interactor.webhook.secret=" + Deliveries.SECRET,
					"interactor.webhook.idempotency.store=redis", "interactor.webhook.idempotency.key-prefix=" + this.prefix,
					"spring.data.redis.host=" + host, "spring.data.redis.port=" + port, "spring.data.redis.timeout=1s",
					"spring.data.redis.connect-timeout=1s");
	}

	@Test
	void redisFailingBetweenHandlerCompletionsFailsClosed() throws Exception {
		try (TcpProxy proxy = new TcpProxy(RedisCondition.host(), RedisCondition.port())) {
			// Redis goes away right after the second handler's side effect, before its completion is recorded
			Recorder recorder = new Recorder().afterCompletion("second", proxy::stop);
			runner("127.0.0.1", proxy.getPort())
				// short claims: the failed delivery cannot release its own while Redis is away
				.withPropertyValues("interactor.webhook.idempotency.processing-timeout=2s")
				.withBean(Recorder.class, () -> recorder)
				.withUserConfiguration(FirstHandler.class, SecondHandler.class, ThirdHandler.class)
				.run((context) -> {
					WebhookDispatcher dispatcher = context.getBean(WebhookDispatcher.class);
					String body = delivery();
					WebhookOutcome down = deliver(dispatcher, body);
					assertThat(down.status()).isEqualTo(503);
					assertThat(down.result()).isEqualTo(Result.STORE_UNAVAILABLE);
					assertThat(down.retryAfterSeconds()).isPositive();
					assertThat(recorder.calls).containsExactly("first", "second");

					proxy.start();
					await().atMost(Duration.ofSeconds(60))
						.pollInterval(Duration.ofMillis(200))
						.until(() -> deliver(dispatcher, body).result() == Result.PROCESSED);
					// the recorded completion held, and the one Redis missed was recorded once it answered again,
					// before the redelivery claimed the key: no handler ran twice
					assertThat(recorder.calls).containsExactly("first", "second", "third");
					assertThat(deliver(dispatcher, body).result()).isEqualTo(Result.DUPLICATE);
				});
		}
	}

	@Test
	void redisDownFailsClosedAndProcessingResumesWhenItIsBack() throws Exception {
		try (TcpProxy proxy = new TcpProxy(RedisCondition.host(), RedisCondition.port())) {
			runner("127.0.0.1", proxy.getPort()).withUserConfiguration(CountingHandler.class).run((context) -> {
				WebhookDispatcher dispatcher = context.getBean(WebhookDispatcher.class);
				CountingHandler handler = context.getBean(CountingHandler.class);
				String before = Deliveries.body(InteractorEvents.ROOM_MESSAGE_CREATED);
				assertThat(dispatcher.dispatch(Deliveries.sign(before), Deliveries.bytes(before)).result())
					.isEqualTo(Result.PROCESSED);
				assertThat(handler.invocations).hasValue(1);

				proxy.stop();
				String during = Deliveries.body(InteractorEvents.ROOM_MESSAGE_CREATED);
				WebhookOutcome down = dispatcher.dispatch(Deliveries.sign(during), Deliveries.bytes(during));
				assertThat(down.status()).isEqualTo(503);
				assertThat(down.result()).isEqualTo(Result.STORE_UNAVAILABLE);
				assertThat(down.retryAfterSeconds()).isPositive();
				assertThat(handler.invocations).hasValue(1);

				proxy.start();
				await().atMost(Duration.ofSeconds(60))
					.pollInterval(Duration.ofMillis(200))
					.until(() -> dispatcher.dispatch(Deliveries.sign(during), Deliveries.bytes(during))
						.result() == Result.PROCESSED);
				assertThat(handler.invocations).hasValue(2);
				assertThat(dispatcher.dispatch(Deliveries.sign(during), Deliveries.bytes(during)).result())
					.isEqualTo(Result.DUPLICATE);
			});
		}
	}

}
