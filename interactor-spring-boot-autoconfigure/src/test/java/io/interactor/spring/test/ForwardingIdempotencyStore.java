package io.interactor.spring.test;

import java.time.Clock;
import java.time.Duration;
import java.util.Set;

import io.interactor.spring.webhook.idempotency.ClaimResult;
import io.interactor.spring.webhook.idempotency.InMemoryWebhookIdempotencyStore;
import io.interactor.spring.webhook.idempotency.WebhookIdempotencyStore;

/**
 * An application's own store as tests need one: a real in-memory store underneath, each method overridable to record
 * or fail calls.
 */
public class ForwardingIdempotencyStore implements WebhookIdempotencyStore {

	private final WebhookIdempotencyStore delegate = new InMemoryWebhookIdempotencyStore(10, Duration.ofMinutes(1),
			Duration.ofMinutes(10), Clock.systemUTC());

	@Override
	public ClaimResult claim(String key, String claimId) {
		return this.delegate.claim(key, claimId);
	}

	@Override
	public Set<String> completedHandlers(String key) {
		return this.delegate.completedHandlers(key);
	}

	@Override
	public void completeHandler(String key, String claimId, String handlerId) {
		this.delegate.completeHandler(key, claimId, handlerId);
	}

	@Override
	public void complete(String key, String claimId) {
		this.delegate.complete(key, claimId);
	}

	@Override
	public void release(String key, String claimId) {
		this.delegate.release(key, claimId);
	}

}
