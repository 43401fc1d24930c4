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
		assertThat(store().claim(key, "claim-1")).isEqualTo(ClaimResult.CLAIMED);
		assertThat(store().claim(key, "claim-2")).isEqualTo(ClaimResult.IN_PROGRESS);
	}

	@Test
	void completedKeyIsReportedAsCompleted() {
		String key = key();
		store().claim(key, "claim-1");
		store().complete(key, "claim-1");
		assertThat(store().claim(key, "claim-2")).isEqualTo(ClaimResult.COMPLETED);
	}

	@Test
	void releasedKeyCanBeClaimedAgain() {
		String key = key();
		store().claim(key, "claim-1");
		store().release(key, "claim-1");
		assertThat(store().claim(key, "claim-2")).isEqualTo(ClaimResult.CLAIMED);
	}

	@Test
	void releaseWithAnotherClaimIdLeavesTheClaimInPlace() {
		// A delivery whose claim lapsed must not free the claim another delivery has taken since.
		String key = key();
		store().claim(key, "claim-1");
		store().release(key, "lapsed-claim");
		assertThat(store().claim(key, "claim-2")).isEqualTo(ClaimResult.IN_PROGRESS);
	}

	@Test
	void releaseAfterCompletionKeepsTheKeyCompleted() {
		String key = key();
		store().claim(key, "claim-1");
		store().complete(key, "claim-1");
		store().release(key, "claim-1");
		assertThat(store().claim(key, "claim-2")).isEqualTo(ClaimResult.COMPLETED);
	}

	@Test
	void keysAreIndependent() {
		String first = key();
		String second = key();
		assertThat(store().claim(first, "claim-1")).isEqualTo(ClaimResult.CLAIMED);
		assertThat(store().claim(second, "claim-1")).isEqualTo(ClaimResult.CLAIMED);
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
				String claimId = "claim-" + i;
				results.add(executor.submit(() -> {
					start.await();
					return store().claim(key, claimId);
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
