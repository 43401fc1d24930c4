package io.interactor.spring.webhook.dispatch;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import io.interactor.spring.test.Deliveries;
import io.interactor.spring.webhook.InteractorEvents;
import io.interactor.spring.webhook.InteractorWebhook;
import io.interactor.spring.webhook.RoomMessageData;
import io.interactor.spring.webhook.dispatch.WebhookOutcome.Result;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Concurrent and overlapping deliveries of one event, for each idempotency store.
 */
abstract class AbstractConcurrentDeliveryTests {

	protected abstract ApplicationContextRunner runner();

	@Test
	void fiftyConcurrentDeliveriesInvokeTheHandlerExactlyOnce() {
		runner().withUserConfiguration(CountingHandler.class).run((context) -> {
			WebhookDispatcher dispatcher = context.getBean(WebhookDispatcher.class);
			String body = Deliveries.body(InteractorEvents.ROOM_MESSAGE_CREATED, "evt_" + UUID.randomUUID(),
					"{\"content\":\"hi\"}");
			int deliveries = 50;
			ExecutorService executor = Executors.newFixedThreadPool(deliveries);
			try {
				CountDownLatch start = new CountDownLatch(1);
				List<Future<WebhookOutcome>> outcomes = new ArrayList<>();
				for (int i = 0; i < deliveries; i++) {
					// every attempt is signed separately, like real redeliveries
					org.springframework.http.HttpHeaders headers = Deliveries.sign(body);
					outcomes.add(executor.submit(() -> {
						start.await();
						return dispatcher.dispatch(headers, Deliveries.bytes(body));
					}));
				}
				start.countDown();
				int processed = 0;
				for (Future<WebhookOutcome> outcome : outcomes) {
					Result result = outcome.get(60, TimeUnit.SECONDS).result();
					assertThat(result).isIn(Result.PROCESSED, Result.DUPLICATE, Result.DUPLICATE_IN_PROGRESS);
					if (result == Result.PROCESSED) {
						processed++;
					}
				}
				assertThat(processed).isEqualTo(1);
				assertThat(context.getBean(CountingHandler.class).invocations).hasValue(1);
			}
			finally {
				executor.shutdownNow();
			}
		});
	}

	@Test
	void duplicateWhileTheFirstIsRunningGets503WithRetryAfter() {
		runner().withUserConfiguration(BlockingHandler.class).run((context) -> {
			WebhookDispatcher dispatcher = context.getBean(WebhookDispatcher.class);
			BlockingHandler handler = context.getBean(BlockingHandler.class);
			String body = Deliveries.body(InteractorEvents.ROOM_MESSAGE_CREATED, "evt_" + UUID.randomUUID(),
					"{\"content\":\"hi\"}");
			ExecutorService executor = Executors.newSingleThreadExecutor();
			try {
				Future<WebhookOutcome> first = executor
					.submit(() -> dispatcher.dispatch(Deliveries.sign(body), Deliveries.bytes(body)));
				await().atMost(Duration.ofSeconds(10)).until(() -> handler.entered.get() == 1);
				WebhookOutcome second = dispatcher.dispatch(Deliveries.sign(body), Deliveries.bytes(body));
				assertThat(second.status()).isEqualTo(503);
				assertThat(second.retryAfterSeconds()).isPositive();
				assertThat(second.body()).contains("\"error\":\"duplicate\"");
				handler.release.countDown();
				assertThat(first.get(10, TimeUnit.SECONDS).result()).isEqualTo(Result.PROCESSED);
				WebhookOutcome third = dispatcher.dispatch(Deliveries.sign(body), Deliveries.bytes(body));
				assertThat(third.result()).isEqualTo(Result.DUPLICATE);
				assertThat(third.status()).isEqualTo(200);
				assertThat(handler.entered).hasValue(1);
			}
			finally {
				handler.release.countDown();
				executor.shutdownNow();
			}
		});
	}

	@Configuration(proxyBeanMethods = false)
	static class CountingHandler {

		final AtomicInteger invocations = new AtomicInteger();

		@InteractorWebhook(InteractorEvents.ROOM_MESSAGE_CREATED)
		void handle(RoomMessageData data) {
			this.invocations.incrementAndGet();
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class BlockingHandler {

		final AtomicInteger entered = new AtomicInteger();

		final CountDownLatch release = new CountDownLatch(1);

		@InteractorWebhook(InteractorEvents.ROOM_MESSAGE_CREATED)
		void handle(RoomMessageData data) throws InterruptedException {
			this.entered.incrementAndGet();
			this.release.await(30, TimeUnit.SECONDS);
		}

	}

}
