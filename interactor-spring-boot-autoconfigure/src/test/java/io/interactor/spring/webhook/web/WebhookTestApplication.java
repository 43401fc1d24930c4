package io.interactor.spring.webhook.web;

import java.time.Clock;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import io.interactor.spring.webhook.InteractorEvents;
import io.interactor.spring.webhook.InteractorWebhook;
import io.interactor.spring.webhook.RoomMessageData;
import io.interactor.spring.webhook.WorkflowInstanceData;
import io.interactor.spring.webhook.idempotency.ClaimResult;
import io.interactor.spring.webhook.idempotency.IdempotencyStoreException;
import io.interactor.spring.webhook.idempotency.InMemoryWebhookIdempotencyStore;
import io.interactor.spring.webhook.idempotency.WebhookIdempotencyStore;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * An application with webhook handlers, another POST endpoint and a store that tests can take down.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
public class WebhookTestApplication {

	@Bean
	Handlers handlers() {
		return new Handlers();
	}

	@Bean
	SwitchableStore switchableStore() {
		return new SwitchableStore();
	}

	public static class Handlers {

		final AtomicInteger messages = new AtomicInteger();

		final AtomicReference<String> lastContent = new AtomicReference<>();

		final AtomicReference<String> thread = new AtomicReference<>();

		@InteractorWebhook(InteractorEvents.ROOM_MESSAGE_CREATED)
		public void onMessage(RoomMessageData data) {
			this.messages.incrementAndGet();
			this.lastContent.set(data.content());
			this.thread.set(Thread.currentThread().getName());
		}

		@InteractorWebhook(InteractorEvents.WORKFLOW_INSTANCE_FAILED)
		public void onFailure(WorkflowInstanceData data) {
			throw new IllegalStateException("handler failure for " + data.instanceId());
		}

	}

	/** The in-memory store with a switch that simulates an unreachable backend. */
	public static class SwitchableStore implements WebhookIdempotencyStore {

		private final WebhookIdempotencyStore delegate = new InMemoryWebhookIdempotencyStore(1000,
				Duration.ofMinutes(5), Duration.ofDays(7), Clock.systemUTC());

		volatile boolean down;

		@Override
		public ClaimResult claim(String key, String claimId) {
			check();
			return this.delegate.claim(key, claimId);
		}

		@Override
		public Set<String> completedHandlers(String key) {
			check();
			return this.delegate.completedHandlers(key);
		}

		@Override
		public void completeHandler(String key, String claimId, String handlerId) {
			check();
			this.delegate.completeHandler(key, claimId, handlerId);
		}

		@Override
		public void complete(String key, String claimId) {
			check();
			this.delegate.complete(key, claimId);
		}

		@Override
		public void release(String key, String claimId) {
			check();
			this.delegate.release(key, claimId);
		}

		private void check() {
			if (this.down) {
				throw new IdempotencyStoreException("simulated outage", new RuntimeException());
			}
		}

	}

	/** Registered as a nested component of this configuration. */
	@RestController
	public static class OtherController {

		@PostMapping("/other")
		public String other() {
			return "other";
		}

	}

}
