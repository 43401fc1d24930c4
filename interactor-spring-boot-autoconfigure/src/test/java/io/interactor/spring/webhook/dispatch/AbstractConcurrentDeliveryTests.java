package io.interactor.spring.webhook.dispatch;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
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
import org.springframework.core.annotation.Order;

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

	/**
	 * A runner for an application whose idempotency state outlives its context, like a restarted or redeployed
	 * instance: every context it starts sees the same store.
	 * @return the runner
	 */
	protected abstract ApplicationContextRunner restartableRunner();

	static WebhookOutcome deliver(WebhookDispatcher dispatcher, String body) {
		// every attempt is signed separately, like a real redelivery
		return dispatcher.dispatch(Deliveries.sign(body), Deliveries.bytes(body));
	}

	static String delivery() {
		return Deliveries.body(InteractorEvents.ROOM_MESSAGE_CREATED, "evt_" + UUID.randomUUID(),
				"{\"content\":\"hi\"}");
	}

	@Test
	void redeliveryAfterAPartialFailureRunsOnlyTheHandlerThatFailed() {
		Recorder recorder = new Recorder().failing("second", 1);
		runner().withBean(Recorder.class, () -> recorder)
			.withUserConfiguration(FirstHandler.class, SecondHandler.class)
			.run((context) -> {
				WebhookDispatcher dispatcher = context.getBean(WebhookDispatcher.class);
				String body = delivery();
				WebhookOutcome first = deliver(dispatcher, body);
				assertThat(first.status()).isEqualTo(500);
				assertThat(recorder.completions("first")).isOne();
				assertThat(recorder.attempts("second")).isOne();
				assertThat(recorder.completions("second")).isZero();

				WebhookOutcome redelivery = deliver(dispatcher, body);
				assertThat(redelivery.status()).isEqualTo(200);
				assertThat(redelivery.result()).isEqualTo(Result.PROCESSED);
				assertThat(recorder.attempts("first")).isOne();
				assertThat(recorder.attempts("second")).isEqualTo(2);
				assertThat(recorder.completions("second")).isOne();

				assertThat(deliver(dispatcher, body).result()).isEqualTo(Result.DUPLICATE);
				assertThat(recorder.attempts("first")).isOne();
				assertThat(recorder.attempts("second")).isEqualTo(2);
			});
	}

	@Test
	void middleOfThreeHandlersFailingTwiceRunsTheOthersOnce() {
		Recorder recorder = new Recorder().failing("second", 2);
		runner().withBean(Recorder.class, () -> recorder)
			.withUserConfiguration(FirstHandler.class, SecondHandler.class, ThirdHandler.class)
			.run((context) -> {
				WebhookDispatcher dispatcher = context.getBean(WebhookDispatcher.class);
				String body = delivery();
				assertThat(deliver(dispatcher, body).status()).isEqualTo(500);
				assertThat(deliver(dispatcher, body).status()).isEqualTo(500);
				assertThat(recorder.attempts("third")).isZero();
				assertThat(deliver(dispatcher, body).result()).isEqualTo(Result.PROCESSED);
				assertThat(deliver(dispatcher, body).result()).isEqualTo(Result.DUPLICATE);
				assertThat(recorder.attempts("first")).isOne();
				assertThat(recorder.attempts("second")).isEqualTo(3);
				assertThat(recorder.completions("second")).isOne();
				assertThat(recorder.attempts("third")).isOne();
				assertThat(recorder.calls).containsExactly("first", "second", "second", "second", "third");
			});
	}

	@Test
	void racingRedeliveriesRunEachHandlerExactlyOnce() {
		Recorder recorder = new Recorder().failing("second", 1);
		runner().withBean(Recorder.class, () -> recorder)
			.withUserConfiguration(FirstHandler.class, SecondHandler.class, ThirdHandler.class)
			.run((context) -> {
				WebhookDispatcher dispatcher = context.getBean(WebhookDispatcher.class);
				String body = delivery();
				int deliveries = 20;
				ExecutorService executor = Executors.newFixedThreadPool(deliveries);
				try {
					int processed = 0;
					boolean acknowledged = false;
					// Rounds of racing deliveries, as the sender retries every 5xx; a round after the one that saw
					// the failure always finds the key released, so a few rounds settle it.
					for (int round = 0; round < 10 && !acknowledged; round++) {
						CountDownLatch start = new CountDownLatch(1);
						List<Future<WebhookOutcome>> outcomes = new ArrayList<>();
						for (int i = 0; i < deliveries; i++) {
							org.springframework.http.HttpHeaders headers = Deliveries.sign(body);
							outcomes.add(executor.submit(() -> {
								start.await();
								return dispatcher.dispatch(headers, Deliveries.bytes(body));
							}));
						}
						start.countDown();
						for (Future<WebhookOutcome> outcome : outcomes) {
							Result result = outcome.get(60, TimeUnit.SECONDS).result();
							assertThat(result).isIn(Result.PROCESSED, Result.DUPLICATE, Result.DUPLICATE_IN_PROGRESS,
									Result.HANDLER_FAILED);
							processed += (result == Result.PROCESSED) ? 1 : 0;
							acknowledged |= (result == Result.PROCESSED || result == Result.DUPLICATE);
						}
					}
					assertThat(acknowledged).isTrue();
					assertThat(processed).isOne();
					assertThat(recorder.completions("first")).isOne();
					assertThat(recorder.completions("second")).isOne();
					assertThat(recorder.completions("third")).isOne();
					assertThat(recorder.attempts("first")).isOne();
					assertThat(recorder.attempts("second")).isEqualTo(2);
				}
				finally {
					executor.shutdownNow();
				}
			});
	}

	@Test
	void handlerAddedInANewVersionRunsOnRedelivery() {
		Recorder recorder = new Recorder().failing("second", 1);
		String body = delivery();
		restartableRunner().withBean(Recorder.class, () -> recorder)
			.withUserConfiguration(FirstHandler.class, SecondHandler.class)
			.run((context) -> assertThat(deliver(context.getBean(WebhookDispatcher.class), body).status())
				.isEqualTo(500));
		// the new version (a new context: handler ids are derived again) adds a third handler
		restartableRunner().withBean(Recorder.class, () -> recorder)
			.withUserConfiguration(FirstHandler.class, SecondHandler.class, ThirdHandler.class)
			.run((context) -> {
				WebhookDispatcher dispatcher = context.getBean(WebhookDispatcher.class);
				assertThat(deliver(dispatcher, body).result()).isEqualTo(Result.PROCESSED);
				assertThat(deliver(dispatcher, body).result()).isEqualTo(Result.DUPLICATE);
			});
		assertThat(recorder.calls).containsExactly("first", "second", "second", "third");
		assertThat(recorder.completions("second")).isOne();
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

	/** Side effects of the handlers below, shared by the contexts of one test. */
	static final class Recorder {

		final List<String> calls = new CopyOnWriteArrayList<>();

		private final Map<String, AtomicInteger> completions = new ConcurrentHashMap<>();

		private final Map<String, AtomicInteger> failuresLeft = new ConcurrentHashMap<>();

		private final Map<String, Runnable> afterCompletion = new ConcurrentHashMap<>();

		Recorder failing(String handler, int times) {
			this.failuresLeft.put(handler, new AtomicInteger(times));
			return this;
		}

		/** Run {@code action} once, right after {@code handler}'s side effect happened. */
		Recorder afterCompletion(String handler, Runnable action) {
			this.afterCompletion.put(handler, action);
			return this;
		}

		void run(String handler) {
			this.calls.add(handler);
			AtomicInteger failures = this.failuresLeft.get(handler);
			if (failures != null && failures.getAndDecrement() > 0) {
				throw new IllegalStateException("planned failure of " + handler);
			}
			this.completions.computeIfAbsent(handler, (name) -> new AtomicInteger()).incrementAndGet();
			Runnable action = this.afterCompletion.remove(handler);
			if (action != null) {
				action.run();
			}
		}

		int attempts(String handler) {
			return (int) this.calls.stream().filter(handler::equals).count();
		}

		int completions(String handler) {
			AtomicInteger count = this.completions.get(handler);
			return (count != null) ? count.get() : 0;
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class FirstHandler {

		private final Recorder recorder;

		FirstHandler(Recorder recorder) {
			this.recorder = recorder;
		}

		@InteractorWebhook(InteractorEvents.ROOM_MESSAGE_CREATED)
		@Order(1)
		void handle(RoomMessageData data) {
			this.recorder.run("first");
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class SecondHandler {

		private final Recorder recorder;

		SecondHandler(Recorder recorder) {
			this.recorder = recorder;
		}

		@InteractorWebhook(InteractorEvents.ROOM_MESSAGE_CREATED)
		@Order(2)
		void handle(RoomMessageData data) {
			this.recorder.run("second");
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class ThirdHandler {

		private final Recorder recorder;

		ThirdHandler(Recorder recorder) {
			this.recorder = recorder;
		}

		@InteractorWebhook(InteractorEvents.ROOM_MESSAGE_CREATED)
		@Order(3)
		void handle(RoomMessageData data) {
			this.recorder.run("third");
		}

	}

}
