package io.interactor.spring.webhook.idempotency;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Contract every {@link WebhookIdempotencyStore} must satisfy.
 */
abstract class AbstractIdempotencyStoreTests {

	protected abstract WebhookIdempotencyStore store();

	protected String key() {
		return "evt_" + UUID.randomUUID();
	}

	@Test
	void firstClaimWinsAndLaterClaimsSeeProcessing() {
		String key = key();
		assertThat(store().claim(key)).isEqualTo(ClaimResult.CLAIMED);
		assertThat(store().claim(key)).isEqualTo(ClaimResult.IN_PROGRESS);
	}

	@Test
	void completedKeyIsReportedAsCompleted() {
		String key = key();
		store().claim(key);
		store().complete(key);
		assertThat(store().claim(key)).isEqualTo(ClaimResult.COMPLETED);
	}

	@Test
	void releasedKeyCanBeClaimedAgain() {
		String key = key();
		store().claim(key);
		store().release(key);
		assertThat(store().claim(key)).isEqualTo(ClaimResult.CLAIMED);
	}

	@Test
	void keysAreIndependent() {
		String first = key();
		String second = key();
		assertThat(store().claim(first)).isEqualTo(ClaimResult.CLAIMED);
		assertThat(store().claim(second)).isEqualTo(ClaimResult.CLAIMED);
	}

	@Test
	void exactlyOneOfFiftyConcurrentClaimsWins() throws Exception {
		String key = key();
		int threads = 50;
		ExecutorService executor = Executors.newFixedThreadPool(threads);
		try {
			CountDownLatch start = new CountDownLatch(1);
			List<Future<ClaimResult>> results = new ArrayList<>();
			for (int i = 0; i < threads; i++) {
				results.add(executor.submit(() -> {
					start.await();
					return store().claim(key);
				}));
			}
			start.countDown();
			int claimed = 0;
			for (Future<ClaimResult> result : results) {
				if (result.get(30, TimeUnit.SECONDS) == ClaimResult.CLAIMED) {
					claimed++;
				}
			}
			assertThat(claimed).isEqualTo(1);
		}
		finally {
			executor.shutdownNow();
		}
	}

}
