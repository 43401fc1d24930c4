package io.interactor.spring.test;

import java.util.Set;

import io.interactor.spring.webhook.idempotency.ClaimResult;
import io.interactor.spring.webhook.idempotency.IdempotencyStoreException;
import io.interactor.spring.webhook.idempotency.WebhookIdempotencyStore;

/**
 * An idempotency store whose backend is down: every operation fails as a real store's would.
 */
public final class UnavailableIdempotencyStore implements WebhookIdempotencyStore {

	@Override
	public ClaimResult claim(String key, String claimId) {
		throw down();
	}

	@Override
	public Set<String> completedHandlers(String key) {
		throw down();
	}

	@Override
	public void completeHandler(String key, String claimId, String handlerId) {
		throw down();
	}

	@Override
	public void complete(String key, String claimId) {
		throw down();
	}

	@Override
	public void release(String key, String claimId) {
		throw down();
	}

	private static IdempotencyStoreException down() {
		return new IdempotencyStoreException("down", new RuntimeException("connection refused"));
	}

}
