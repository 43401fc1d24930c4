package io.interactor.spring.webhook.dispatch;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.UUID;

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
			// every completion is recorded: the delivery was processed
			assertThat(deliver(context, body).result()).isEqualTo(Result.PROCESSED);
			store.down = null;
			// a duplicate, not "in progress" until the processing timeout
			assertThat(deliver(context, body).result()).isEqualTo(Result.DUPLICATE);
			assertThat(store.claim(idempotencyKey(body), "another-instance")).isEqualTo(ClaimResult.COMPLETED);
			assertThat(handlers.calls).containsExactly("first", "second");
		});
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
			before("release");
			super.release(key, claimId);
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
