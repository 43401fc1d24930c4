package io.interactor.spring.webhook.dispatch;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import io.interactor.spring.autoconfigure.InteractorWebhookAutoConfiguration;
import io.interactor.spring.test.Deliveries;
import io.interactor.spring.test.ForwardingIdempotencyStore;
import io.interactor.spring.webhook.InteractorWebhook;
import io.interactor.spring.webhook.dispatch.WebhookOutcome.Result;
import io.interactor.spring.webhook.idempotency.ClaimResult;
import io.interactor.spring.webhook.idempotency.IdempotencyStoreException;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Store operations whose outcome is in doubt: the dispatcher settles them as soon as the store answers again, instead
 * of leaving a claim that blocks redeliveries for the processing timeout or a completion that is never recorded.
 */
class UnsettledClaimTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(InteractorWebhookAutoConfiguration.class))
		.withUserConfiguration(Handlers.class, StoreConfiguration.class)
		.withPropertyValues("interactor.webhook.secret=" + Deliveries.SECRET);

	private static String body() {
		return Deliveries.body("room.message.created", "evt_" + UUID.randomUUID(), "{\"content\":\"hi\"}");
	}

	private static WebhookOutcome deliver(AssertableApplicationContext context, String body) {
		return context.getBean(WebhookDispatcher.class).dispatch(Deliveries.sign(body), Deliveries.bytes(body));
	}

	private static String idempotencyKey(String body) {
		return body.replaceAll(".*\"idempotency_key\":\"([^\"]+)\".*", "$1");
	}

	@Test
	void claimWrittenButItsAnswerLostIsReleasedWhenTheStoreAnswersAgain() {
		this.runner.run((context) -> {
			FaultyStore store = context.getBean(FaultyStore.class);
			Handlers handlers = context.getBean(Handlers.class);
			String body = body();
			store.loseAnswerOf = "claim";
			assertThat(deliver(context, body).result()).isEqualTo(Result.STORE_UNAVAILABLE);
			store.loseAnswerOf = null;
			// the claim is in the store, held by an attempt that answered 503 and processes nothing
			assertThat(store.claim(idempotencyKey(body), "someone-else")).isEqualTo(ClaimResult.IN_PROGRESS);
			assertThat(handlers.calls).isEmpty();
			// the redelivery is processed at once, not after the processing timeout
			assertThat(deliver(context, body).result()).isEqualTo(Result.PROCESSED);
			assertThat(handlers.calls).containsExactly("first", "second");
			assertThat(deliver(context, body).result()).isEqualTo(Result.DUPLICATE);
			assertThat(context.getBean(WebhookDispatcher.class).unsettledClaims()).isZero();
		});
	}

	@Test
	void claimOfAnotherKeyIsSettledByTheNextDelivery() {
		this.runner.run((context) -> {
			FaultyStore store = context.getBean(FaultyStore.class);
			WebhookDispatcher dispatcher = context.getBean(WebhookDispatcher.class);
			// the background settling must not get there first
			dispatcher.setSettleInterval(Duration.ofHours(1), Duration.ofHours(1));
			String stuck = body();
			store.loseAnswerOf = "claim";
			assertThat(deliver(context, stuck).result()).isEqualTo(Result.STORE_UNAVAILABLE);
			store.loseAnswerOf = null;
			assertThat(dispatcher.unsettledClaims()).isOne();
			assertThat(deliver(context, body()).result()).isEqualTo(Result.PROCESSED);
			assertThat(dispatcher.unsettledClaims()).isZero();
			// another instance sharing the store can claim the key now
			assertThat(store.claim(idempotencyKey(stuck), "another-instance")).isEqualTo(ClaimResult.CLAIMED);
		});
	}

	@Test
	void unrecordedHandlerCompletionIsRecordedBeforeTheRedeliverySoTheHandlerRunsOnce() {
		this.runner.run((context) -> {
			FaultyStore store = context.getBean(FaultyStore.class);
			Handlers handlers = context.getBean(Handlers.class);
			String body = body();
			store.down = "completeHandler";
			assertThat(deliver(context, body).result()).isEqualTo(Result.STORE_UNAVAILABLE);
			assertThat(handlers.calls).containsExactly("first");
			store.down = null;
			assertThat(deliver(context, body).result()).isEqualTo(Result.PROCESSED);
			assertThat(handlers.calls).containsExactly("first", "second");
		});
	}

	@Test
	void storeDownForEveryOperationThenBackRunsEachHandlerOnce() {
		this.runner.run((context) -> {
			FaultyStore store = context.getBean(FaultyStore.class);
			Handlers handlers = context.getBean(Handlers.class);
			String body = body();
			store.down = "completeHandler,release";
			assertThat(deliver(context, body).result()).isEqualTo(Result.STORE_UNAVAILABLE);
			store.down = "claim,completeHandler,release,complete";
			assertThat(deliver(context, body).result()).isEqualTo(Result.STORE_UNAVAILABLE);
			store.down = null;
			assertThat(deliver(context, body).result()).isEqualTo(Result.PROCESSED);
			assertThat(handlers.calls).containsExactly("first", "second");
			assertThat(context.getBean(WebhookDispatcher.class).unsettledClaims()).isZero();
		});
	}

	@Test
	void releaseThatFailedAfterAHandlerFailedIsSettledBeforeTheRedelivery() {
		this.runner.run((context) -> {
			FaultyStore store = context.getBean(FaultyStore.class);
			Handlers handlers = context.getBean(Handlers.class);
			String body = body();
			handlers.failSecond = true;
			store.down = "release";
			assertThat(deliver(context, body).result()).isEqualTo(Result.HANDLER_FAILED);
			handlers.failSecond = false;
			store.down = null;
			assertThat(deliver(context, body).result()).isEqualTo(Result.PROCESSED);
			assertThat(handlers.calls).containsExactly("first", "second!", "second");
		});
	}

	@Test
	void keyThatCouldNotBeCompletedIsCompletedWhenTheStoreAnswersAgain() {
		this.runner.run((context) -> {
			FaultyStore store = context.getBean(FaultyStore.class);
			Handlers handlers = context.getBean(Handlers.class);
			String body = body();
			store.down = "complete";
			// the last handler's completion and the key's are one store call: whether the last handler's was
			// recorded is not known, so the delivery is not reported as processed
			assertThat(deliver(context, body).result()).isEqualTo(Result.STORE_UNAVAILABLE);
			store.down = null;
			// a duplicate, not "in progress" until the processing timeout
			assertThat(deliver(context, body).result()).isEqualTo(Result.DUPLICATE);
			assertThat(store.claim(idempotencyKey(body), "another-instance")).isEqualTo(ClaimResult.COMPLETED);
			assertThat(handlers.calls).containsExactly("first", "second");
		});
	}

	@Test
	void claimLeftInDoubtIsSettledInTheBackgroundOnceTheStoreAnswersWithoutAnotherDelivery() {
		this.runner.run((context) -> {
			FaultyStore store = context.getBean(FaultyStore.class);
			WebhookDispatcher dispatcher = context.getBean(WebhookDispatcher.class);
			dispatcher.setSettleInterval(Duration.ofMillis(20), Duration.ofMillis(200));
			String body = body();
			String key = idempotencyKey(body);
			store.down = "release";
			store.loseAnswerOf = "claim";
			assertThat(deliver(context, body).result()).isEqualTo(Result.STORE_UNAVAILABLE);
			store.loseAnswerOf = null;
			assertThat(dispatcher.isSettlingInBackground()).isTrue();
			// the background task keeps trying while the store fails, and keeps the claim
			await().atMost(Duration.ofSeconds(30)).until(() -> store.failedReleases.get() >= 3);
			assertThat(dispatcher.unsettledClaims()).isOne();
			assertThat(store.claim(key, "another-instance")).isEqualTo(ClaimResult.IN_PROGRESS);

			store.down = null;
			// no delivery reaches this dispatcher: the background task releases the claim
			await().atMost(Duration.ofSeconds(30)).until(() -> dispatcher.unsettledClaims() == 0);
			assertThat(store.claim(key, "another-instance")).isEqualTo(ClaimResult.CLAIMED);
			await().atMost(Duration.ofSeconds(30)).until(() -> !dispatcher.isSettlingInBackground());
			// settled once: no release of the claim by a later run or delivery
			assertThat(deliver(context, body()).result()).isEqualTo(Result.PROCESSED);
			assertThat(store.releases(key)).isOne();
		});
	}

	@Test
	void redeliveryWhileTheBackgroundTaskSettlesItsKeyWaitsAndTheClaimIsReleasedOnce() {
		this.runner.run((context) -> {
			FaultyStore store = context.getBean(FaultyStore.class);
			WebhookDispatcher dispatcher = context.getBean(WebhookDispatcher.class);
			Handlers handlers = context.getBean(Handlers.class);
			dispatcher.setSettleInterval(Duration.ofMillis(10), Duration.ofMillis(50));
			String body = body();
			CountDownLatch gate = new CountDownLatch(1);
			store.releaseEntered = new CountDownLatch(1);
			store.releaseGate = gate;
			store.loseAnswerOf = "claim";
			assertThat(deliver(context, body).result()).isEqualTo(Result.STORE_UNAVAILABLE);
			store.loseAnswerOf = null;
			// the background task is inside the release of the claim when the redelivery arrives
			assertThat(store.releaseEntered.await(30, TimeUnit.SECONDS)).isTrue();
			CompletableFuture<WebhookOutcome> redelivery = new CompletableFuture<>();
			Thread redeliveryThread = new Thread(() -> redelivery.complete(deliver(context, body)));
			redeliveryThread.start();
			// the redelivery waits for the settling to finish (or, were settling not serialized, settles on its own)
			await().atMost(Duration.ofSeconds(30))
				.until(() -> redelivery.isDone() || redeliveryThread.getState() == Thread.State.WAITING);
			gate.countDown();
			assertThat(redelivery.get(30, TimeUnit.SECONDS).result()).isEqualTo(Result.PROCESSED);
			assertThat(handlers.calls).containsExactly("first", "second");
			assertThat(dispatcher.unsettledClaims()).isZero();
			// the redelivery did not release the claim a second time
			assertThat(store.releases(idempotencyKey(body))).isOne();
		});
	}

	@Test
	void backgroundSettlingStopsWhenTheContextClosesTheDispatcher() throws Exception {
		FaultyStore[] store = new FaultyStore[1];
		WebhookDispatcher[] dispatcher = new WebhookDispatcher[1];
		String body = body();
		this.runner.run((context) -> {
			store[0] = context.getBean(FaultyStore.class);
			dispatcher[0] = context.getBean(WebhookDispatcher.class);
			dispatcher[0].setSettleInterval(Duration.ofMillis(10), Duration.ofMillis(20));
			store[0].down = "release";
			store[0].loseAnswerOf = "claim";
			assertThat(deliver(context, body).result()).isEqualTo(Result.STORE_UNAVAILABLE);
			await().atMost(Duration.ofSeconds(30)).until(() -> store[0].failedReleases.get() >= 2);
		});
		// closing the context closed the dispatcher, which stopped its background task
		assertThat(dispatcher[0].awaitClosed(Duration.ofSeconds(30))).isTrue();
		assertThat(dispatcher[0].isSettlingInBackground()).isFalse();
		store[0].down = null;
		store[0].loseAnswerOf = null;
		// nothing settles the claim any more: it stays claimed, and it is kept for a later delivery
		assertThat(store[0].releases(idempotencyKey(body))).isZero();
		assertThat(store[0].claim(idempotencyKey(body), "another-instance")).isEqualTo(ClaimResult.IN_PROGRESS);
		assertThat(dispatcher[0].unsettledClaims()).isOne();
	}

	@Configuration(proxyBeanMethods = false)
	static class Handlers {

		final List<String> calls = Collections.synchronizedList(new ArrayList<>());

		volatile boolean failSecond;

		@InteractorWebhook("room.message.created")
		@Order(1)
		void first() {
			this.calls.add("first");
		}

		@InteractorWebhook("room.message.created")
		@Order(2)
		void second() {
			if (this.failSecond) {
				this.calls.add("second!");
				throw new IllegalStateException("failed");
			}
			this.calls.add("second");
		}

	}

	/**
	 * The in-memory store with a backend that fails on demand: {@code down} lists the operations that fail without
	 * effect, {@code loseAnswerOf} the ones that take effect and then fail, as when the connection breaks before the
	 * answer arrives.
	 */
	static class FaultyStore extends ForwardingIdempotencyStore {

		volatile String down;

		volatile String loseAnswerOf;

		/** Releases that took effect, by idempotency key. */
		final Map<String, AtomicInteger> releases = new ConcurrentHashMap<>();

		final AtomicInteger failedReleases = new AtomicInteger();

		/** When set, the background settling counts it down on entering a release, then waits for the gate. */
		volatile CountDownLatch releaseEntered;

		volatile CountDownLatch releaseGate;

		int releases(String key) {
			AtomicInteger count = this.releases.get(key);
			return (count != null) ? count.get() : 0;
		}

		private void before(String operation) {
			if (this.down != null && Set.of(this.down.split(",")).contains(operation)) {
				throw new IdempotencyStoreException("simulated outage", new RuntimeException());
			}
		}

		private void after(String operation) {
			if (operation.equals(this.loseAnswerOf)) {
				throw new IdempotencyStoreException("simulated lost answer", new RuntimeException());
			}
		}

		@Override
		public ClaimResult claim(String key, String claimId) {
			before("claim");
			ClaimResult result = super.claim(key, claimId);
			after("claim");
			return result;
		}

		@Override
		public void completeHandler(String key, String claimId, String handlerId) {
			before("completeHandler");
			super.completeHandler(key, claimId, handlerId);
			after("completeHandler");
		}

		@Override
		public void complete(String key, String claimId) {
			before("complete");
			super.complete(key, claimId);
			after("complete");
		}

		@Override
		public void release(String key, String claimId) {
			try {
				before("release");
			}
			catch (IdempotencyStoreException ex) {
				this.failedReleases.incrementAndGet();
				throw ex;
			}
			CountDownLatch entered = this.releaseEntered;
			CountDownLatch gate = this.releaseGate;
			if (entered != null && gate != null && Thread.currentThread().getName().equals("interactor-webhook-settle")) {
				entered.countDown();
				try {
					gate.await(30, TimeUnit.SECONDS);
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
				}
			}
			super.release(key, claimId);
			this.releases.computeIfAbsent(key, (k) -> new AtomicInteger()).incrementAndGet();
			after("release");
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class StoreConfiguration {

		@Bean
		FaultyStore faultyStore() {
			return new FaultyStore();
		}

	}

}
